package org.mailmigrator.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import com.pff.PSTException;
import com.pff.PSTFile;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Each library the product needs, used once inside the running OSGi framework: proves that it resolves,
 * that its run-time dependencies are there, and that service lookups (Jakarta Mail providers, slf4j
 * binding through SPI Fly) work in OSGi, where they fail by default.
 */
class LibrariesTest {

    @Test
    void jakartaMailWithAngusProviders() throws Exception {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imaps");
        assertEquals("org.eclipse.angus.mail.imap.IMAPSSLStore", store.getClass().getName());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.org"));
        message.setRecipient(RecipientType.TO, new InternetAddress("bob@example.net"));
        message.setSubject("Café", "UTF-8");
        message.setText("héllo", "UTF-8");
        message.saveChanges();
        var bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        String written = bytes.toString(StandardCharsets.US_ASCII);
        assertTrue(written.contains("Subject: =?UTF-8?Q?Caf=C3=A9?="), written);
        assertTrue(written.contains("Content-Type: text/plain; charset=UTF-8"), written);
    }

    @Test
    void ical4jKeepsTheTimeZoneOfAnEvent() throws Exception {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:1@test", "DTSTAMP:20260101T000000Z", "DTSTART;TZID=Europe/Paris:20260329T013000",
                "DTEND;TZID=Europe/Paris:20260329T033000", "SUMMARY:across the DST change", "END:VEVENT",
                "END:VCALENDAR", "");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        assertEquals("Europe/Paris", start.getParameter(Parameter.TZID).orElseThrow().getValue());
        assertEquals("20260329T013000", start.getValue());
        assertEquals("across the DST change", event.getProperty(Property.SUMMARY).orElseThrow().getValue());
    }

    @Test
    void ezVcardReadsVersion21QuotedPrintableAndWrites40() {
        String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:2.1",
                "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen", "EMAIL;INTERNET:j@example.de",
                "END:VCARD", "");
        VCard card = Ezvcard.parse(vcf).first();
        assertEquals("Müller", card.getStructuredName().getFamily());
        String v4 = Ezvcard.write(card).version(VCardVersion.V4_0).go();
        assertTrue(v4.contains("VERSION:4.0") && v4.contains("Müller"), v4);
    }

    @Test
    void ewsJavaApiLoadsWithItsHttpStack() throws Exception {
        try (ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2)) {
            service.setUrl(new URI("https://ex1.mail.ovh.net/EWS/Exchange.asmx"));
            service.setCredentials(new WebCredentials("alice@example.org", "secret"));
            assertEquals(ExchangeVersion.Exchange2010_SP2, service.getRequestedServerVersion());
            assertEquals("https://ex1.mail.ovh.net/EWS/Exchange.asmx", service.getUrl().toString());
        }
    }

    @Test
    void h2StoresAndReadsARow(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + dir.resolve("state").toAbsolutePath());
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("create table copied(src_uid bigint primary key, dst_uid bigint)");
            st.execute("insert into copied values (7, 42)");
            try (ResultSet rs = st.executeQuery("select dst_uid from copied where src_uid = 7")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getLong(1));
            }
        }
    }

    @Test
    void dnsjavaEncodesAndDecodesAQuery() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("example.org."), Type.MX, DClass.IN));
        Message decoded = new Message(query.toWire());
        assertEquals(Type.MX, decoded.getQuestion().getType());
        assertEquals("example.org.", decoded.getQuestion().getName().toString());
    }

    @Test
    void commonsCsvReadsSemicolonsAndQuotes() throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader("imap.example.org;alice;\"pa;ss\"\n")).getRecords();
        assertEquals(List.of("imap.example.org", "alice", "pa;ss"), rows.get(0).toList());
    }

    static final class Options {
        @Option(names = "--parallel")
        int parallel;
    }

    @Test
    void picocliParsesOptions() {
        Options options = new Options();
        new CommandLine(options).parseArgs("--parallel", "4");
        assertEquals(4, options.parallel);
    }

    @Test
    void slf4jFindsItsBindingThroughTheServiceLoaderMediator() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void javaLibpstRejectsAFileThatIsNotAPst(@TempDir Path dir) throws Exception {
        Path notPst = Files.writeString(dir.resolve("mail.pst"), "this is not a PST file at all, just text.......");
        var failure = assertThrows(PSTException.class, () -> new PSTFile(notPst.toFile()));
        assertTrue(failure.getMessage().toLowerCase().contains("invalid file header"), failure.getMessage());
    }
}
