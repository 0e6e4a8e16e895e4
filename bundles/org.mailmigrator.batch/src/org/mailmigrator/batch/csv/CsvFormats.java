package org.mailmigrator.batch.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.batch.internal.BuiltInFormats;
import org.mailmigrator.batch.internal.CsvFormatParser;
import org.mailmigrator.core.registry.Contributions;
import org.mailmigrator.core.registry.Contributions.Entry;

/**
 * The CSV formats contributed to {@value #EXTENSION_POINT}: listed and detected from their declarations alone,
 * their reader class loaded only when a file is read in the format. A broken declaration is skipped, logged and
 * listed by {@link #problems()}; a class that cannot be loaded fails only the imports in its format. The batch
 * bundle's own formats (OMM template, imapsync, Exchange Online, native) come first, in their declared order,
 * then the others by id.
 */
public final class CsvFormats {
    public static final String EXTENSION_POINT = "org.mailmigrator.batch.csvFormats";
    private static final String OWN = "org.mailmigrator.batch";

    private final Contributions<CsvFormatDescriptor> contributions;
    private final Map<String, Supplier<CsvRowReader>> builtIn;

    public CsvFormats(IExtensionRegistry extensions) {
        this.contributions = new Contributions<>(extensions, EXTENSION_POINT, "format", CsvFormatParser::read);
        this.builtIn = Map.of();
    }

    private CsvFormats(Map<String, Supplier<CsvRowReader>> builtIn) {
        this.contributions = null;
        this.builtIn = builtIn;
    }

    /**
     * The formats contributed to this extension registry; without one (a process without OSGi) the built-in four.
     * The caller reads the registry once, where the process starts (the workspace service, a command).
     */
    public static CsvFormats of(IExtensionRegistry extensions) {
        return extensions == null ? builtIn() : new CsvFormats(extensions);
    }

    /** Only the four formats of the batch bundle, without the extension registry (a plain Java process). */
    public static CsvFormats builtIn() {
        return new CsvFormats(BuiltInFormats.readers());
    }

    /** The valid formats: the batch bundle's first, in declared order, then the others by id. */
    public List<CsvFormatDescriptor> formats() {
        if (contributions == null) {
            return BuiltInFormats.descriptors();
        }
        List<CsvFormatDescriptor> own = new ArrayList<>();
        List<CsvFormatDescriptor> others = new ArrayList<>();
        for (Entry<CsvFormatDescriptor> e : contributions.entries()) {
            (e.contributor().equals(OWN) ? own : others).add(e.value());
        }
        others.sort(Comparator.comparing(CsvFormatDescriptor::id));
        own.addAll(others);
        return own;
    }

    public Optional<CsvFormatDescriptor> find(CsvFormat format) {
        return formats().stream().filter(d -> d.id().equals(format.id())).findFirst();
    }

    /** The ids a person may give, {@code auto} first, for messages and help. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(CsvFormat.AUTO.id()));
        formats().forEach(d -> ids.add(d.id()));
        return ids;
    }

    /**
     * The format of the text by its first line that is neither blank nor a {@code #} comment (lower-cased, double
     * quotes removed): the recognising format of highest priority; {@link CsvFormat#AUTO} when none does.
     */
    public CsvFormat detect(String text) {
        String line = normalizedFirstLine(text);
        List<CsvFormatDescriptor> byPriority = new ArrayList<>(formats());
        byPriority.sort(Comparator.comparingInt(CsvFormatDescriptor::priority).reversed()); // stable: ties keep order
        return byPriority.stream().filter(d -> d.recognises(line)).findFirst().map(CsvFormatDescriptor::format)
                .orElse(CsvFormat.AUTO);
    }

    /** The first line detection looks at, as the {@code firstLine} patterns see it. */
    public static String normalizedFirstLine(String text) {
        for (String l : (Iterable<String>) text.lines()::iterator) {
            if (!l.isBlank() && !l.startsWith("#")) {
                return l.toLowerCase(Locale.ROOT).replace("\"", "");
            }
        }
        return "";
    }

    /**
     * A new reader of the format (one per file).
     *
     * @throws IllegalArgumentException naming the format and its bundle when it is not installed or its class
     *         cannot be loaded (logged as well)
     */
    public CsvRowReader reader(CsvFormat format) {
        if (contributions == null) {
            Supplier<CsvRowReader> s = builtIn.get(format.id());
            if (s == null) {
                throw new IllegalArgumentException(unknown(format));
            }
            return s.get();
        }
        Entry<CsvFormatDescriptor> entry = contributions.entry(format.id())
                .orElseThrow(() -> new IllegalArgumentException(unknown(format)));
        String which = "the format '" + format.id() + "' of bundle " + entry.contributor();
        String why;
        try {
            if (entry.element().createExecutableExtension("class") instanceof CsvRowReader reader) {
                return reader;
            }
            why = which + " cannot be used: its class is not a CSV row reader";
        } catch (CoreException | RuntimeException e) {
            why = which + " cannot be loaded: " + e.getMessage();
        }
        ILog.of(CsvFormats.class).log(Status.warning(why));
        throw new IllegalArgumentException(why);
    }

    private String unknown(CsvFormat format) {
        return "no CSV format '" + format.id() + "' is installed (installed: " + String.join(", ", ids()) + ")";
    }

    /** Declarations that were skipped, each naming the contributing bundle and the reason. */
    public List<String> problems() {
        return contributions == null ? List.of() : contributions.problems();
    }
}
