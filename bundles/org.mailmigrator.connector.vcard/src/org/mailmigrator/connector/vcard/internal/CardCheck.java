package org.mailmigrator.connector.vcard.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ezvcard.VCard;

/**
 * Whether a parsed card is fit to migrate. ez-vcard is lenient: it keeps a value it cannot parse as text
 * and warns. A warning about a date or an inline photo means the card would arrive damaged, so the card
 * is refused with the warning's words; other warnings (unknown parameters...) do not lose data.
 */
final class CardCheck {
    private CardCheck() {
    }

    static Optional<String> problem(VCard card, List<String> warnings) {
        if (card.getFormattedName() == null && card.getStructuredName() == null && card.getOrganization() == null
                && card.getEmails().isEmpty() && card.getTelephoneNumbers().isEmpty()) {
            return Optional.of("has no name, organisation, e-mail or phone: nothing identifies it");
        }
        for (String w : warnings) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.contains("bday") || lower.contains("anniversary") || lower.contains("photo")
                    || lower.contains("could not be parsed") || lower.contains("base64")) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
