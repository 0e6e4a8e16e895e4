package org.mailmigrator.core.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a migration copies and how: item kinds, folder filters (regular expressions on source folder names),
 * explicit folder mappings (source name to destination name), and whether the destination mirrors deletions.
 */
public record MigrationOptions(Set<ItemKind> kinds, List<String> includeFolders, List<String> excludeFolders,
        Map<String, String> folderMap, boolean mirrorDeletions) {

    public MigrationOptions {
        kinds = Set.copyOf(kinds);
        includeFolders = List.copyOf(includeFolders);
        excludeFolders = List.copyOf(excludeFolders);
        folderMap = Map.copyOf(folderMap);
    }

    public static MigrationOptions mailOnly() {
        return new MigrationOptions(Set.of(ItemKind.MAIL), List.of(), List.of(), Map.of(), false);
    }
}
