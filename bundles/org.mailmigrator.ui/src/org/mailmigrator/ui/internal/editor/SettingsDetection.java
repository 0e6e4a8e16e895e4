package org.mailmigrator.ui.internal.editor;

import java.util.Locale;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.core.connector.Addressing;
import org.mailmigrator.ui.forms.SettingsForm;

/**
 * "Detect settings": looks up the login's e-mail address with the autodetect bundle (presets, autoconfig,
 * DNS, probes; no credentials are sent) off the UI thread, then fills the form's server, port and security.
 */
final class SettingsDetection {
    /** Family of detection jobs, for tests to wait on. */
    static final Object FAMILY = SettingsDetection.class;

    private SettingsDetection() {
    }

    /** {@code report} gets the outcome as a sentence and an {@link IMessageProvider} type, on the UI thread. */
    static void run(Addressing addressing, SettingsForm form, ProviderRegistry providers, Display display,
            BiConsumer<String, Integer> report) {
        String address = form.field(addressing.login().orElseThrow().id()).text().trim();
        if (!address.contains("@")) {
            report.accept("Detect settings needs the login to be an e-mail address, not '" + address + "'",
                    IMessageProvider.WARNING);
            return;
        }
        Job job = new Job("Detecting the server settings of " + address) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Detection d;
                try (Detector detector = new Detector(providers, DetectorEnvironment.system())) {
                    d = detector.detect(address);
                }
                display.asyncExec(() -> apply(addressing, form, d, report));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
    }

    private static void apply(Addressing addressing, SettingsForm form, Detection d, BiConsumer<String, Integer> report) {
        if (form.control().isDisposed()) {
            return;
        }
        switch (d) {
            case Detection.Found f when f.server(Protocol.IMAP).isPresent() -> {
                ServerSetting s = f.server(Protocol.IMAP).get();
                form.field(addressing.endpoint().orElseThrow().id()).setText(s.host()); // the connector's host setting
                addressing.port().map(p -> form.field(p.id())).ifPresent(port -> port.setText(String.valueOf(s.port())));
                if (form.field("security") != null) {
                    form.field("security").setText(s.security().id());
                }
                report.accept("Detected " + s.describe() + " for " + d.input() + " (" + f.source().label() + ", "
                        + f.confidence().name().toLowerCase(Locale.ROOT) + " confidence)", IMessageProvider.INFORMATION);
            }
            case Detection.Found f -> report.accept("No IMAP server found for " + d.input() + " (found "
                    + String.join(", ", f.servers().stream().map(ServerSetting::describe).toList()) + ")",
                    IMessageProvider.WARNING);
            case Detection.NotFound n -> report.accept("No server settings found for " + d.input(), IMessageProvider.WARNING);
            case Detection.Invalid i -> report.accept(i.message(), IMessageProvider.ERROR);
        }
    }
}
