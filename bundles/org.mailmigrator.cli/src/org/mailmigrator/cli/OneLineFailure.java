package org.mailmigrator.cli;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.store.BatchStoreException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that fails unexpectedly prints: one line naming the command and what failed, in words
 * (a locked or full batch store, a full disk), not a stack trace of the libraries. Exit code 1 for the
 * batch store (docs/batches.md), 8 otherwise. {@code MAILMIGRATOR_DEBUG=1} adds the stack trace.
 */
final class OneLineFailure implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        String what;
        if (e instanceof BatchStoreException) {
            what = e.getMessage();
        } else if (FileErrors.isDiskFull(e)) {
            what = e.getMessage() != null && e.getMessage().startsWith("disk full") ? e.getMessage()
                    : "disk full: " + FileErrors.clean(String.valueOf(e.getMessage()));
        } else if (e instanceof java.io.IOException) {
            what = FileErrors.clean(String.valueOf(e.getMessage()));
        } else {
            what = "internal error (please report it, with MAILMIGRATOR_DEBUG=1 for details): "
                    + FileErrors.clean(String.valueOf(e.getMessage()));
        }
        err.println(name + ": " + what);
        if (System.getenv("MAILMIGRATOR_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof BatchStoreException ? 1 : 8;
    }
}
