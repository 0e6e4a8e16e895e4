/**
 * Token sources (cached, refreshed before expiry), the token endpoint client, the loopback redirect
 * receiver of the authorization code flow and the token file a rotated refresh token is written back to. Not API: visible to the tests only.
 */
package org.mailmigrator.auth.internal;
