package org.mailmigrator.cli.internal.pim;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mailmigrator.core.model.Secret;

/** The target's password: a file (first line), MAILMIGRATOR_TARGET_PASSWORD, or a prompt; never the command line. */
final class TargetPassword {
    private TargetPassword() {
    }

    static Secret find(Path file, String who) {
        if (file != null) {
            try {
                String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("--target-password-file " + file + " is empty");
                }
                return Secret.of(first);
            } catch (IOException e) {
                throw new IllegalArgumentException("--target-password-file " + file + " cannot be read: " + e.getMessage());
            }
        }
        String env = System.getenv("MAILMIGRATOR_TARGET_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return Secret.of(env);
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", who);
            if (typed != null && typed.length > 0) {
                return Secret.of(typed);
            }
        }
        throw new IllegalArgumentException("no password for the target " + who
                + ": give --target-password-file FILE or set MAILMIGRATOR_TARGET_PASSWORD");
    }
}
