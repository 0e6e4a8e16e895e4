package org.mailmigrator.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts what the JDK trust store trusts (plus the certificates of an optional PEM file), and beyond that
 * only a server certificate whose SHA-256 the administrator supplied, or one the {@link ConnectContext}
 * accepts interactively. Never "accept all". Remembers the last refused certificate's fingerprint so that
 * the error message can tell the administrator what to pin. Shared by the connectors that speak TLS themselves
 * (IMAP, POP3): one trust rule for every protocol, with the {@code trustSha256} and {@code trustStore} settings
 * they declare.
 */
public final class PinningTrustManager implements X509TrustManager {
    private final X509TrustManager base;
    private final List<byte[]> pins;
    private final ConnectContext context;
    private final String host;
    private volatile String refusedFingerprint;
    private volatile String refusedReason;

    public PinningTrustManager(List<byte[]> pins, Optional<Path> pemFile, ConnectContext context, String host)
            throws GeneralSecurityException, IOException {
        this.pins = pins;
        this.context = context;
        this.host = host;
        if (pemFile.isPresent()) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            for (X509Certificate c : ((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers()) {
                ks.setCertificateEntry("jdk-" + c.getSubjectX500Principal().getName() + c.getSerialNumber(), c);
            }
            try (InputStream in = Files.newInputStream(pemFile.get())) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("file-" + i++, c);
                }
            }
            tmf.init(ks);
            this.base = (X509TrustManager) tmf.getTrustManagers()[0];
        } else {
            this.base = jdkDefault();
        }
    }

    /**
     * The pins of a {@code trustSha256} setting: comma-separated hex SHA-256 values (colons and spaces allowed).
     *
     * @throws IllegalArgumentException naming the value that is not 64 hex digits
     */
    public static List<byte[]> pins(String setting) {
        List<byte[]> pins = new ArrayList<>();
        for (String one : (setting == null ? "" : setting).split(",")) {
            String hex = one.trim().replace(":", "").replace(" ", "");
            if (hex.isEmpty()) {
                continue;
            }
            if (!hex.matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalArgumentException("setting 'trustSha256' must be 64 hex digits (the SHA-256 of the"
                        + " certificate), got '" + one.trim() + "'");
            }
            pins.add(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(pins);
    }

    private static X509TrustManager jdkTrust;

    /** The JDK's trust manager, loaded once: reading the cacerts file costs tens of milliseconds. */
    private static synchronized X509TrustManager jdkDefault() throws GeneralSecurityException {
        if (jdkTrust == null) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            jdkTrust = (X509TrustManager) tmf.getTrustManagers()[0];
        }
        return jdkTrust;
    }

    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the server certificate", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            base.checkServerTrusted(chain, authType);
            return;
        } catch (CertificateException e) {
            String fingerprint = sha256(chain[0]);
            byte[] presented = HexFormat.of().parseHex(fingerprint);
            if (pins.stream().anyMatch(p -> MessageDigest.isEqual(p, presented))) {
                return;
            }
            if (context.trustCertificate(host, chain)) {
                return;
            }
            refusedFingerprint = fingerprint;
            refusedReason = !pins.isEmpty() ? "its SHA-256 is not the one given to trust" : e.getMessage();
            throw e;
        }
    }

    /** The SHA-256 of the certificate refused last, or null. */
    public String refusedFingerprint() {
        return refusedFingerprint;
    }

    public String refusedReason() {
        return refusedReason;
    }

    /**
     * What an administrator reads when the certificate of {@code host:port} was refused: why, and the fingerprint to
     * pin on the command line or in the workbench; null when no certificate was refused.
     */
    public String refusal(String host, int port) {
        if (refusedFingerprint == null) {
            return null;
        }
        return "the certificate of " + host + ":" + port + " is not trusted (" + refusedReason + "). If you know this"
                + " server, trust its certificate with --trust-sha256 " + refusedFingerprint
                + " (in the workbench: the trusted certificates of Preferences > Mail Migrator)";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return base.getAcceptedIssuers();
    }
}
