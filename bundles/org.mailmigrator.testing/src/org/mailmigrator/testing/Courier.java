package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A private Courier-IMAP 5 on loopback ({@code couriertcpd PORT imaplogin imapd Maildir}): no CONDSTORE, no
 * SPECIAL-USE, no LITERAL+, {@code UTF8=ACCEPT}, {@code INBOX.} prefix with {@code .} separator, Maildir++
 * homes. Run from the tree {@code releng/scripts/test-servers.sh} unpacked (Debian's courier-imap cannot be
 * installed beside Dovecot). Courier's login library reaches its authentication daemon at a compiled-in path
 * ({@code /run/courier/...}) and reads {@code /etc/courier}: the fixture therefore starts it in a mount
 * namespace of its own ({@code unshare -m}, so it needs root) where the unpacked tree is laid over {@code /usr},
 * a folder of its own over {@code /etc} and {@code /run}; nothing of the machine changes. The daemons then run
 * as the unprivileged test user; users come from a userdb of the fixture's own.
 */
public final class Courier implements ImapServer {
    private final Path dir;
    private final int port;
    private final Process tcpd;

    private Courier(Path dir, int port, Process tcpd) {
        this.dir = dir;
        this.port = port;
        this.tcpd = tcpd;
    }

    public static Courier start(Collection<String> users) throws IOException, InterruptedException {
        Path root = ServerTree.root("courier", "usr/sbin/couriertcpd");
        RunAs runAs = RunAs.detect();
        if (!runAs.root()) {
            throw new IOException("the Courier fixture needs root (a private mount namespace); run the tests as root");
        }
        Path dir = Files.createTempDirectory("mailmigrator-courier-");
        for (String sub : List.of("etc/courier", "etcwork", "run/courier/authdaemon", "log", "home")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.createSymbolicLink(dir.resolve("run/courier/autthdaemon"), Path.of("authdaemon")); // Debian's client path
        Files.writeString(dir.resolve("etc/courier/authdaemonrc"), "authmodulelist=\"authuserdb\"\ndaemons=3\n"
                + "authdaemonvar=/run/courier/authdaemon\nDEBUG_LOGIN=0\nDEFAULTOPTIONS=\"\"\nLOGGEROPTS=\"\"\n");
        String hash = RunAs.run("openssl", "passwd", "-1", Dovecot.PASSWORD).trim();
        StringBuilder userdb = new StringBuilder();
        StringBuilder maildirs = new StringBuilder();
        for (String user : users) {
            Path home = dir.resolve("home").resolve(user);
            userdb.append(user).append("\tuid=").append(runAs.uid()).append("|gid=").append(runAs.gid()).append("|home=")
                    .append(home).append("|mail=").append(home).append("/Maildir|systempw=").append(hash).append('\n');
            maildirs.append("mkdir -p '").append(home).append("' && /usr/bin/maildirmake.courier '").append(home)
                    .append("/Maildir'\n");
        }
        Files.writeString(dir.resolve("etc/courier/userdb"), userdb.toString());
        int port = LoopbackServer.freePort();
        String user = "setpriv --reuid=" + runAs.uid() + " --regid=" + runAs.gid() + " --init-groups ";
        // the overlay on /etc is written to our folder; the userdb files are made readable because an overlay
        // checks access with the mounter's rights too
        String script = String.join("\n", "set -e",
                "mount --make-rprivate /",
                "mount -t overlay overlay -o lowerdir=/etc,upperdir=" + dir.resolve("etc") + ",workdir="
                        + dir.resolve("etcwork") + " /etc",
                "mount -t overlay overlay -o lowerdir=" + root.resolve("usr") + ":/usr /usr",
                "mount --bind " + dir.resolve("run") + " /run",
                "chmod 600 /etc/courier/userdb && makeuserdb && chmod 644 /etc/courier/userdbshadow.dat",
                maildirs.toString(),
                "chown -R " + runAs.uid() + ":" + runAs.gid() + " " + dir,
                "set -a; . /etc/courier/authdaemonrc; set +a",
                user + "/usr/sbin/authdaemond start",
                "export IMAP_CAPABILITY='IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES"
                        + " SORT QUOTA IDLE' IMAP_KEYWORDS=1 IMAP_ACL=1 IMAP_TRASHFOLDERNAME=Trash IMAP_EMPTYTRASH="
                        + " IMAP_USELOCKS=1 IMAP_MAILBOX_SANITY_CHECK=1 IMAP_UMASK=022 IMAP_ULIMITD=131072"
                        + " MAILDIRPATH=Maildir",
                "exec " + user + "/usr/sbin/couriertcpd -address=" + Dovecot.HOST + " -nodnslookup -noidentlookup"
                        + " -maxprocs=40 -maxperip=40 " + port + " /usr/lib/courier/courier/imaplogin /usr/bin/imapd Maildir",
                "");
        Files.writeString(dir.resolve("start.sh"), script, StandardCharsets.UTF_8);
        Process tcpd = LoopbackServer.start(List.of("unshare", "-m", "sh", dir.resolve("start.sh").toString()),
                dir.resolve("log/courier.out"), Map.of());
        Courier courier = new Courier(dir, port, tcpd);
        if (!LoopbackServer.awaitGreeting(port, tcpd)) {
            String text = courier.log();
            courier.close();
            throw new IOException("courier did not answer on port " + port + ":\n" + text);
        }
        return courier;
    }

    @Override
    public String name() {
        return "courier";
    }

    @Override
    public int imapPort() {
        return port;
    }

    @Override
    public String log() {
        return LoopbackServer.read(dir.resolve("log/courier.out"));
    }

    /** Stops couriertcpd (its imapd children with it) and the authentication daemon, and deletes the folder. */
    @Override
    public void close() {
        tcpd.descendants().forEach(ProcessHandle::destroy);
        LoopbackServer.stop(tcpd);
        try {
            Path pid = dir.resolve("run/courier/authdaemon/pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
            }
            Thread.sleep(100);
            RunAs.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // a test server that cannot be cleaned up must not hide the test's own result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
