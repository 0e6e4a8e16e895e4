package org.mailmigrator.cli.internal;

import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks of option values shared by the commands, before anything runs: a wrong value is a wrong command
 * line (exit code 2) with the option named, never a failure found halfway through a run.
 *
 * @throws IllegalArgumentException with the message to print
 */
public final class Arguments {
    private Arguments() {
    }

    public static void regexes(String option, List<String> values) {
        for (String v : values) {
            try {
                Pattern.compile(v);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + " '" + v + "' is not a regular expression: "
                        + e.getDescription() + " near position " + Math.max(e.getIndex(), 0));
            }
        }
    }

    /** A certificate's SHA-256: 64 hex digits, with or without ':' between the bytes. */
    public static void sha256(String option, List<String> values) {
        for (String v : values) {
            String hex = v.replace(":", "").strip();
            boolean ok = hex.length() == 64;
            if (ok) {
                try {
                    HexFormat.of().parseHex(hex);
                } catch (IllegalArgumentException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new IllegalArgumentException(option + " '" + v + "' is not a SHA-256 fingerprint "
                        + "(64 hex digits, colons allowed: AB:CD:...)");
            }
        }
    }

    public static void atLeastOne(String option, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(option + " " + value + ": must be 1 or more");
        }
    }

    /** The attributes of a new owner-only file (0600) where the file system has POSIX modes. */
    public static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(java.nio.file.Path file) {
        return file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[] { java.nio.file.attribute.PosixFilePermissions
                        .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")) }
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
