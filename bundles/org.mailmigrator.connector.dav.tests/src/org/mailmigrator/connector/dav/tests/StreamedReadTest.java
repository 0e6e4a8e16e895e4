package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers stream: a generated .ics and a generated .vcf, each of tens of thousands of items and bigger than the
 * heap of the JVM that reads them (-Xmx48m), are read whole, every item built, in a child JVM. A reader that
 * held the file, or the list of its items, would run out of memory there.
 */
class StreamedReadTest {
    private static final int ITEMS = 20_000;
    private static final String HEAP = "-Xmx48m";
    private static final long HEAP_BYTES = 48L << 20;
    /** A long text per item, so that the file is bigger than the heap with a realistic item count. */
    private static final String LONG = "Agenda: " + "quarterly review of the budget, the roadmap and the hiring plan; ".repeat(45);

    @TempDir
    Path dir;

    @Test
    void anIcsFileBiggerThanTheHeapIsReadItemByItem() throws Exception {
        Path file = dir.resolve("big.ics");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//big//EN\r\n");
            for (int i = 0; i < ITEMS; i++) {
                String uid = "event-" + i + "@big.test";
                w.write(event(uid, "20260105T090000Z", i % 10 == 0 ? "RRULE:FREQ=WEEKLY;COUNT=10\r\n" : "", i));
                if (i % 10 == 0) { // an override of the recurring event, right after its master as exports write it
                    w.write(event(uid, "20260112T100000Z", "RECURRENCE-ID:20260112T090000Z\r\n", i));
                }
            }
            w.write("END:VCALENDAR\r\n");
        }
        assertRead("ical", file);
    }

    @Test
    void aVcfFileBiggerThanTheHeapIsReadCardByCard() throws Exception {
        Path file = dir.resolve("big.vcf");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ITEMS; i++) {
                w.write("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-" + i + "@big.test\r\nFN:Person " + i + "\r\nN:" + i
                        + ";Person;;;\r\nEMAIL;TYPE=INTERNET:person" + i + "@big.test\r\n" + fold("NOTE:" + LONG + i) + "END:VCARD\r\n");
            }
        }
        assertRead("vcard", file);
    }

    private static String event(String uid, String start, String extra, int i) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT1H\r\n"
                + extra + "SUMMARY:Meeting " + i + "\r\n" + fold("DESCRIPTION:" + LONG + i) + "END:VEVENT\r\n";
    }

    private static String fold(String line) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < line.length(); at += 74) {
            out.append(at == 0 ? "" : " ").append(line, at, Math.min(line.length(), at + 74)).append("\r\n");
        }
        return out.toString();
    }

    private static void assertRead(String connector, Path file) throws Exception {
        assertTrue(Files.size(file) > HEAP_BYTES, "the file (" + Files.size(file) + " bytes) is bigger than the child's heap");
        ProcessBuilder pb = PimChildJvm.command(StreamedReadMain.class, List.of(HEAP), List.of(connector, file.toString()));
        pb.redirectErrorStream(true);
        long started = System.nanoTime();
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("read ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] f = line.split(" ");
        assertEquals(ITEMS, Integer.parseInt(f[1]), out);
        assertEquals(0, Integer.parseInt(f[2]), out);
        assertTrue(Long.parseLong(f[3]) > HEAP_BYTES, "the item texts add up to more than the heap: " + out);
        System.out.printf("StreamedReadTest: %s, %d MB, %d items read under %s in %d ms%n", file.getFileName(),
                Files.size(file) >> 20, ITEMS, HEAP, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
