package org.mailmigrator.core.limits;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A run stopped because an account's daily transfer budget is spent: nothing is lost (what was copied is
 * recorded), and the next run after {@link #opensAt()} goes on where this one stopped.
 */
public final class BudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private final transient Instant opensAt;

    public BudgetSpent(String what, Instant opensAt) {
        super(waitingText(opensAt) + " (" + what + ")");
        this.opensAt = opensAt;
    }

    public Instant opensAt() {
        return opensAt;
    }

    /** "waiting for quota until HH:MM" in this machine's time zone: the words of status lines and messages. */
    public static String waitingText(Instant opensAt) {
        return "waiting for quota until " + HH_MM.format(opensAt.atZone(ZoneId.systemDefault()));
    }
}
