/**
 * Token sources (cached, refreshed before expiry), the token endpoint client and the loopback redirect
 * receiver of the authorization code flow. Not API: visible to the tests only.
 */
package org.mailmigrator.auth.internal;
