package org.mailmigrator.core.internal.engine;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.mail.MailStore;

/**
 * How many folders a run copies at once: the settings' number, or, for {@link MigrationSettings#PARALLELISM_BY_LINK},
 * one chosen from the round trip the first connections measured (the slower side's), never more than there are
 * folders to copy. Over a slow link a folder's turns (select, listings, fetches, appends) cost one round trip each,
 * so more folders at once shorten the copy; near the server they only compete for the same CPU.
 */
final class FolderWorkers {
    private FolderWorkers() {
    }

    /** The number of workers for {@code folders} folders to copy; says how it chose when the link decided. */
    static int count(MigrationSettings settings, MailStore source, MailStore destination, int folders,
            Consumer<String> say) {
        int wanted = settings.parallelism();
        if (wanted == MigrationSettings.PARALLELISM_BY_LINK) {
            Optional<Duration> trip = Stream.of(source.roundTrip(), destination.roundTrip()).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder()); // the slower side's
            boolean slow = trip.map(t -> t.compareTo(MigrationSettings.SLOW_LINK) >= 0).orElse(false);
            wanted = slow ? MigrationSettings.FOLDERS_AT_ONCE_FAR : MigrationSettings.FOLDERS_AT_ONCE_NEAR;
            if (folders > MigrationSettings.FOLDERS_AT_ONCE_NEAR) {
                // not "folders ...": a progress line of migrate starts so
                say.accept(String.format(Locale.ROOT, "copying %d folders at once (%s; %d from a round trip of %d ms)",
                        Math.min(wanted, folders), trip.map(t -> String.format(Locale.ROOT, "round trip %.1f ms",
                                t.toNanos() / 1e6)).orElse("round trip not measured"),
                        MigrationSettings.FOLDERS_AT_ONCE_FAR, MigrationSettings.SLOW_LINK.toMillis()));
            }
        }
        return Math.max(1, Math.min(wanted, folders));
    }
}
