package org.mailmigrator.core.pim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * Reads items from one file, or from every file of a folder with one extension (sorted by name), as exports
 * come: Google Calendar gives one .ics per calendar. A file that cannot be read is reported as a malformed
 * entry and the others are still read.
 */
public final class FileSetReader implements PimReader {

    /** Reads the items of one file. */
    @FunctionalInterface
    public interface FileParser {
        List<PimEntry> read(Path file) throws IOException;
    }

    private final Path path;
    private final String extension;
    private final FileParser parser;
    private final boolean keepFilesApart;

    /** @param extension with its dot, e.g. {@code .ics}; files naming the same collection are kept apart */
    public FileSetReader(Path path, String extension, FileParser parser) {
        this(path, extension, parser, true);
    }

    /**
     * @param keepFilesApart when two files name the same collection (two Google exports both called "Calendar"),
     *                       each file's items go to a collection of their own, {@code Calendar (file name)}, and the
     *                       report says so; false when the user named the collection, asking for them to be merged
     */
    public FileSetReader(Path path, String extension, FileParser parser, boolean keepFilesApart) {
        this.path = path;
        this.extension = extension;
        this.parser = parser;
        this.keepFilesApart = keepFilesApart;
    }

    @Override
    public List<PimEntry> read() throws ConnectorException {
        List<PimEntry> entries = new ArrayList<>();
        Map<Path, List<PimEntry>> byFile = new LinkedHashMap<>();
        for (Path file : files()) {
            try {
                List<PimEntry> read = parser.read(file);
                byFile.put(file, read);
                entries.addAll(read);
            } catch (IOException e) {
                entries.add(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()));
            } catch (RuntimeException e) {
                // a reader's bug or a library's refusal costs this file, never the other files
                entries.add(new PimEntry.Malformed(file.toString(), "cannot be read: " + PimText.reason(e)));
            }
        }
        return keepFilesApart ? apart(byFile, entries) : entries;
    }

    private static List<PimEntry> apart(Map<Path, List<PimEntry>> byFile, List<PimEntry> entries) {
        Map<String, Set<Path>> files = new HashMap<>();
        byFile.forEach((file, read) -> read.forEach(e -> {
            if (e instanceof PimEntry.Item i) {
                files.computeIfAbsent(i.item().collection(), c -> new HashSet<>()).add(file);
            }
        }));
        if (files.values().stream().allMatch(s -> s.size() < 2)) {
            return entries;
        }
        List<PimEntry> out = new ArrayList<>();
        Set<Path> told = new HashSet<>();
        byFile.forEach((file, read) -> read.forEach(e -> {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (e instanceof PimEntry.Item i && files.get(i.item().collection()).size() > 1 && !stem.equals(i.item().collection())) {
                PimItem it = i.item();
                String renamed = it.collection() + " (" + stem + ")";
                List<String> notes = new ArrayList<>(it.notes());
                if (told.add(file)) {
                    notes.add(files.get(it.collection()).size() + " files name their collection '" + it.collection() + "': the items of "
                            + file.getFileName() + " go to '" + renamed + "' instead of being merged");
                }
                out.add(new PimEntry.Item(new PimItem(it.kind(), renamed, it.uid(), it.text(), it.origin(), notes)));
            } else {
                out.add(e);
            }
        }));
        return out;
    }

    private List<Path> files() throws ConnectorException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot list the folder " + path + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ConnectorException.AccountFailure("the folder " + path + " holds no " + extension + " file", null);
        }
        return files;
    }
}
