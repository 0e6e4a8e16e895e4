package org.mailmigrator.connector.imap.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.cli.Cli;

/** The command line run in this OSGi framework (the real extension registry, the real IMAP connector). */
record CliRun(int code, String out, String err) {

    static CliRun of(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** "migrate --source ... --target ..." with password files holding {@code srcPw} and {@code dstPw}. */
    static List<String> migrate(Path dir, String source, String target, String srcPw, String dstPw, String... more)
            throws Exception {
        Path s = dir.resolve("src.pw");
        Path t = dir.resolve("dst.pw");
        Files.writeString(s, srcPw + "\n");
        Files.writeString(t, dstPw + "\n");
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--target", target,
                "--source-password-file", s.toString(), "--target-password-file", t.toString(),
                "--state", dir.resolve("state").toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
}
