package org.mailmigrator.connector.pop3.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mailmigrator.cli.Cli;

/** One run of the command line in this OSGi framework (real registry, real connectors): exit code and output. */
record Command(int code, String out, String err) {

    static Command run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Command(code, out.toString(), err.toString());
    }

    /**
     * {@code migrate} from {@code source} to {@code target}, both passwords {@code password} (in files of
     * {@code dir}), the state in {@code dir}, then {@code extra}.
     */
    static Command migrate(Path dir, String source, String target, String password, String... extra) throws Exception {
        Path pw = Files.writeString(dir.resolve("source.password"), password + "\n");
        Path targetPw = Files.writeString(dir.resolve("target.password"), Pop3Fixture.PASSWORD + "\n");
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--target", target,
                "--source-password-file", pw.toString(), "--target-password-file", targetPw.toString(),
                "--state", dir.resolve("state").toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    /** The number in the summary line "copied N message(s)". */
    int copied() {
        return out.lines().filter(l -> l.trim().startsWith("copied ") && l.contains("message(s)"))
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[1])).findFirst()
                .orElseThrow(() -> new AssertionError("no 'copied' line in " + this));
    }

    /** The number in the summary line "already present N". */
    int present() {
        return out.lines().filter(l -> l.trim().startsWith("already present "))
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[2])).findFirst()
                .orElseThrow(() -> new AssertionError("no 'already present' line in " + this));
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
}
