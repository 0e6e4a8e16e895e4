package org.mailmigrator.connector.vcard.internal;

import java.util.ArrayList;
import java.util.List;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.VCardProperty;

/**
 * Writes a card in the version sent to the server. Properties that version does not define (ANNIVERSARY or
 * RELATED in a 3.0 card, say) are written anyway, as extensions every CardDAV server stores, instead of being
 * left out as ez-vcard does by default. Parameter values vCard 3.0 cannot hold (a quote, a line break: RFC 6868
 * caret encoding is 4.0's) are simplified, with a note. Whatever is still lost is named in the notes.
 */
final class CardWriter {
    private CardWriter() {
    }

    static String write(VCard card, VCardVersion version, List<String> notes) {
        try {
            return go(card, version);
        } catch (IllegalArgumentException e) {
            List<String> changed = simplifyParameters(card);
            if (changed.isEmpty()) {
                throw e;
            }
            notes.add("quotes and line breaks in parameter values of " + String.join(", ", changed) + " replaced (vCard "
                    + version.getVersion() + " cannot hold them)");
            return go(card, version);
        }
    }

    private static String go(VCard card, VCardVersion version) {
        return Ezvcard.write(card).version(version).prodId(false).versionStrict(false)
                .caretEncoding(version == VCardVersion.V4_0).go();
    }

    private static List<String> simplifyParameters(VCard card) {
        List<String> changed = new ArrayList<>();
        for (VCardProperty p : card.getProperties()) {
            VCardParameters params = p.getParameters();
            for (String name : new ArrayList<>(params.keySet())) {
                List<String> values = params.get(name);
                List<String> clean = values.stream().map(v -> v.replace('"', '\'').replaceAll("[\\r\\n]+", " ")).toList();
                if (!clean.equals(values)) {
                    params.replace(name, clean);
                    String what = CardRepairs.name(p) + ";" + name;
                    if (!changed.contains(what)) {
                        changed.add(what);
                    }
                }
            }
        }
        return changed;
    }

    /** Names, in the notes, every property of the source card that the written card no longer has. */
    static void noteDropped(List<String> before, String written, List<String> notes) {
        VCard back = Ezvcard.parse(written).first();
        List<String> after = back == null ? List.of() : new ArrayList<>(CardRepairs.names(back));
        List<String> lost = new ArrayList<>();
        for (String name : before) {
            if (!after.remove(name) && !name.equals("X-MS-CARDPICTURE") && !name.equals("PRODID")) {
                lost.add(name);
            }
        }
        if (!lost.isEmpty()) {
            notes.add("not kept: " + String.join(", ", lost));
        }
    }
}
