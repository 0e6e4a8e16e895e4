package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Memory does not grow with the mbox or its messages: a generated 160 MB mbox (two 80 MB messages among 2,000
 * small ones) is listed and every message streamed out while the heap in use (measured after a full GC every
 * 8 MB written) stays within a bound far below one big message. Heap, not time, is measured.
 */
class LargeMboxMemoryTest {
    private static final long BIG = 80L << 20;
    private static final long BOUND = 24L << 20;

    @TempDir
    Path tmp;

    @Test
    void heapStaysBoundedWhileA160MbMboxIsRead() throws Exception {
        Path file = tmp.resolve("big.mbox");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < 2000; i++) {
                out.write(Data.simple(i, "0000").getBytes(StandardCharsets.ISO_8859_1));
                if (i == 500 || i == 1500) {
                    out.write(("From big@example.org Mon Jan  2 15:04:05 2006\nSubject: big " + i + "\n\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    byte[] line = ("x".repeat(75) + "\n").getBytes(StandardCharsets.ISO_8859_1);
                    for (long w = 0; w < BIG; w += line.length) {
                        out.write(line);
                    }
                    out.write('\n');
                }
            }
        }
        long baseline = usedAfterGc();
        long[] peak = {baseline};
        long[] total = {0};
        int[] count = {0};
        try (ConnectorSession s = Run.source(Run.files(file, "auto"));
                Mailbox box = Run.store(s).open("INBOX", false)) {
            List<MessageInfo> details = box.details(box.list(null).stream().map(MessageInfo::id).toList());
            peak[0] = Math.max(peak[0], usedAfterGc());
            box.read(details, group -> {
                for (Fetched f : group) {
                    try {
                        f.body().writeTo(new OutputStream() {
                            long n;

                            @Override
                            public void write(int b) {
                                write(new byte[] {(byte) b}, 0, 1);
                            }

                            @Override
                            public void write(byte[] b, int off, int len) {
                                long before = n;
                                n += len;
                                total[0] += len;
                                if (before >> 23 != n >> 23) {
                                    peak[0] = Math.max(peak[0], usedAfterGc());
                                }
                            }
                        });
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    count[0]++;
                }
            });
        }
        assertEquals(2002, count[0]);
        assertTrue(total[0] > 2 * BIG, "the big messages were streamed whole: " + total[0]);
        long grown = peak[0] - baseline;
        System.out.printf("LargeMboxMemoryTest: %d MB file, %d messages, heap growth after GC at most %.1f MB%n",
                Files.size(file) >> 20, count[0], grown / 1048576.0);
        assertTrue(grown < BOUND, "heap grew by " + (grown >> 20) + " MB reading an mbox with 80 MB messages");
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
