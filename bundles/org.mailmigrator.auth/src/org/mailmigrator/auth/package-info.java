/**
 * OAuth2 sign-in for accounts: where access tokens come from ({@link org.mailmigrator.core.spi.SignIn.TokenSource}
 * implementations on the Nimbus OAuth 2.0 SDK) and how an account's settings and sealed secret become a
 * {@link org.mailmigrator.core.spi.SignIn}; the interactive sign-ins (browser with a loopback redirect, device code on
 * a console). Connectors only see the SignIn; keys, refresh tokens and token
 * endpoints stay here. docs/sign-in.md is the administrator's view.
 */
package org.mailmigrator.auth;
