package org.mailmigrator.connector.dav.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.connector.ical.IcalConnector;
import org.mailmigrator.connector.vcard.VcardConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Radicale;

/** Runs a migration through the public connector classes, and reads a Radicale collection back over HTTP. */
final class Pim {
    private Pim() {
    }

    static Account dav(Radicale server, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("url", server.url(), "login", Radicale.LOGIN, "create", "true",
                "allowPlaintext", "true"));
        s.putAll(extra);
        return new Account("dav", s, null);
    }

    static ConnectorSession openDav(Account account, String password) throws Exception {
        return new DavConnector().open(account, Role.DESTINATION, ConnectContext.of(Secret.of(password)));
    }

    static PimReport migrate(Path source, Radicale server, Path stateDir) throws Exception {
        boolean vcf = source.toString().endsWith(".vcf") || source.getFileName().toString().equals("vcf");
        Account src = new Account(vcf ? "vcard" : "ical", Map.of("path", source.toString()), null);
        try (ConnectorSession in = (vcf ? new VcardConnector() : new IcalConnector()).open(src, Role.SOURCE, ConnectContext.of(null));
                ConnectorSession out = openDav(dav(server, Map.of()), Radicale.PASSWORD);
                PimState state = PimState.openEmbedded(stateDir, "pair")) {
            return new PimMigration(in.capability(PimReader.class).orElseThrow(), out.capability(PimWriter.class).orElseThrow(),
                    state, EnumSet.allOf(ItemKind.class), null).run();
        }
    }

    /** Every entry a reader gives, in order (small test files only: readers stream). */
    static java.util.List<org.mailmigrator.core.pim.PimEntry> entries(PimReader reader) throws Exception {
        java.util.List<org.mailmigrator.core.pim.PimEntry> out = new java.util.ArrayList<>();
        reader.read(out::add);
        return out;
    }

    /** A raw authenticated request to Radicale, for tests that act on the server behind the connector's back. */
    static HttpResponse<String> send(Radicale server, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((Radicale.LOGIN + ":" + Radicale.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).header("Authorization", auth)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Every resource of a collection (href → body), read with PROPFIND Depth 1 and one GET each. */
    static Map<String, String> readBack(Radicale server, String collectionPath) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((Radicale.LOGIN + ":" + Radicale.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        URI base = URI.create(server.url()).resolve(collectionPath);
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(base).header("Authorization", auth).header("Depth", "1")
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() != 207) {
            throw new AssertionError("PROPFIND " + base + ": HTTP " + list.statusCode());
        }
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("<(?:\\w+:)?href>([^<]+)</(?:\\w+:)?href>").matcher(list.body());
        while (m.find()) {
            URI item = base.resolve(m.group(1));
            if (item.getPath().endsWith("/")) {
                continue;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(item).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.put(item.getPath(), r.body());
        }
        return out;
    }

    /** The member paths of a collection of a server without authentication (Xandikos), by PROPFIND Depth 1. */
    static java.util.List<String> readBackPaths(String serverUrl, String collectionPath) throws Exception {
        URI base = URI.create(serverUrl).resolve(collectionPath);
        HttpResponse<String> list = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base)
                .header("Depth", "1").method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<(?:\\w+:)?href>([^<]+)</(?:\\w+:)?href>").matcher(list.body());
        while (m.find()) {
            if (!base.resolve(m.group(1)).getPath().endsWith("/")) {
                out.add(base.resolve(m.group(1)).getPath());
            }
        }
        return out;
    }

    static String get(String serverUrl, String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(serverUrl)
                .resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    static int put(String serverUrl, String path, String body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(serverUrl)
                .resolve(path)).header("Content-Type", "text/calendar; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
