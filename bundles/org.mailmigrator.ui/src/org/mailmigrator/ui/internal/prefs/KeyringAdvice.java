package org.mailmigrator.ui.internal.prefs;

import org.eclipse.equinox.security.storage.StorageException;

/**
 * Says why the workbench's secure storage could not hold or give the secrets key, and what to do. On Linux the
 * storage's password provider is Equinox's libsecret fragment: it keeps a random master password in the desktop's
 * Secret Service (gnome-keyring, KeePassXC...) over the session D-Bus. Equinox's own messages ("No password provider
 * available", a null password) do not say that; these do.
 */
final class KeyringAdvice {
    static final String INSTALL = "install and unlock one (Debian/Ubuntu: apt-get install gnome-keyring "
            + "libsecret-1-0, in a desktop session; or KeePassXC with its Secret Service integration on), then try again";

    private KeyringAdvice() {
    }

    /** The sentence for a storage failure; {@code e}'s own message is kept at the end, in parentheses. */
    static String explain(StorageException e) {
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        if (e.getErrorCode() == StorageException.NO_SECURE_MODULE) {
            return "no OS keyring answered: the workbench keeps the secrets key in Eclipse secure storage, whose master "
                    + "password must be kept by a Secret Service on the session D-Bus (DBUS_SESSION_BUS_ADDRESS), and "
                    + "none is running, or it is locked; " + INSTALL + detail;
        }
        return "the OS keyring did not give the workbench's secure storage its master password: unlock the keyring "
                + "(gnome-keyring, KeePassXC) in which it was stored, as the same user, then try again" + detail;
    }

    /** libsecret or GIO missing: JNA cannot load them (an {@code UnsatisfiedLinkError} from the provider). */
    static String explain(LinkageError e) {
        return "the OS keyring library could not be loaded (" + e.getMessage() + "): the workbench reaches the keyring "
                + "through libsecret; " + INSTALL;
    }
}
