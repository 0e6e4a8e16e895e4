package org.mailmigrator.batch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.batch.csv.spi.PairSide;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * imapsync's {@code file.txt}: {@code host1;user1;password1;host2;user2;password2;[options];} with
 * {@code #} comments. The seventh column holds imapsync options for that row; the ones with a meaning here
 * are {@code --ssl1/2} (implicit TLS), {@code --tls1/2} (STARTTLS), {@code --port1/2 N},
 * {@code --folder NAME}, {@code --include REGEX}, {@code --exclude REGEX}, {@code --f1f2 SRC=DST},
 * {@code --maxsize BYTES}, {@code --maxage DAYS}, {@code --minage DAYS} (days counted back from the import) and
 * {@code --delete2}, and OAuth2's {@code --authmech1/2 XOAUTH2|OAUTHBEARER} with {@code --oauthaccesstoken1/2 TOKEN|FILE}
 * ({@link ImapsyncOAuth}); any other option is reported rather than silently ignored. A bare host means STARTTLS on 143,
 * as in imapsync. The csvFormats contribution {@code imapsync} of the batch bundle.
 */
public final class ImapsyncRows implements CsvRowReader {
    private static final List<String> NAMES = List.of("host1", "user1", "password1", "host2", "user2", "password2",
            "options");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public boolean isHeader(List<String> first) {
        return false;
    }

    /** Option words are shown in messages only when they look like one (a password tail does not). */
    private static final Pattern OPTION_WORD = Pattern.compile("--?[a-z][a-z0-9_]{0,30}");

    /** 6 cells, 7 (the options or a final ';'), or 8 when the last is empty. */
    @Override
    public String width(List<String> cells, int headerWidth, int usualWidth) {
        int n = cells.size();
        if (n < 6 || n > 8 || n == 8 && !Dialect.trailingEmpty(cells)) {
            return "has " + n + " columns; expected host1;user1;password1;host2;user2;password2;[options]; "
                    + "(a ';' inside a password must be quoted: \"pass;word\")";
        }
        return null;
    }

    @Override
    public void read(CsvRow r) {
        if (!r.cell(6).isEmpty() && !r.cell(6).startsWith("-")) {
            // what follows password2 is not an option: most likely the tail of a password cut at a ';'
            r.problem(6, "does not hold imapsync options (they start with --); is a ';' inside a password "
                    + "not quoted? (write \"pass;word\")");
            return;
        }
        for (int c : new int[] { 1, 2, 4, 5 }) {
            String first = r.raw(c).strip().split("\\s+", 2)[0];
            if (first.startsWith("--") && OPTION_WORD.matcher(first).matches()) {
                // a password that reads like an option: a ';' is missing earlier in the row and every cell moved
                r.problem(c, "looks like an imapsync option, not a " + (c % 3 == 1 ? "login" : "password")
                        + ": is a ';' missing earlier in the row?");
                return;
            }
        }
        ServerAddress src = r.server(0, "imap", "starttls");
        String srcLogin = r.required(1);
        ServerAddress dst = r.server(3, "imap", "starttls");
        String dstLogin = r.required(4);
        Options o = new Options();
        List<String> words = split(r.cell(6));
        // OAuth2 (docs/sign-in.md): with --oauthaccesstoken1/2 the password cell is not used
        Secret srcPw = words.contains("--oauthaccesstoken1") ? Secret.of(r.cell(2)) : r.password(2);
        Secret dstPw = words.contains("--oauthaccesstoken2") ? Secret.of(r.cell(5)) : r.password(5);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (w) {
                case "--ssl1" -> o.src.put("security", "tls");
                case "--ssl2" -> o.dst.put("security", "tls");
                case "--tls1" -> o.src.put("security", "starttls");
                case "--tls2" -> o.dst.put("security", "starttls");
                case "--delete2" -> o.mirror = true;
                case "--authmech1", "--authmech2", "--oauthaccesstoken1", "--oauthaccesstoken2" -> {
                    if (next == null) {
                        r.problem(6, "option " + w + " needs a value");
                    } else {
                        i++;
                        Secret token = ImapsyncOAuth.read(r, w, next, w.endsWith("1") ? o.src : o.dst);
                        if (token != null && w.endsWith("1")) {
                            srcPw = token;
                        } else if (token != null) {
                            dstPw = token;
                        }
                    }
                }
                case "--port1", "--port2", "--folder", "--include", "--exclude", "--maxsize", "--maxage", "--minage",
                        "--f1f2" -> {
                    if (next == null) {
                        r.problem(6, "option " + w + " needs a value");
                    } else {
                        i++;
                        valued(r, o, w, next);
                    }
                }
                default -> r.problem(6, OPTION_WORD.matcher(w).matches()
                        ? "imapsync option '" + w + "' is not supported here"
                        : "word " + (i + 1) + " of the options is not an imapsync option");
            }
        }
        if (o.src.containsKey("security") && !o.src.containsKey("port") && src != null) {
            o.src.put("port", o.src.get("security").equals("tls") ? "993" : "143");
        }
        if (o.dst.containsKey("security") && !o.dst.containsKey("port") && dst != null) {
            o.dst.put("port", o.dst.get("security").equals("tls") ? "993" : "143");
        }
        MessageLimits limits = MessageLimits.NONE;
        try {
            limits = new MessageLimits(o.since, o.before, o.maxSize);
        } catch (IllegalArgumentException e) {
            r.problem(6, "--maxage/--minage: " + e.getMessage());
        }
        r.accept(new PairSide(src, o.src, srcLogin, srcPw), new PairSide(dst, o.dst, dstLogin, dstPw),
                new MigrationOptions(Set.of(ItemKind.MAIL), o.include, o.exclude, o.map, o.mirror, limits, Optional.empty()));
    }

    private static final class Options {
        final Map<String, String> src = new HashMap<>();
        final Map<String, String> dst = new HashMap<>();
        final List<String> include = new ArrayList<>();
        final List<String> exclude = new ArrayList<>();
        final Map<String, String> map = new LinkedHashMap<>();
        boolean mirror;
        Optional<Long> maxSize = Optional.empty();
        Optional<Instant> since = Optional.empty();
        Optional<Instant> before = Optional.empty();
    }

    private static void valued(CsvRow r, Options o, String option, String value) {
        switch (option) {
            case "--port1", "--port2" -> {
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                    r.problem(6, option + " '" + value + "' is not a port");
                } else {
                    (option.equals("--port1") ? o.src : o.dst).put("port", value);
                }
            }
            case "--folder" -> o.include.add("^" + Pattern.quote(value) + "$");
            case "--maxsize" -> {
                if (!value.matches("\\d{1,15}") || Long.parseLong(value) < 1) {
                    r.problem(6, "--maxsize '" + value + "' is not a number of bytes");
                } else {
                    o.maxSize = Optional.of(Long.parseLong(value));
                }
            }
            case "--maxage", "--minage" -> {
                // imapsync counts days back from each run; a batch fixes the day when the file is imported
                if (!value.matches("\\d{1,6}")) {
                    r.problem(6, option + " '" + value + "' is not a number of days");
                } else if (option.equals("--maxage")) {
                    o.since = Optional.of(Instant.now().minus(Duration.ofDays(Long.parseLong(value))));
                } else {
                    o.before = Optional.of(Instant.now().minus(Duration.ofDays(Long.parseLong(value))));
                }
            }
            case "--f1f2" -> {
                int eq = value.indexOf('=');
                if (eq <= 0 || eq == value.length() - 1) {
                    r.problem(6, "--f1f2 '" + value + "' is not SOURCE=DESTINATION");
                } else {
                    o.map.put(value.substring(0, eq), value.substring(eq + 1));
                }
            }
            default -> {
                try {
                    Pattern.compile(value);
                    (option.equals("--include") ? o.include : o.exclude).add(value);
                } catch (PatternSyntaxException e) {
                    r.problem(6, option + " '" + value + "' is not a regular expression: " + e.getDescription());
                }
            }
        }
    }

    /** Splits on spaces, keeping 'single' or "double" quoted words whole. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
