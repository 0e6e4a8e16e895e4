package org.mailmigrator.batch.jobs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A server certificate nothing vouches for (not the JDK's trust store, not a pin), as a person reads it:
 * host, subject, issuer, validity and SHA-256 (lower-case hex, as {@code --trust-sha256} takes it).
 */
public record UntrustedCertificate(String host, String subject, String issuer, Instant notBefore, Instant notAfter,
        String sha256) {

    public static UntrustedCertificate of(String host, X509Certificate c) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
            return new UntrustedCertificate(host, c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), sha);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate of " + host, e);
        }
    }

    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    /** One sentence for a row's last error and the command line: what it is and what to do. */
    public String sentence() {
        return "the certificate of " + host + " is not trusted (" + (selfSigned() ? "self-signed, " : "") + "subject "
                + subject + ", issuer " + issuer + ", valid until " + notAfter.toString().substring(0, 10)
                + ", SHA-256 " + sha256 + "): if it is your server's, trust it in the workbench or run with --trust-sha256 "
                + sha256;
    }
}
