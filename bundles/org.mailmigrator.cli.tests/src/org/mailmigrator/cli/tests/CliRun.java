package org.mailmigrator.cli.tests;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.mailmigrator.cli.Cli;

/** One run of the command line in this JVM: exit code, standard output, standard error. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
