package org.mailmigrator.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a migration copies and how: item kinds, folder filters (regular expressions on source folder names),
 * explicit folder mappings (source name to destination name), whether the destination mirrors deletions,
 * which messages (dates, size: {@link MessageLimits}), the earliest time it may start ({@code notBefore};
 * empty: as soon as it is started), and how a Gmail-like source's labels are migrated ({@link GmailOptions}).
 */
public record MigrationOptions(Set<ItemKind> kinds, List<String> includeFolders, List<String> excludeFolders,
        Map<String, String> folderMap, boolean mirrorDeletions, MessageLimits limits, Optional<Instant> notBefore,
        GmailOptions gmail) {

    public MigrationOptions {
        kinds = Set.copyOf(kinds);
        includeFolders = List.copyOf(includeFolders);
        excludeFolders = List.copyOf(excludeFolders);
        folderMap = Map.copyOf(folderMap);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(gmail, "gmail");
    }

    /** Options with the default handling of a Gmail-like source. */
    public MigrationOptions(Set<ItemKind> kinds, List<String> includeFolders, List<String> excludeFolders,
            Map<String, String> folderMap, boolean mirrorDeletions, MessageLimits limits, Optional<Instant> notBefore) {
        this(kinds, includeFolders, excludeFolders, folderMap, mirrorDeletions, limits, notBefore, GmailOptions.DEFAULT);
    }

    /** Options without message limits or schedule. */
    public MigrationOptions(Set<ItemKind> kinds, List<String> includeFolders, List<String> excludeFolders,
            Map<String, String> folderMap, boolean mirrorDeletions) {
        this(kinds, includeFolders, excludeFolders, folderMap, mirrorDeletions, MessageLimits.NONE, Optional.empty());
    }

    public static MigrationOptions mailOnly() {
        return new MigrationOptions(Set.of(ItemKind.MAIL), List.of(), List.of(), Map.of(), false);
    }

    public MigrationOptions withFolderMap(Map<String, String> map) {
        return new MigrationOptions(kinds, includeFolders, excludeFolders, map, mirrorDeletions, limits, notBefore,
                gmail);
    }

    public MigrationOptions withGmail(GmailOptions value) {
        return new MigrationOptions(kinds, includeFolders, excludeFolders, folderMap, mirrorDeletions, limits, notBefore,
                value);
    }
}
