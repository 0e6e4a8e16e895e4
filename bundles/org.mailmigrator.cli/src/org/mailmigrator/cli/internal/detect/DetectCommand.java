package org.mailmigrator.cli.internal.detect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.autodetect.AddressCsv;
import org.mailmigrator.autodetect.BatchDetector;
import org.mailmigrator.autodetect.BatchReport;
import org.mailmigrator.autodetect.BatchRow;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.csv.CsvImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailmigrator detect}: server settings of addresses, or of every row of a CSV file, one lookup per domain. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detects the server settings of e-mail addresses: provider presets, autoconfig, MX, SRV, "
                + "Exchange Autodiscover, then a probe of imap./mail./pop./smtp. names. No credentials are sent.",
        footer = { "", "Exit codes: 0 all found, 1 some address not found or invalid, 2 wrong command line." })
public final class DetectCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "E-mail addresses, e.g. alice@example.org.")
    private List<String> addresses = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE",
            description = "A batch file (OMM template, imapsync file.txt, Exchange Online CSV, native CSV: the source "
                    + "logins are detected) or a CSV with a header row and an address column (email, address, login...).")
    private Path csv;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--trust-redirects",
            description = "Accept redirects and SRV targets outside the address's domain (refused by default).")
    private boolean trustRedirects;

    @Option(names = "--offline", description = "Use the provider presets only: no DNS, HTTP or probe.")
    private boolean offline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Limit of each attempt (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", description = "Domains looked up at once (default ${DEFAULT-VALUE}).")
    private int parallel;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (addresses.isEmpty() == (csv == null)) {
            throw new ParameterException(spec.commandLine(), "Give either addresses or --csv FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the command is the edge: the platform's extension registry is looked up here, once; the provider presets
        // and the CSV formats are read from it
        IExtensionRegistry extensions = RegistryFactory.getRegistry();
        List<BatchRow> rows;
        try {
            rows = csv == null ? fromArguments() : fromCsv(extensions);
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot read " + csv + ": " + e.getMessage());
            return 1;
        }
        DetectorEnvironment environment = DetectorEnvironment.system()
                .withConfirmation(trustRedirects ? RedirectConfirmation.TRUST : RedirectConfirmation.REFUSE)
                .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        if (offline) {
            environment = environment.offline();
        }
        BatchReport report;
        try (Detector detector = new Detector(new ProviderRegistry(extensions), environment)) {
            report = new BatchDetector(detector, parallel).detect(rows);
        }
        if (json) {
            out.println(DetectionJson.report(report));
        } else if (csv != null) {
            DetectionText.domains(report, out);
        } else {
            report.rows().forEach(r -> DetectionText.detail(r.detection(), out));
        }
        return report.problems().isEmpty() ? 0 : 1;
    }

    private List<BatchRow> fromArguments() {
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            rows.add(new BatchRow(i + 1, addresses.get(i), ""));
        }
        return rows;
    }

    /** A batch file in any import format (OMM, imapsync, Exchange Online, native), else a CSV with an address column. */
    private List<BatchRow> fromCsv(IExtensionRegistry extensions) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(csv);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such file");
        }
        var imported = new CsvImporter(id -> null, CsvFormats.of(extensions)).sourceAddresses(data);
        if (imported.isPresent()) {
            return imported.get().stream().map(a -> new BatchRow(a.line(), a.login(), a.host())).toList();
        }
        try (Reader in = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
            return AddressCsv.read(in);
        }
    }
}
