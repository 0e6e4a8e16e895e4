package org.mailmigrator.core.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting a connector declares: the same declaration drives the account editor, the CSV columns, the
 * command-line flags and the validation. {@code secret} settings go to secure storage, never to files or logs.
 */
public record SettingDescriptor(String id, String label, SettingType type, Optional<String> defaultValue,
        boolean required, boolean secret, List<String> choices, String description) {

    public SettingDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        secret = secret || type == SettingType.SECRET;
        description = description == null ? "" : description;
    }

    /** {@code host*} when required, {@code port=993} with its default, {@code password (secret)}. */
    public String summary() {
        return id + (required ? "*" : "") + defaultValue.map(d -> "=" + d).orElse("") + (secret ? " (secret)" : "");
    }

    /** The reason {@code value} (null or blank when not given) is not acceptable, or empty when it is. */
    public Optional<String> validate(String value) {
        if (value == null || value.isBlank()) {
            return required && defaultValue.isEmpty() ? Optional.of(label + " is required") : Optional.empty();
        }
        return type.check(value.trim(), choices).map(reason -> label + ": " + reason);
    }
}
