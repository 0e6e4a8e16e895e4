package org.mailmigrator.cli.internal;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mailmigrator.core.model.Secret;

/**
 * Where a password comes from, in order: a file (its first line), an environment variable, an interactive
 * prompt without echo. Never from the command line itself, where other users could read it. Shared by
 * every command that logs in.
 */
public final class Passwords {
    private Passwords() {
    }

    public static Secret find(String side, Path file, String variable, String who) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int eol = text.indexOf('\n');
                String first = (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("--" + side + "-password-file " + file + " is empty");
                }
                return Secret.of(first);
            } catch (IOException e) {
                throw new IllegalArgumentException("--" + side + "-password-file " + file + " cannot be read: "
                        + e.getMessage());
            }
        }
        String env = System.getenv(variable);
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
        throw new IllegalArgumentException("no password for the " + side + " account " + who + ": give --" + side
                + "-password-file FILE or set " + variable);
    }
}
