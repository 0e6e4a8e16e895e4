package org.mailmigrator.batch.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.cli.Cli;

/** The command line run in this OSGi framework (the real registry and IMAP connector). */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    static List<String> args(String... first) {
        return new ArrayList<>(List.of(first));
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
}
