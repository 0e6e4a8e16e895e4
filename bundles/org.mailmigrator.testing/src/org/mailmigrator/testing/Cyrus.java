package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A private Cyrus IMAP 3.6 on loopback, run from the tree that {@code releng/scripts/test-servers.sh} unpacked
 * (Debian's cyrus-imapd cannot be installed beside Dovecot): its {@code master} with a configuration of its own
 * in a temporary folder, as the unprivileged test user ({@code cyrus_user}), users in a sasldb of its own
 * ({@code saslpasswd2}), INBOX and Sent/Drafts/Trash/Junk with their special-use attributes created at the
 * first login. Cyrus rewrites 8-bit bytes in a stored message's header to {@code X}.
 */
public final class Cyrus implements ImapServer {
    /** The two namespaces of {@code altnamespace}/{@code unixhierarchysep}. */
    public enum Layout {
        /** Both off: {@code INBOX.} prefix, {@code .} separator ({@code INBOX.Sent}); {@code /} cannot be in a name. */
        INBOX_DOT,
        /** Both on: no prefix, {@code /} separator ({@code Sent}, {@code Work/v2.0}). */
        SLASH
    }

    private final String name;
    private final Path dir;
    private final int port;
    private final Process master;

    private Cyrus(String name, Path dir, int port, Process master) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.master = master;
    }

    public static Cyrus start(Layout layout, Collection<String> users) throws IOException, InterruptedException {
        return start(layout, users, imapdConf -> "");
    }

    /** Starts a server whose master also runs the SERVICES lines {@code services} gives for its imapd.conf (CyrusPop3). */
    static Cyrus start(Layout layout, Collection<String> users, java.util.function.Function<Path, String> services)
            throws IOException, InterruptedException {
        Path root = ServerTree.root("cyrus", "usr/lib/cyrus/bin/master");
        RunAs runAs = RunAs.detect();
        Path dir = Files.createTempDirectory("mailmigrator-cyrus-");
        for (String sub : List.of("conf", "part", "sieve", "socket", "lock", "run", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        int port = LoopbackServer.freePort();
        boolean slash = layout == Layout.SLASH;
        Path imapd = dir.resolve("imapd.conf");
        Files.writeString(imapd, String.join("\n",
                "configdirectory: " + dir.resolve("conf"),
                "defaultpartition: default",
                "partition-default: " + dir.resolve("part"),
                "sievedir: " + dir.resolve("sieve"),
                "cyrus_user: " + runAs.user(),
                "cyrus_group: " + runAs.group(),
                "sasl_pwcheck_method: auxprop",
                "sasl_auxprop_plugin: sasldb",
                "sasl_sasldb_path: " + dir.resolve("sasldb2"),
                "sasl_mech_list: PLAIN LOGIN",
                "allowplaintext: yes",
                "altnamespace: " + (slash ? "yes" : "no"),
                "unixhierarchysep: " + (slash ? "yes" : "no"),
                "autocreate_quota: 0",
                "autocreate_inbox_folders: Sent|Drafts|Trash|Junk",
                "xlist-sent: Sent", "xlist-drafts: Drafts", "xlist-trash: Trash", "xlist-junk: Junk",
                "lmtpsocket: " + dir.resolve("socket/lmtp"),
                "idlesocket: " + dir.resolve("socket/idle"),
                "notifysocket: " + dir.resolve("socket/notify"),
                "mboxname_lockpath: " + dir.resolve("lock"),
                "proc_path: " + dir.resolve("run/proc"),
                "syslog_prefix: mailmigrator-cyrus",
                "") , StandardCharsets.UTF_8);
        String bin = root.resolve("usr/lib/cyrus/bin").toString();
        Path cyrusConf = dir.resolve("cyrus.conf");
        Files.writeString(cyrusConf, "START {\n  recover cmd=\"" + bin + "/ctl_cyrusdb -C " + imapd + " -r\"\n}\n"
                + "SERVICES {\n  imap cmd=\"" + bin + "/imapd -C " + imapd + "\" listen=\"" + Dovecot.HOST + ":" + port
                + "\" prefork=0\n" + services.apply(imapd) + "}\nEVENTS {\n}\n", StandardCharsets.UTF_8);
        for (String user : users) {
            Process p = new ProcessBuilder(root.resolve("usr/sbin/saslpasswd2").toString(), "-p", "-c", "-f",
                    dir.resolve("sasldb2").toString(), user).redirectErrorStream(true).start();
            p.getOutputStream().write((Dovecot.PASSWORD + "\n").getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("saslpasswd2 " + user + " failed: " + out);
            }
        }
        if (runAs.root()) {
            RunAs.run("chown", "-R", runAs.user() + ":" + runAs.group(), dir.toString());
        }
        Path log = dir.resolve("log/master.out");
        String libs = root.resolve("usr/lib/x86_64-linux-gnu") + ":" + root.resolve("usr/lib");
        Process master = LoopbackServer.start(ServerTree.asUser(runAs, bin + "/master", "-C", imapd.toString(), "-M",
                cyrusConf.toString(), "-p", dir.resolve("run/master.pid").toString()), log, Map.of("LD_LIBRARY_PATH", libs));
        Cyrus cyrus = new Cyrus("cyrus-" + (slash ? "slash" : "inbox-dot"), dir, port, master);
        if (!LoopbackServer.awaitGreeting(port, master)) {
            String text = cyrus.log();
            cyrus.close();
            throw new IOException("cyrus master did not answer on port " + port + ":\n" + text);
        }
        return cyrus;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int imapPort() {
        return port;
    }

    @Override
    public String log() {
        return LoopbackServer.read(dir.resolve("log/master.out"));
    }

    /** Stops master (which stops its imapd processes) and deletes the folder. */
    @Override
    public void close() {
        master.descendants().forEach(ProcessHandle::destroy);
        LoopbackServer.stop(master);
        try {
            RunAs.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // a test server that cannot be cleaned up must not hide the test's own result
        }
    }
}
