package org.mailmigrator.batch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder holding batches, engine state and secrets; the command line and the workbench share it.
 * Chosen in this order: an explicit folder ({@code --workspace}), {@code $MAILMIGRATOR_WORKSPACE}, the OSGi
 * instance area ({@code -data}, which the launcher script sets), {@code ~/mailmigrator-workspace}.
 */
public record Workspace(Path dir) {

    public static Workspace resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new Workspace(explicit.toAbsolutePath());
        }
        String fromEnv = env.get("MAILMIGRATOR_WORKSPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Workspace(Path.of(fromEnv).toAbsolutePath());
        }
        String instance = System.getProperty("osgi.instance.area");
        if (instance != null && instance.startsWith("file:")) {
            return new Workspace(Path.of(URI.create(instance.replace(" ", "%20"))));
        }
        return new Workspace(Path.of(System.getProperty("user.home"), "mailmigrator-workspace"));
    }

    /** Where the embedded batch database lives. */
    public Path batchesDir() {
        return dir.resolve("batches");
    }

    /** The engine's per-pair state stores of one batch. */
    public Path stateDir(String batch) {
        return dir.resolve("state").resolve("batch-" + batch);
    }

    /** The default key file of the secret vault (the administrator may keep it elsewhere). */
    public Path defaultSecretsKey() {
        return dir.resolve("secrets.key");
    }
}
