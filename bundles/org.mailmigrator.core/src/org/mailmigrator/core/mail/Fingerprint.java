package org.mailmigrator.core.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a message's content used to recognise it on the other side without a Message-ID:
 * SHA-256 of its header section (as the server returns {@code BODY[HEADER]}) and its size, {@code hash:size}.
 * Exact duplicates share a fingerprint, so the engine treats fingerprints as a multiset, never as unique keys.
 * <p>
 * Some servers rewrite what they store: Cyrus IMAP replaces every 8-bit byte of a header with {@code X} (same
 * size). A header with 8-bit bytes therefore also carries the hash of that normalized form,
 * {@code hash~normalizedHash:size} (the size stays last: connectors read it back); {@link #tolerant} gives the
 * identity both the original and the rewritten copy share. Headers without 8-bit bytes (nearly all) keep the
 * plain form.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(byte[] header, int offset, int length, long size) {
        String exact = sha(header, offset, length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (header[i] < 0) {
                byte[] normalized = Arrays.copyOfRange(header, offset, end);
                for (int j = 0; j < normalized.length; j++) {
                    if (normalized[j] < 0) {
                        normalized[j] = 'X';
                    }
                }
                return exact + "~" + sha(normalized, 0, normalized.length) + ":" + size;
            }
        }
        return exact + ":" + size;
    }

    /** True when the header had 8-bit bytes, the ones a server may rewrite. */
    public static boolean hasEightBitHeader(String fingerprint) {
        return fingerprint != null && fingerprint.indexOf('~') >= 0;
    }

    /**
     * The identity that survives a rewrite of 8-bit header bytes to {@code X}: equal for the original and for
     * such a copy (whose header has no 8-bit byte left); the fingerprint itself otherwise.
     */
    public static String tolerant(String fingerprint) {
        int tilde = fingerprint == null ? -1 : fingerprint.indexOf('~');
        if (tilde < 0) {
            return fingerprint;
        }
        return fingerprint.substring(tilde + 1);
    }

    private static String sha(byte[] bytes, int offset, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, offset, length);
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
