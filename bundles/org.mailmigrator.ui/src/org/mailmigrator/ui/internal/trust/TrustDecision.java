package org.mailmigrator.ui.internal.trust;

/** The answer to "do you trust this server certificate?". */
public enum TrustDecision {
    /** For this connection only. */
    ONCE,
    /** Remembered in the workspace for this host and fingerprint. */
    ALWAYS,
    REFUSE
}
