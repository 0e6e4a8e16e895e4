/**
 * The PST reader behind the {@code pst} connector: the file opened with java-libpst, its folder tree with the
 * special folders, and each message rebuilt as MIME one at a time. Not API.
 */
package org.mailmigrator.connector.pst.internal;
