/**
 * OAuth2 sign-in against real parts on loopback: mock-oauth2-server (its own JVM) issuing JWT access tokens, a
 * Dovecot whose oauth2 passdb validates them locally with the server's key, and a password Dovecot as the other
 * side of the migrations.
 */
package org.mailmigrator.auth.tests;
