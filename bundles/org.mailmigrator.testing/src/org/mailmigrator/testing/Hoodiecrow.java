package org.mailmigrator.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Gmail-like IMAP server on loopback: hoodiecrow-imap 2.1.0 from the npm registry under node, with
 * X-GM-EXT-1 announced, SPECIAL-USE, CONDSTORE and UIDPLUS, and a mailbox scripted by the test
 * ({@link Storage}: INBOX, label folders, {@code [Gmail]/…} below a {@code \Noselect} parent). Everything
 * lives in memory and is lost when the server stops. Its partial-fetch answer is {@code BODY[]<0.1048576>}.
 * Installed once per machine in {@code ~/.cache/mailmigrator-tests/} (or where the system property
 * {@code mailmigrator.hoodiecrow} says); a missing node or npm fails the test.
 */
public final class Hoodiecrow implements ImapServer {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "testuser";
    public static final String PASSWORD = "testpass";
    public static final String VERSION = "2.1.0";
    private final Process process;
    private final Path dir;
    private final int port;
    private final String password;

    private Hoodiecrow(Process process, Path dir, int port, String password) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /**
     * An empty Gmail-like server (INBOX only) where each of {@code users} logs in with {@link Dovecot#PASSWORD}:
     * the scenario matrix's form. hoodiecrow keeps one mailbox for all its users, so a test gives each role a
     * server of its own.
     */
    public static Hoodiecrow startEmpty(List<String> users) throws IOException, InterruptedException {
        return start(new Storage().users(users, Dovecot.PASSWORD));
    }

    /** Starts a server holding {@code storage}. */
    public static Hoodiecrow start(Storage storage) throws IOException, InterruptedException {
        Path home = install();
        Path dir = Files.createTempDirectory("mailmigrator-hoodiecrow-");
        Path script = dir.resolve("gmail-like.js");
        try (InputStream in = Hoodiecrow.class.getResourceAsStream("hoodiecrow/gmail-like.js")) {
            if (in == null) {
                throw new IOException("hoodiecrow/gmail-like.js is missing from the testing bundle");
            }
            Files.copy(in, script);
        }
        Path json = dir.resolve("storage.json");
        Files.writeString(json, storage.toJson(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(RunAs.find("node").toString(), script.toString(), home.toString(), json.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith("LISTENING ")) {
                Thread drain = new Thread(() -> drain(out), "hoodiecrow-output");
                drain.setDaemon(true);
                drain.start();
                return new Hoodiecrow(p, dir, Integer.parseInt(line.substring(10).trim()),
                        storage.users.isEmpty() ? PASSWORD : storage.userPassword);
            }
            log.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new IOException("hoodiecrow did not start:\n" + log);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the server's own log: not needed, but the pipe must not fill up
            }
        } catch (IOException e) {
            // the server stopped
        }
    }

    /** The folder holding node_modules/hoodiecrow-imap, installed with npm when missing. */
    public static Path install() throws IOException, InterruptedException {
        String marker = "node_modules/hoodiecrow-imap/package.json";
        return LoopbackServer.installOnce("mailmigrator.hoodiecrow", "hoodiecrow-imap-" + VERSION, marker, home -> {
            Process p = new ProcessBuilder(RunAs.find("npm").toString(), "install", "--no-audit", "--no-fund",
                    "--prefix", home.toString(), "hoodiecrow-imap@" + VERSION).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(home.resolve(marker))) {
                throw new IOException("npm install hoodiecrow-imap@" + VERSION + " failed:\n" + output);
            }
        });
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "hoodiecrow";
    }

    @Override
    public int imapPort() {
        return port;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String log() {
        return "(hoodiecrow keeps no log)";
    }

    @Override
    public void close() {
        LoopbackServer.stop(process);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * One message: its exact bytes, flags and arrival date ({@code 14-Sep-2013 21:22:28 -0300}, or null), and its
     * Gmail message id (X-GM-MSGID, decimal): one Gmail message in several folders (labels) is one {@code Message}
     * with one id in each; null lets the server number it.
     */
    public record Message(byte[] raw, List<String> flags, String internalDate, String gmailId) {
        public Message(byte[] raw, List<String> flags, String internalDate) {
            this(raw, flags, internalDate, null);
        }

        /** The same message with its Gmail id. */
        public Message withGmailId(String id) {
            return new Message(raw, flags, internalDate, id);
        }
    }

    /**
     * The scripted mailbox: INBOX, folders below the root (separator {@code /}), optional special use, the
     * {@code \Noselect} {@code [Gmail]} parent, and folders whose APPEND is refused with a given UTF-8 text.
     */
    public static final class Storage {
        private final Map<String, List<Message>> folders = new LinkedHashMap<>();
        private final Map<String, String> specialUse = new LinkedHashMap<>();
        private final Map<String, String> refuseAppend = new LinkedHashMap<>();
        private final Map<String, String> refuseSelect = new LinkedHashMap<>();
        private final List<String> users = new ArrayList<>();
        private String userPassword;

        /** These users instead of hoodiecrow's own {@code testuser}; all with one password. */
        public Storage users(List<String> names, String password) {
            users.addAll(names);
            userPassword = password;
            return this;
        }

        /** Adds messages to a folder ("INBOX", "Work", "[Gmail]/All Mail"), creating it. */
        public Storage folder(String name, String specialUseFlag, List<Message> messages) {
            folders.computeIfAbsent(name, k -> new ArrayList<>()).addAll(messages);
            if (specialUseFlag != null) {
                specialUse.put(name, specialUseFlag);
            }
            return this;
        }

        public Storage refuseAppend(String folder, String text) {
            folders.computeIfAbsent(folder, k -> new ArrayList<>());
            refuseAppend.put(folder, text);
            return this;
        }

        /** SELECT and EXAMINE of the folder are refused (NO with the text): a folder the server will not open. */
        public Storage refuseSelect(String folder, String text) {
            folders.computeIfAbsent(folder, k -> new ArrayList<>());
            refuseSelect.put(folder, text);
            return this;
        }

        private static void texts(StringBuilder sb, Map<String, String> byFolder) {
            sb.append('{');
            String sep = "";
            for (var e : byFolder.entrySet()) {
                sb.append(sep).append(str(e.getKey())).append(':').append(str(e.getValue()));
                sep = ",";
            }
            sb.append('}');
        }

        String toJson() {
            StringBuilder sb = new StringBuilder("{\"storage\":{\"INBOX\":");
            box(sb, "INBOX");
            sb.append(",\"\":{\"separator\":\"/\",\"folders\":{");
            tree(sb, "", folders.keySet().stream().filter(n -> !n.equals("INBOX")).toList());
            sb.append("}}},\"refuseAppend\":");
            texts(sb, refuseAppend);
            sb.append(",\"refuseSelect\":");
            texts(sb, refuseSelect);
            if (!users.isEmpty()) {
                sb.append(",\"users\":{");
                String us = "";
                for (String u : users) {
                    sb.append(us).append(str(u)).append(":{\"password\":").append(str(userPassword)).append('}');
                    us = ",";
                }
                sb.append('}');
            }
            return sb.append('}').toString();
        }

        /** The folders below {@code prefix} as a hoodiecrow tree; a parent not listed itself is \Noselect. */
        private void tree(StringBuilder sb, String prefix, List<String> names) {
            Map<String, List<String>> byTop = new LinkedHashMap<>();
            for (String n : names) {
                String rest = n.substring(prefix.length());
                int slash = rest.indexOf('/');
                byTop.computeIfAbsent(slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>()).add(n);
            }
            String sep = "";
            for (var e : byTop.entrySet()) {
                String full = prefix + e.getKey();
                List<String> children = e.getValue().stream().filter(n -> !n.equals(full)).toList();
                sb.append(sep).append(str(e.getKey())).append(':');
                sep = ",";
                if (folders.containsKey(full)) {
                    box(sb, full);
                } else {
                    sb.append("{\"flags\":[\"\\\\Noselect\"]}");
                }
                if (!children.isEmpty()) {
                    sb.setLength(sb.length() - 1); // reopen the object for its children
                    sb.append(",\"folders\":{");
                    tree(sb, full + "/", children);
                    sb.append("}}");
                }
            }
        }

        private void box(StringBuilder sb, String name) {
            sb.append("{\"messages\":[");
            String sep = "";
            for (Message m : folders.getOrDefault(name, List.of())) {
                sb.append(sep).append("{\"raw\":").append(str(new String(m.raw(), StandardCharsets.ISO_8859_1)))
                        .append(",\"flags\":[");
                String fs = "";
                for (String f : m.flags()) {
                    sb.append(fs).append(str(f));
                    fs = ",";
                }
                sb.append(']');
                if (m.internalDate() != null) {
                    sb.append(",\"internaldate\":").append(str(m.internalDate()));
                }
                if (m.gmailId() != null) {
                    sb.append(",\"X-GM-MSGID\":").append(str(m.gmailId()));
                }
                sb.append('}');
                sep = ",";
            }
            sb.append(']');
            if (specialUse.containsKey(name)) {
                sb.append(",\"special-use\":").append(str(specialUse.get(name)));
            }
            sb.append('}');
        }

        private static String str(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }
}
