package org.mailmigrator.batch.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzzed batch files: a seed of each import format (OMM template with and without header, imapsync file.txt,
 * Exchange Online CSV, native CSV) whose every password holds the file's canary, then one damage an
 * administrator's editor or a script really does (a separator lost or added, an unquoted ';' in a password,
 * two lines merged, a header pasted twice, a stray quote, a NUL, a 1 MB password, a 100 KB host, a port out of
 * range, a cut file, a random byte) and maybe one harmless change (BOM, CRLF, a duplicated or moved line).
 * "cancel-out" makes two damages that cancel out in one row: a separator lost and another added further on, so
 * that the row keeps its number of cells but the cells between are shifted, over a server column at least (a
 * shift that stays within a login and a password cannot be told from a good row). The Exchange seed has no
 * server column: it gets no damage there ("cancel-out-none").
 */
final class CsvFuzz {
    enum Seed {
        OMM, OMM_NO_HEADER, IMAPSYNC, EXCHANGE, NATIVE
    }

    /** One fuzzed file: its bytes, its canary, its seed format and what was done to it. */
    record Case(int index, Seed seed, String canary, byte[] data, String damage) {
    }

    private final Random random;

    CsvFuzz(long seed) {
        this.random = new Random(seed);
    }

    Case next(int index) {
        Seed seed = Seed.values()[index % Seed.values().length];
        String canary = "Zq" + token(12);
        String text = seed(seed, canary);
        String damage = damages()[random.nextInt(damages().length)];
        if (damage.equals("cancel-out")) {
            String shifted = cancelOut(text, seed);
            damage = shifted == null ? "cancel-out-none" : damage;
            text = shifted == null ? text : shifted;
        } else {
            text = damage(text, damage, canary, seed);
        }
        String extra = "";
        switch (random.nextInt(5)) {
            case 0 -> {
                text = text.replace("\n", "\r\n");
                extra = "+crlf";
            }
            case 1 -> {
                text = "\uFEFF" + text;
                extra = "+bom";
            }
            case 2 -> {
                text = swapLines(text, seed != Seed.IMAPSYNC && seed != Seed.OMM_NO_HEADER);
                extra = "+swap";
            }
            default -> {
            }
        }
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        if (damage.equals("random-byte")) {
            int at = random.nextInt(data.length);
            data[at] = (byte) random.nextInt(256);
        }
        return new Case(index, seed, canary, data, damage + extra);
    }

    private static String[] damages() {
        return new String[] { "none", "lose-separator", "add-separator", "separator-in-password", "merge-lines",
                "header-twice", "stray-quote", "nul", "huge-password", "huge-host", "port-out-of-range", "cut",
                "random-byte", "duplicate-line", "empty-lines", "cancel-out" };
    }

    private String seed(Seed seed, String canary) {
        StringBuilder b = new StringBuilder();
        int rows = 2 + random.nextInt(3);
        switch (seed) {
            case OMM, OMM_NO_HEADER -> {
                if (seed == Seed.OMM) {
                    b.append("Type source;Serveur source;Login source;Mot de passe source;Type destination;"
                            + "Serveur destination;Login destination;Mot de passe destination;Délégation source;"
                            + "Délégation destination\n");
                }
                for (int i = 0; i < rows; i++) {
                    b.append("IMAP;imap.old.example;u").append(i).append("@old.example;").append(canary).append("s")
                            .append(i).append(";IMAP;imaps://ssl0.new.example;u").append(i).append("@new.example;")
                            .append(canary).append("d").append(i).append(i % 2 == 0 ? ";admin@old.example;\n" : ";;\n");
                }
            }
            case IMAPSYNC -> {
                b.append("# imapsync file.txt\n");
                for (int i = 0; i < rows; i++) {
                    b.append("imap.old.example;user").append(i).append(';').append(canary).append('s').append(i)
                            .append(";imap.new.example;user").append(i).append("b;").append(canary).append('d').append(i)
                            .append(i % 2 == 0 ? ";--ssl1 --folder INBOX;\n" : ";\n");
                }
            }
            case EXCHANGE -> {
                b.append("EmailAddress,UserName,Password,UserRoot\n");
                for (int i = 0; i < rows; i++) {
                    b.append("u").append(i).append("@contoso.example,u").append(i).append(",").append(canary).append('s')
                            .append(i).append(i % 2 == 0 ? ",/users/u" + i : ",").append('\n');
                }
            }
            case NATIVE -> {
                b.append("source.server,source.login,source.password,destination.server,destination.login,"
                        + "destination.password,include,mirror\n");
                for (int i = 0; i < rows; i++) {
                    b.append("imaps://a.example:993,a").append(i).append(',').append(canary).append('s').append(i)
                            .append(",imap://b.example:143,b").append(i).append(',').append(canary).append('d').append(i)
                            .append(i % 2 == 0 ? ",^INBOX$,false\n" : ",,\n");
                }
            }
        }
        return b.toString();
    }

    private String damage(String text, String damage, String canary, Seed seed) {
        char sep = seed == Seed.EXCHANGE || seed == Seed.NATIVE ? ',' : ';';
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int firstData = seed == Seed.OMM_NO_HEADER ? 0 : 1;
        int row = firstData + random.nextInt(Math.max(1, lines.size() - 1 - firstData));
        return switch (damage) {
            case "lose-separator" -> {
                String l = lines.get(row);
                List<Integer> seps = positions(l, sep);
                if (!seps.isEmpty()) {
                    int at = seps.get(random.nextInt(seps.size()));
                    lines.set(row, l.substring(0, at) + l.substring(at + 1));
                }
                yield String.join("\n", lines);
            }
            case "add-separator" -> {
                String l = lines.get(row);
                int at = random.nextInt(l.length() + 1);
                lines.set(row, l.substring(0, at) + sep + l.substring(at));
                yield String.join("\n", lines);
            }
            case "separator-in-password" -> {
                int at = text.indexOf(canary, random.nextInt(Math.max(1, text.length() / 2)));
                at = at < 0 ? text.indexOf(canary) : at;
                int cut = at + 1 + random.nextInt(canary.length() - 1);
                yield text.substring(0, cut) + sep + text.substring(cut);
            }
            case "merge-lines" -> {
                if (row + 1 < lines.size()) {
                    lines.set(row, lines.get(row) + lines.get(row + 1));
                    lines.remove(row + 1);
                }
                yield String.join("\n", lines);
            }
            case "header-twice" -> {
                lines.add(1 + random.nextInt(lines.size() - 1), lines.get(seed == Seed.IMAPSYNC ? 1 : 0));
                yield String.join("\n", lines);
            }
            case "stray-quote" -> {
                int at = random.nextInt(text.length());
                yield text.substring(0, at) + '"' + text.substring(at);
            }
            case "nul" -> {
                int at = random.nextInt(text.length());
                yield text.substring(0, at) + '\0' + text.substring(at);
            }
            case "huge-password" -> text.replaceFirst(canary + "(s|d)", canary + "x".repeat(1 << 20) + "$1");
            case "huge-host" -> text.replaceFirst("(old|a)\\.example", "h".repeat(100_000) + ".example");
            case "port-out-of-range" -> {
                String port = List.of("0", "99999", "65536", "-1").get(random.nextInt(4));
                yield switch (seed) {
                    case NATIVE -> text.replaceFirst("a\\.example:993", "a.example:" + port);
                    case OMM, OMM_NO_HEADER -> text.replaceFirst("ssl0\\.new\\.example", "ssl0.new.example:" + port);
                    case IMAPSYNC -> text.replaceFirst("imap\\.new\\.example", "imap.new.example:" + port);
                    case EXCHANGE -> text; // its servers are command-line options, not cells
                };
            }
            case "cut" -> text.substring(0, 1 + random.nextInt(text.length() - 1));
            case "duplicate-line" -> {
                lines.add(row, lines.get(row));
                yield String.join("\n", lines);
            }
            case "empty-lines" -> {
                lines.add(row, "");
                lines.add(row, sep + "" + sep);
                yield String.join("\n", lines);
            }
            default -> text;
        };
    }

    /** The server columns of a seed's rows (0-based), none for Exchange (its servers are options). */
    private static List<Integer> serverColumns(Seed seed) {
        return switch (seed) {
            case OMM, OMM_NO_HEADER -> List.of(1, 5);
            case IMAPSYNC, NATIVE -> List.of(0, 3);
            case EXCHANGE -> List.of();
        };
    }

    /**
     * Loses the separator after cell k of a data row and adds one inside a later cell m (m >= k+2, at least two
     * characters long): cells k+1..m-1 take the next cell's value, and a server column is among them. Null when
     * the seed or the row has no such pair.
     */
    private String cancelOut(String text, Seed seed) {
        char sep = seed == Seed.EXCHANGE || seed == Seed.NATIVE ? ',' : ';';
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int firstData = seed == Seed.OMM_NO_HEADER ? 0 : 1;
        List<int[]> choices = new ArrayList<>();
        int row = firstData + random.nextInt(Math.max(1, lines.size() - 1 - firstData));
        List<String> cells = List.of(lines.get(row).split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1));
        for (int k = 0; k + 1 < cells.size(); k++) {
            for (int m = k + 2; m < cells.size(); m++) {
                for (int server : serverColumns(seed)) {
                    if (server >= k + 1 && server <= m - 1 && cells.get(m).length() >= 2) {
                        choices.add(new int[] { k, m });
                    }
                }
            }
        }
        if (choices.isEmpty()) {
            return null;
        }
        int[] c = choices.get(random.nextInt(choices.size()));
        List<String> out = new ArrayList<>(cells);
        String m = out.get(c[1]);
        int cut = 1 + random.nextInt(m.length() - 1);
        out.set(c[1], m.substring(0, cut) + sep + m.substring(cut));
        out.set(c[0], out.get(c[0]) + out.remove(c[0] + 1)); // the separator after cell k is lost
        lines.set(row, String.join(String.valueOf(sep), out));
        return String.join("\n", lines);
    }

    private String swapLines(String text, boolean header) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int from = header ? 1 : 0;
        if (lines.size() - from < 3) {
            return text;
        }
        int a = from + random.nextInt(lines.size() - from - 1);
        int b = from + random.nextInt(lines.size() - from - 1);
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
    }

    private static List<Integer> positions(String s, char c) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                out.add(i);
            }
        }
        return out;
    }

    private String token(int n) {
        String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(abc.charAt(random.nextInt(abc.length())));
        }
        return b.toString();
    }
}
