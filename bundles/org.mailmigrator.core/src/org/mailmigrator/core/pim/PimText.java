package org.mailmigrator.core.pim;

/** Words for people from a library's exception: its message, never its class name. */
public final class PimText {
    private PimText() {
    }

    /** The innermost useful message of {@code e}, or a plain sentence when the library gave none. */
    public static String reason(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage().strip();
                break;
            }
        }
        return best == null ? "the parser gave no reason (internal error)" : clean(best);
    }

    /** {@code text} without the Java class names libraries put in their messages ({@code java.net.URISyntaxException: }). */
    public static String clean(String text) {
        return text == null ? null : text.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)(?::\\s*)?", "").strip();
    }
}
