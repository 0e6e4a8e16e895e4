package org.mailmigrator.batch.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.core.runtime.IConfigurationElement;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvFormatDescriptor;
import org.mailmigrator.core.registry.Attributes;

/** Reads one {@code <format>} declaration of the csvFormats extension point, or says what is wrong with it. */
public final class CsvFormatParser {

    private CsvFormatParser() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static CsvFormatDescriptor read(IConfigurationElement e) {
        Attributes.require(e, "name", "class");
        String id = e.getAttribute("id");
        if (!id.matches("[a-z0-9][a-z0-9._-]*") || id.equals(CsvFormat.AUTO.id())) {
            throw new IllegalArgumentException("the id must be lower-case letters, digits, '.', '_' or '-', "
                    + "and not 'auto'");
        }
        return descriptor(id, e.getAttribute("name"), e.getAttribute("description"), e.getContributor().getName(),
                e.getAttribute("firstLine"), e.getAttribute("priority"), e.getAttribute("separator"),
                e.getAttribute("comments"), e.getAttribute("columns"), e.getAttribute("extensions"));
    }

    /** The descriptor of declared attribute values (null when absent). */
    static CsvFormatDescriptor descriptor(String id, String name, String description, String contributor,
            String firstLine, String priority, String separator, String comments, String columns, String extensions) {
        Optional<Pattern> pattern = Optional.empty();
        if (!Attributes.blank(firstLine)) {
            try {
                pattern = Optional.of(Pattern.compile(firstLine));
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException("firstLine is not a regular expression: " + ex.getDescription());
            }
        }
        int prio = 0;
        if (!Attributes.blank(priority)) {
            try {
                prio = Integer.parseInt(priority.strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("priority '" + priority + "' is not a whole number");
            }
        }
        return new CsvFormatDescriptor(id, name, description == null ? "" : description, contributor, pattern, prio,
                character("separator", separator), Boolean.parseBoolean(comments), Attributes.list(columns),
                Attributes.list(extensions).stream().map(x -> x.startsWith(".") ? x.substring(1) : x).toList());
    }

    private static Optional<Character> character(String attribute, String value) {
        if (Attributes.blank(value) || value.equals("auto")) {
            return Optional.empty();
        }
        if (value.equals("tab") || value.equals("\\t")) {
            return Optional.of('\t');
        }
        if (value.length() != 1 || value.charAt(0) == '"' || Character.isLetterOrDigit(value.charAt(0))) {
            throw new IllegalArgumentException(attribute + " '" + value + "' is not one character (or tab) other "
                    + "than a letter, a digit or the quote");
        }
        return Optional.of(value.charAt(0));
    }
}
