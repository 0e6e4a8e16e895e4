/**
 * POP3 on Angus Mail, read only: one maildrop shown as the folder INBOX, messages known by their UIDL, the arrival
 * date read from the headers, sign-in with a password or an OAuth2 token (SASL XOAUTH2, renewed once), TLS (POP3S or required STLS) checked by the core's {@code PinningTrustManager}, and
 * failures typed by what the engine must do. Nothing here ever marks a message deleted: the maildrop is opened
 * read only and Angus is told to send RSET before QUIT, so no DELE can reach the server.
 * <p>
 * Uses the core mail, model and SPI packages, Angus Mail and the JDK; no engine, no OSGi types. Only this bundle
 * and {@code connector.pop3.tests} ({@code x-friends}) may use it.
 */
package org.mailmigrator.connector.pop3.internal;
