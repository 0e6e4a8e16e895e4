package org.mailmigrator.ui.internal.trust;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * Certificates a person chose to trust always: SHA-256 fingerprints per host, in the workspace's
 * preferences. A fingerprint is public information, so nothing secret is stored here.
 */
public final class TrustedCertificates {
    private final Preferences node;

    public TrustedCertificates() {
        this(InstanceScope.INSTANCE.getNode("org.mailmigrator.ui").node("trustedCertificates"));
    }

    TrustedCertificates(Preferences node) {
        this.node = node;
    }

    public synchronized boolean isTrusted(String host, String sha256) {
        return fingerprints(host).contains(sha256);
    }

    public synchronized void trust(String host, String sha256) {
        Set<String> all = fingerprints(host);
        all.add(sha256);
        node.put(host, String.join(",", all));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("could not save the trusted certificate of " + host + ": " + e.getMessage(), e);
        }
    }

    /** Every fingerprint trusted always, whatever its host. */
    public synchronized java.util.List<String> all() {
        java.util.List<String> out = new java.util.ArrayList<>();
        try {
            for (String host : node.keys()) {
                out.addAll(fingerprints(host));
            }
        } catch (BackingStoreException e) {
            // nothing readable: nothing more trusted
        }
        return out;
    }

    public synchronized void forget(String host) {
        node.remove(host);
    }

    private Set<String> fingerprints(String host) {
        String stored = node.get(host, "");
        Set<String> set = new LinkedHashSet<>(Arrays.asList(stored.split(",")));
        set.remove("");
        return set;
    }
}
