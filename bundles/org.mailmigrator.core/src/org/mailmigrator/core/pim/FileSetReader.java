package org.mailmigrator.core.pim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * Reads items from one file, or from every file of a folder with one extension (sorted by name), as exports
 * come: Google Calendar gives one .ics per calendar. Items are handed over one at a time, as the parser reads
 * them; only the file names and their collection names are held. A file that cannot be read is reported as a
 * malformed entry and the others are still read.
 */
public final class FileSetReader implements PimReader {

    /** Reads the items of one file, streamed. */
    public interface FileParser {
        /** The collection the items of {@code file} belong to, read without reading the items (a header, the name). */
        String collection(Path file) throws IOException;

        /**
         * Gives every entry of {@code file} to {@code sink}, its items in collection {@code collection}, or in the
         * file's own collection (as {@link #collection} says) when {@code collection} is null.
         *
         * @return false when the sink asked to stop
         */
        boolean read(Path file, String collection, Sink sink) throws IOException;
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
    public void read(Sink sink) throws ConnectorException {
        List<Path> files = files();
        Map<Path, String> names = new LinkedHashMap<>();
        boolean apart = keepFilesApart && files.size() > 1;
        for (Path file : files) {
            if (!apart) {
                names.put(file, null); // no other file to keep apart from: the parser names the collection itself
                continue;
            }
            try {
                names.put(file, parser.collection(file));
            } catch (IOException e) {
                if (!sink.accept(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()))) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!sink.accept(new PimEntry.Malformed(file.toString(), "cannot be read: " + PimText.reason(e)))) {
                    return;
                }
            }
        }
        Map<String, Integer> sharing = new HashMap<>();
        names.values().stream().filter(n -> n != null).forEach(n -> sharing.merge(n, 1, Integer::sum));
        for (Map.Entry<Path, String> f : names.entrySet()) {
            Path file = f.getKey();
            String name = f.getValue();
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Sink target = sink;
            if (name != null && sharing.get(name) > 1 && !stem.equals(name)) {
                String renamed = name + " (" + stem + ")";
                String note = sharing.get(name) + " files name their collection '" + name + "': the items of "
                        + file.getFileName() + " go to '" + renamed + "' instead of being merged";
                name = renamed;
                target = firstItemNoted(sink, note);
            }
            try {
                if (!parser.read(file, name, target)) {
                    return;
                }
            } catch (IOException e) {
                if (!sink.accept(new PimEntry.Malformed(file.toString(), "cannot be read: " + e.getMessage()))) {
                    return;
                }
            } catch (RuntimeException e) {
                // a reader's bug or a library's refusal costs this file, never the other files
                if (!sink.accept(new PimEntry.Malformed(file.toString(), "cannot be read: " + PimText.reason(e)))) {
                    return;
                }
            }
        }
    }

    private static Sink firstItemNoted(Sink sink, String note) {
        boolean[] told = new boolean[1];
        return e -> {
            if (e instanceof PimEntry.Item i && !told[0]) {
                told[0] = true;
                PimItem it = i.item();
                return sink.accept(new PimEntry.Item(it.inCollection(it.collection(), List.of(note))));
            }
            return sink.accept(e);
        };
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
        return new ArrayList<>(files);
    }
}
