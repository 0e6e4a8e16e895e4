package org.mailmigrator.core.internal.engine;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The usual names of special folders in several languages and clients, for servers that do not send
 * RFC 6154 attributes: a source "Éléments envoyés" then goes to the destination's {@code \Sent} folder.
 */
final class SpecialUseNames {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        add("\\Sent", "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Envoyés", "Messages envoyés",
                "Éléments envoyés", "Gesendet", "Gesendete Elemente", "Gesendete Objekte", "Enviados",
                "Elementos enviados", "Posta inviata", "Inviati", "Verzonden", "Verzonden items", "Skickat");
        add("\\Drafts", "Drafts", "Brouillons", "Entwürfe", "Borradores", "Bozze", "Concepten", "Utkast");
        add("\\Trash", "Trash", "Deleted Items", "Deleted Messages", "Corbeille", "Éléments supprimés",
                "Papierkorb", "Gelöschte Elemente", "Papelera", "Elementos eliminados", "Cestino",
                "Prullenbak", "Verwijderde items", "Bin");
        add("\\Junk", "Junk", "Spam", "Junk E-mail", "Junk Email", "Courrier indésirable", "Indésirables",
                "Junk-E-Mail", "Correo no deseado", "Posta indesiderata", "Ongewenste e-mail");
        add("\\Archive", "Archive", "Archives", "Archiv", "Archivo", "Archivio", "Archief");
    }

    private SpecialUseNames() {
    }

    private static void add(String use, String... names) {
        for (String n : names) {
            BY_NAME.put(key(n), use);
        }
    }

    /** The special use a folder's last name component suggests, e.g. {@code \Sent} for "Gesendete Elemente". */
    static Optional<String> of(String leafName) {
        return Optional.ofNullable(BY_NAME.get(key(leafName)));
    }

    private static String key(String name) {
        return Normalizer.normalize(name.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
