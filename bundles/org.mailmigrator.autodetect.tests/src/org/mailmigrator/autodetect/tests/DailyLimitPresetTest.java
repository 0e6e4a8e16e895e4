package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ProviderRegistry;

/** The provider presets' published daily transfer limits (issue 14): Gmail IMAP 2,500 MB down, 500 MB up a day. */
class DailyLimitPresetTest {

    @Test
    void gmailsImapServersCarryGooglesPublishedLimits() {
        ProviderRegistry presets = new ProviderRegistry(org.eclipse.core.runtime.RegistryFactory.getRegistry());
        ProviderPreset.DailyLimit gmail = presets.dailyLimit("imap.gmail.com", Protocol.IMAP).orElseThrow();
        assertEquals(2500, gmail.downloadMb());
        assertEquals(500, gmail.uploadMb());
        assertTrue(presets.dailyLimit("imap.gmail.com", Protocol.POP3).isEmpty(), "only IMAP figures are published");
        assertTrue(presets.dailyLimit("ssl0.ovh.net", Protocol.IMAP).isEmpty(), "no figures, no budget");
        assertEquals(java.util.List.of(), presets.problems().stream()
                .filter(p -> !p.startsWith("bundle org.mailmigrator.autodetect.tests")).toList(), "the built-in presets parse");
    }
}
