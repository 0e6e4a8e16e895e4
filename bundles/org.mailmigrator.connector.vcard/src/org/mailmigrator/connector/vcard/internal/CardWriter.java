package org.mailmigrator.connector.vcard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Names, in the notes, every property of {@code source} that the written card no longer has ({@code not kept})
     * or holds otherwise ({@code changed}: a REV's milliseconds, a 4.0 PREF=100 become TYPE=pref...). Spelling
     * differences (CHARSET, ENCODING, VALUE, the case of TYPE values, line breaks) are not changes.
     */
    static void noteChanges(Map<String, List<String>> source, String written, VCardVersion version, List<String> notes) {
        VCard back = Ezvcard.parse(written).first();
        Map<String, List<String>> after = back == null ? Map.of() : snapshot(back);
        List<String> lost = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : source.entrySet()) {
            List<String> now = after.getOrDefault(e.getKey(), List.of());
            if (now.isEmpty()) {
                lost.add(e.getKey());
            } else if (!now.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        if (!lost.isEmpty()) {
            notes.add("not kept: " + String.join(", ", lost));
        }
        if (!changed.isEmpty()) {
            notes.add("changed when written as vCard " + version.getVersion() + ": " + String.join(", ", changed));
        }
    }

    /** Property name → its values, each with its group and parameters, in one spelling. */
    static Map<String, List<String>> snapshot(VCard card) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (VCardProperty p : card.getProperties()) {
            String name = CardRepairs.name(p);
            if (name.equals("VERSION") || name.equals("PRODID") || name.equals("UID")) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : p.getParameters()) {
                String key = e.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!key.equals("CHARSET") && !key.equals("ENCODING") && !key.equals("VALUE")) {
                    e.getValue().forEach(v -> params.add(key + "=" + (key.equals("TYPE") ? v.toLowerCase(java.util.Locale.ROOT) : v)
                            .replace("\r\n", "\n")));
                }
            }
            params.sort(null);
            String value = p.toString().replaceAll("parameters=\\{.*?\\} \\| ", "").replaceAll("version=\\S+ ", "")
                    .replaceAll("@[0-9a-f]+", "").replace("\r\n", "\n");
            out.computeIfAbsent(name, k -> new ArrayList<>()).add((p.getGroup() == null ? "" : p.getGroup() + ".") + params + value);
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
