package org.mailmigrator.core.state;

/** The state store could not be read or written; the run stops, since going on could duplicate messages. */
public class StateException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
