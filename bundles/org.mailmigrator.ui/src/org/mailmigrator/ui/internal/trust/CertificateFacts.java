package org.mailmigrator.ui.internal.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** What a person needs to decide about a server certificate, as text. */
public record CertificateFacts(String host, String subject, String issuer, String validity, String sha256) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public static CertificateFacts of(String host, X509Certificate certificate) {
        return new CertificateFacts(host, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                DAY.format(certificate.getNotBefore().toInstant()) + " to " + DAY.format(certificate.getNotAfter().toInstant()),
                sha256(certificate));
    }

    /** Upper-case hex pairs separated by colons, as browsers and openssl show it. */
    static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }

    public boolean selfSigned() {
        return subject.equals(issuer);
    }
}
