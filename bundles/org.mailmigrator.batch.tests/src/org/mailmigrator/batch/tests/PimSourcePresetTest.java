package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.run.PimSource;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;

/**
 * A batch row's "from preset" calendar/contacts source: the provider presets of the autodetect bundle's plugin.xml (read
 * from the running platform's registry) give the DAV URL, by the row's mail host or by id; the login is the row's.
 */
class PimSourcePresetTest {
    private static Account mail(String host, String login) {
        return new Account("imap", Map.of("host", host, "login", login), new CredentialRef("row/source"));
    }

    private static Account leg(PimLeg.Kind kind, String source, Account mail) {
        return PimSource.account(new PimLeg(kind, source, "caldav+https://u@dav.example/", new CredentialRef("row/" + kind.id())),
                mail, new Presets(RegistryFactory.getRegistry()), false, "/tmp/unused.sync");
    }

    @Test
    void googleByTheMailHostAndByIdGivesTheDiscoveryEndpoints() {
        Account gmail = mail("imap.gmail.com", "ann@example.com");
        Account cal = leg(PimLeg.Kind.CALENDAR, "preset", gmail);
        assertEquals("https://apidata.googleusercontent.com/caldav/v2/", cal.setting("url").orElseThrow());
        assertEquals("ann@example.com", cal.setting("login").orElseThrow());
        assertEquals("calendars", cal.setting("read").orElseThrow());
        assertEquals("dav", cal.connectorId());
        Account cards = leg(PimLeg.Kind.CONTACTS, "preset:gmail", mail("mail.example.com", "ann@example.com"));
        assertEquals("https://www.googleapis.com/.well-known/carddav", cards.setting("url").orElseThrow());
        assertEquals("contacts", cards.setting("read").orElseThrow());
    }

    @Test
    void iCloudFastmailAndSelfHostedPaths() {
        assertEquals("https://caldav.icloud.com/", leg(PimLeg.Kind.CALENDAR, "preset", mail("imap.mail.me.com", "ann")).setting("url").orElseThrow());
        assertEquals("https://carddav.fastmail.com/", leg(PimLeg.Kind.CONTACTS, "preset", mail("imap.fastmail.com", "ann@fastmail.com"))
                .setting("url").orElseThrow());
        assertEquals("https://cloud.example.org/remote.php/dav/", leg(PimLeg.Kind.CALENDAR, "preset:nextcloud",
                mail("cloud.example.org", "ann")).setting("url").orElseThrow());
        assertEquals("https://mail.example.org/SOGo/dav/", leg(PimLeg.Kind.CONTACTS, "preset:sogo", mail("mail.example.org", "ann"))
                .setting("url").orElseThrow());
    }

    @Test
    void anUnknownHostOrAPresetWithoutDavIsSaidInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> leg(PimLeg.Kind.CALENDAR, "preset", mail("imap.unknown.example", "ann")));
        assertTrue(e.getMessage().contains("no provider preset with a caldav server matches the mail host 'imap.unknown.example'"),
                e.getMessage());
        assertTrue(PimSource.problem("preset:", PimLeg.Kind.CALENDAR).orElseThrow().contains("names no preset"));
        assertTrue(PimSource.problem("carddav+https://u@dav.example/", PimLeg.Kind.CALENDAR).orElseThrow()
                .contains("must start with caldav+https://"));
        assertTrue(PimSource.problem("caldav+https://u:secret@dav.example/", PimLeg.Kind.CALENDAR).orElseThrow()
                .contains("do not put the password in the URL"));
    }
}
