package org.mailmigrator.batch.run;

import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.mailmigrator.autodetect.ProviderRegistry;

/**
 * The provider presets a pass reads: the daily transfer limits of a mail account's provider and the CalDAV/CardDAV
 * URL of a leg whose source is {@code preset}. Made once by whoever holds the extension registry (the workspace
 * service with its connectors, a command at its start, a test) and handed to the {@link PassRunner} and the batch
 * jobs: nothing in a pass looks the platform up. {@link #NONE} for a process without the registry (a benchmark
 * outside OSGi): no preset limit, no preset source.
 */
public final class Presets {
    /** No presets: accounts limited only by their own settings; a {@code preset} leg source is refused with its reason. */
    public static final Presets NONE = new Presets(null);

    private final IExtensionRegistry extensions;
    private final ProviderRegistry providers;

    /** Over the extension registry the caller looked up (null: {@link #NONE}). */
    public Presets(IExtensionRegistry extensions) {
        this.extensions = extensions;
        this.providers = extensions == null ? null : new ProviderRegistry(extensions);
    }

    /** The provider presets (daily limits), when there is a registry. */
    public Optional<ProviderRegistry> providers() {
        return Optional.ofNullable(providers);
    }

    /** The registry whose provider contributions name the CalDAV/CardDAV servers ({@link PimSource}). */
    Optional<IExtensionRegistry> extensions() {
        return Optional.ofNullable(extensions);
    }
}
