package org.mailmigrator.auth.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the PKCS#8 RSA private key of a key file ({@code -----BEGIN PRIVATE KEY-----}), as Google issues them. */
public final class Pem {
    private Pem() {
    }

    /** @throws IllegalArgumentException naming {@code where}, never quoting the key */
    public static RSAPrivateKey rsaPrivateKey(String pem, String where) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException(where + ": private_key is a PKCS#1 key; a PKCS#8 key "
                    + "(BEGIN PRIVATE KEY, as Google issues them) is needed");
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(where + ": private_key is not an RSA private key in PEM (PKCS#8)");
        }
    }
}
