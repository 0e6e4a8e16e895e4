package org.mailmigrator.connector.imap.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of big messages ({@link BodyFetch#BIG} and more) the IMAP connector keeps in memory at once, over
 * all its sessions, instead of spooling them to a temporary file. Writing a message into the page cache and reading
 * it back cost a quarter of a loopback copy's CPU (perf, 20k messages of which 467 above 1 MiB, 1.4 of 2.0 GB: 72 %
 * of the prefetch thread in the kernel's copy into the spool file). A message is held when it is at most {@link
 * #perMessage()} bytes and the total held stays within {@link #total()}; otherwise it is spooled as before, so
 * memory still does not grow with the message size: under {@code -Xmx128m} 20 MB messages go to the file. One
 * budget for every session of a runner (its {@link org.mailmigrator.core.spi.Shared}: all the mailboxes a batch copies
 * at once), else of one connector instance.
 */
public final class HeldBodies {
    private final long total;
    private final long perMessage;
    private final AtomicLong held = new AtomicLong();

    HeldBodies(long total, long perMessage) {
        this.total = total;
        this.perMessage = perMessage;
    }

    /**
     * From this JVM's heap limit: an eighth of it in all, a sixteenth (at most 32 MiB) for one message — 128 and 32
     * MiB under the launcher's {@code -Xmx1g}, 16 and 8 MiB under {@code -Xmx128m}. The system property {@value
     * #PROPERTY} sets the total in MiB instead ({@code 0}: every big message goes to a temporary file, as before).
     */
    public static HeldBodies forHeap() {
        long max = Runtime.getRuntime().maxMemory();
        long total = max / 8;
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            try {
                total = Math.max(0, Long.parseLong(set.strip())) << 20;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + "=" + set + ": a number of MiB is expected (0: spool "
                        + "every big message to the temporary folder)", e);
            }
        }
        return new HeldBodies(total, Math.min(total, Math.min(32L << 20, max / 16)));
    }

    /** The memory for big messages, in MiB, overriding the default from the heap. */
    public static final String PROPERTY = "mailmigrator.imap.memoryForBigMessages";

    public long total() {
        return total;
    }

    public long perMessage() {
        return perMessage;
    }

    /** Room for a message of {@code size} bytes, given back by closing it; empty when it must be spooled. */
    public Optional<Lease> take(long size) {
        if (size <= 0 || size > perMessage) {
            return Optional.empty();
        }
        while (true) {
            long now = held.get();
            if (now + size > total) {
                return Optional.empty();
            }
            if (held.compareAndSet(now, now + size)) {
                return Optional.of(new Lease(size));
            }
        }
    }

    /** Bytes held now (for tests). */
    public long held() {
        return held.get();
    }

    /** Room taken for one message; closing it more than once gives it back once. */
    public final class Lease implements AutoCloseable {
        private final AtomicLong size;

        private Lease(long size) {
            this.size = new AtomicLong(size);
        }

        @Override
        public void close() {
            held.addAndGet(-size.getAndSet(0));
        }
    }
}
