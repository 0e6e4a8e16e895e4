/**
 * The demo batch: two IMAP servers inside the application (GreenMail, on 127.0.0.1 with free ports), sample
 * mailboxes generated the same way on every start, and a batch of migrations between them, so that a newcomer
 * sees the product work end to end with nothing installed. The servers hold everything in memory and end
 * with the process (or {@link org.mailmigrator.demo.Demo#close()}).
 */
package org.mailmigrator.demo;
