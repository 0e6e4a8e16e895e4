package org.mailmigrator.core.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a message's content used to recognise it on the other side without a Message-ID:
 * SHA-256 of its header section (as the server returns {@code BODY[HEADER]}) and its size. Exact duplicates
 * share a fingerprint, so the engine treats fingerprints as a multiset, never as unique keys.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(byte[] header, int offset, int length, long size) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header, offset, length);
            return HexFormat.of().formatHex(sha.digest(), 0, 16) + ":" + size;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
