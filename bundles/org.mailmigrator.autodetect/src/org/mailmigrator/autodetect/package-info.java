/**
 * Server settings autodetection: from an e-mail address (or a whole batch) to IMAP, POP3, SMTP, EWS, CalDAV and
 * CardDAV servers, with the trail of what was tried, how sure the answer is, and provider advice. Start with
 * {@link org.mailmigrator.autodetect.Detector}; presets come from {@link org.mailmigrator.autodetect.ProviderRegistry}.
 */
package org.mailmigrator.autodetect;
