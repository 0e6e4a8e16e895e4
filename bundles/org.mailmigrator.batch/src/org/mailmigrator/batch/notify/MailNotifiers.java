package org.mailmigrator.batch.notify;

import java.io.IOException;
import java.util.Optional;

import org.mailmigrator.core.model.Secret;

/**
 * The batch bundle's notifier contribution {@code smtp}: a {@link MailNotifier} for a run of a batch that has a
 * notification address, on the SMTP server of the workspace preferences ({@link SmtpSettings}) with the login's
 * password from the vault ({@link SmtpPassword}). Without an address it has nothing to do; without a server, or
 * when the password cannot be opened, it says so once and sends nothing.
 */
public final class MailNotifiers implements NotifierFactory {

    @Override
    public Optional<Notifier> create(NotifierContext context) {
        var batch = context.batch();
        if (batch.notificationAddress().isEmpty()) {
            return Optional.empty();
        }
        Optional<SmtpSettings> smtp;
        try {
            smtp = SmtpSettings.load(context.workspace());
        } catch (IOException | RuntimeException e) {
            context.problems().accept("cannot read the SMTP settings (" + SmtpSettings.file(context.workspace()) + "): "
                    + e.getMessage() + ": no notification will be sent");
            return Optional.empty();
        }
        if (smtp.isEmpty()) {
            context.problems().accept("batch " + batch.name() + " has a notification address but no SMTP server is set "
                    + "in the workspace preferences (" + SmtpSettings.file(context.workspace()) + "; set it with "
                    + "'mailmigrator batch notify-settings' or in Preferences > Mail Migrator > Notifications): no "
                    + "notification will be sent");
            return Optional.empty();
        }
        Optional<Secret> password = Optional.empty();
        if (smtp.get().login().isPresent()) {
            try {
                password = SmtpPassword.load(context.workspace(), context.vault());
            } catch (IOException e) {
                context.problems().accept("the SMTP password cannot be read: " + e.getMessage()
                        + ": no notification will be sent");
                return Optional.empty();
            }
        }
        try {
            Optional<String> auth = password.isPresent() ? SmtpSettings.auth(context.workspace()) : Optional.empty();
            if (auth.isPresent()) {
                // smtp.auth=xoauth2: the stored secret is an OAuth2 key or token (docs/sign-in.md)
                org.mailmigrator.auth.SignIns.mechanism(auth.get());
                var tokens = org.mailmigrator.auth.SignIns.tokens(password.get(), smtp.get().login().orElse(""),
                        java.util.List.of("https://mail.google.com/"), "the stored SMTP OAuth2 secret",
                        java.time.Clock.systemUTC());
                return Optional.of(new MailNotifier(smtp.get(), tokens, context.allowPlaintext(),
                        batch.notificationAddress().get(), context.problems()));
            }
        } catch (IOException | IllegalArgumentException e) {
            context.problems().accept("the SMTP sign-in cannot be used: " + e.getMessage() + ": no notification will be sent");
            return Optional.empty();
        }
        return Optional.of(new MailNotifier(smtp.get(), password, context.allowPlaintext(),
                batch.notificationAddress().get(), context.problems()));
    }
}
