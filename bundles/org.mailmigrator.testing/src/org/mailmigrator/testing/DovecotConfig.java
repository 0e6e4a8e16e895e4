package org.mailmigrator.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The dovecot.conf of a test instance: loopback only, its own base_dir, one unprivileged account. */
final class DovecotConfig {
    private DovecotConfig() {
    }

    static String render(Path dir, int imap, int imaps, RunAs runAs, DovecotOptions options) {
        Dovecot.Layout layout = options.layout();
        boolean tls = options.tls();
        Path dh = Path.of("/usr/share/dovecot/dh.pem");
        String storage = layout == Dovecot.Layout.SLASH
                ? "mail_location = maildir:~/Maildir:LAYOUT=fs:INBOX=~/Maildir/INBOX\n"
                        + "namespace inbox {\n  inbox = yes\n  separator = /\n  prefix =\n" + specialUse() + "}\n"
                : "mail_location = maildir:~/Maildir\n"
                        + "namespace inbox {\n  inbox = yes\n  separator = .\n  prefix = INBOX.\n" + specialUse() + "}\n";
        String quota = plugins(options);
        return """
                # Generated for a test: private instance, NOT the system dovecot.
                protocols = imap
                listen = %1$s
                base_dir = %2$s/base
                state_dir = %2$s/state
                log_path = %2$s/log/dovecot.log
                info_log_path = %2$s/log/dovecot.log
                default_login_user = %3$s
                default_internal_user = %3$s
                default_internal_group = %4$s
                first_valid_uid = %5$d
                last_valid_uid = %5$d
                first_valid_gid = %6$d
                last_valid_gid = %6$d
                %7$s
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                passdb {
                  driver = static
                  args = password=%8$s
                }
                userdb {
                  driver = static
                  args = uid=%5$d gid=%6$d home=%2$s/home/%%u allow_all_users=yes
                }
                %9$s
                %10$s
                mail_fsync = never
                mail_max_userip_connections = %13$d
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = %1$s
                    port = %11$d
                  }
                  %12$s
                }
                service imap {
                  process_limit = 256
                }
                service anvil {
                  chroot =
                }
                service stats {
                  unix_listener stats-writer {
                    mode = 0666
                  }
                }
                """.formatted(Dovecot.HOST, dir, runAs.user(), runAs.group(), runAs.uid(), runAs.gid(),
                tls ? "ssl = yes\nssl_cert = <" + dir + "/ssl/cert.pem\nssl_key = <" + dir + "/ssl/key.pem\n"
                        + (Files.isReadable(dh) ? "ssl_dh = <" + dh : "") : "ssl = no",
                Dovecot.PASSWORD, storage, quota, imap,
                tls ? "inet_listener imaps {\n    address = " + Dovecot.HOST + "\n    port = " + imaps
                        + "\n    ssl = yes\n  }" : "", options.connectionsPerUser());
    }

    /**
     * The plugins the options ask for: without options none, as before (quota off, no COMPRESS); storage=0 means
     * "no storage limit".
     */
    private static String plugins(DovecotOptions o) {
        if (!o.quotaPlugin() && !o.compress()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("mail_plugins = $mail_plugins")
                .append(o.quotaPlugin() ? " quota" : "").append(o.compress() ? " zlib" : "").append('\n');
        boolean imapQuota = o.quotaKib() > 0;
        if (imapQuota || o.announceAppendLimit() || o.compress()) {
            sb.append("protocol imap {\n");
            if (imapQuota || o.compress()) {
                sb.append("  mail_plugins = $mail_plugins").append(imapQuota ? " imap_quota" : "")
                        .append(o.compress() ? " imap_zlib" : "").append('\n');
            }
            if (o.announceAppendLimit()) {
                sb.append("  imap_capability = +APPENDLIMIT=").append(o.maxMessageSize()).append('\n');
            }
            sb.append("}\n");
        }
        if (!o.quotaPlugin()) {
            return sb.toString();
        }
        sb.append("plugin {\n  quota = count:User quota\n  quota_rule = *:storage=")
                .append(o.quotaKib() > 0 ? o.quotaKib() + "K" : "0").append("\n  quota_vsizes = yes\n");
        if (o.maxMessageSize() > 0) {
            sb.append("  quota_max_mail_size = ").append(o.maxMessageSize()).append("B\n");
        }
        return sb.append("}\n").toString();
    }

    private static String specialUse() {
        StringBuilder sb = new StringBuilder();
        for (String[] m : new String[][] { { "Drafts", "\\Drafts" }, { "Sent", "\\Sent" }, { "Trash", "\\Trash" },
                { "Junk", "\\Junk" }, { "Archive", "\\Archive" } }) {
            sb.append("  mailbox ").append(m[0]).append(" {\n    special_use = ").append(m[1]).append("\n  }\n");
        }
        return sb.toString();
    }
}
