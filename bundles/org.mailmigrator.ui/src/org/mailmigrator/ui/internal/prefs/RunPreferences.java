package org.mailmigrator.ui.internal.prefs;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The workbench's run preferences (instance scope of this bundle) and what they change: the run settings of
 * every start, resume, retry and delta from the workbench (TLS policy, pinned certificates, pre-flight), and
 * the concurrency and per-host limit that imported and new batches get, and how the workspace's notification
 * mails may log in. Followed live: a change on the
 * preference page applies to the next action.
 */
public final class RunPreferences extends AbstractPreferenceInitializer {
    public static final String NODE = "org.mailmigrator.ui";
    public static final String CONCURRENCY = "batch.concurrency";
    public static final String PER_HOST = "batch.perHost";
    public static final String TLS_POLICY = "run.tlsPolicy";
    public static final String TRUST_SHA256 = "run.trustSha256";
    public static final String PREFLIGHT = "run.preflight";
    public static final String MIRROR = "migration.mirrorDeletions";
    /** TLS policies: STARTTLS rows must negotiate TLS, or may fall back to plaintext (test servers, old hosts). */
    public static final String TLS_REQUIRE = "require";
    public static final String TLS_ALLOW_PLAINTEXT = "allowPlaintext";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(NODE);
        d.putInt(CONCURRENCY, BatchDefaults.CONCURRENCY);
        d.putInt(PER_HOST, BatchDefaults.PER_HOST);
        d.put(TLS_POLICY, TLS_REQUIRE);
        d.put(TRUST_SHA256, "");
        d.putBoolean(PREFLIGHT, false);
        d.putBoolean(MIRROR, false);
    }

    /** Applies the preferences to the session now and after every change. */
    public static void follow(BatchSession session) {
        new RunPreferences().initializeDefaultPreferences();
        apply(session);
        InstanceScope.INSTANCE.getNode(NODE).addPreferenceChangeListener(e -> apply(session));
    }

    static void apply(BatchSession session) {
        RunSettings settings = runSettings();
        session.setRunSettings(settings);
        session.setBatchDefaults(intValue(CONCURRENCY), intValue(PER_HOST));
        // the workspace's notifiers (SMTP of the Notifications page): AUTH without TLS only when the TLS policy
        // allows plaintext; a mail that cannot go is a warning in the platform log, never a failed batch
        session.workspace().setNotificationPolicy(settings.allowPlaintext(),
                message -> ILog.of(RunPreferences.class).log(Status.warning("Notifications: " + message)));
    }

    /** What a run started from the workbench uses. */
    public static RunSettings runSettings() {
        IPreferencesService p = Platform.getPreferencesService();
        List<String> pins = new java.util.ArrayList<>(Arrays.stream(p.getString(NODE, TRUST_SHA256, "", null).split("[,\\s]+"))
                .filter(s -> !s.isBlank()).toList());
        // "Trust always" of Test an account: runs trust it too
        new org.mailmigrator.ui.internal.trust.TrustedCertificates().all().forEach(
                f -> pins.add(org.mailmigrator.batch.jobs.TrustedPins.normalize(f)));
        return RunSettings.defaults()
                .withAllowPlaintext(TLS_ALLOW_PLAINTEXT.equals(p.getString(NODE, TLS_POLICY, TLS_REQUIRE, null)))
                .withTrust(pins)
                .withPreflight(p.getBoolean(NODE, PREFLIGHT, false, null), false);
    }

    public static boolean mirrorByDefault() {
        return Platform.getPreferencesService().getBoolean(NODE, MIRROR, false, null);
    }

    private static int intValue(String key) {
        return Math.max(1, Platform.getPreferencesService().getInt(NODE, key, 1, null));
    }
}
