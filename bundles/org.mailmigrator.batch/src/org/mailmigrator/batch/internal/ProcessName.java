package org.mailmigrator.batch.internal;

/**
 * How this process is named to the other processes of a shared store ({@code host:pid}): in the row claims
 * {@code batch status} shows, the host leases of the fleet's limits, and db-scheduler's {@code picked_by}.
 */
final class ProcessName {
    private ProcessName() {
    }

    /** The machine ({@code $HOSTNAME}, a container's name, else the resolver's) and this process's pid. */
    static String of() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
