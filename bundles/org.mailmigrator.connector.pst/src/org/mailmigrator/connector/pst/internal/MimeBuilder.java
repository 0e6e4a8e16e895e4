package org.mailmigrator.connector.pst.internal;

import static org.mailmigrator.connector.pst.internal.MimeText.line;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.pff.PSTAttachment;
import com.pff.PSTException;
import com.pff.PSTMessage;

/**
 * One PST message rebuilt as MIME: the transport headers it arrived with (their Content-* fields replaced), or,
 * for a message that never travelled (Sent Items, Drafts), headers built from its properties; the plain and HTML
 * bodies as multipart/alternative; a message with only an RTF body gets the decompressed RTF as an attachment
 * {@code message.rtf} (an RTF body beside a plain or HTML one is left out: it says the same); attachments in
 * base64, embedded messages as message/rfc822 (rebuilt the same way), linked attachments as a short note. Boundaries
 * derive from the node id, so the same message gives the same bytes at every run.
 */
final class MimeBuilder {
    private static final int MAX_DEPTH = 16;
    private final String seed;
    private int parts;

    MimeBuilder(long nid) {
        this.seed = "=_pst_" + Long.toHexString(nid);
    }

    void write(PSTMessage m, OutputStream out) throws IOException, PSTException {
        message(m, out, 0);
    }

    private String boundary() {
        return "----" + seed + "_" + (parts++) + "_=";
    }

    private void message(PSTMessage m, OutputStream out, int depth) throws IOException, PSTException {
        String transport = m.getTransportMessageHeaders();
        if (transport != null && transport.strip().contains(":")) {
            transportHeaders(transport, out);
        } else {
            builtHeaders(m, out);
        }
        line(out, "MIME-Version: 1.0");
        String text = blankToNull(m.getBody());
        String html = blankToNull(m.getBodyHTML());
        String rtf = text == null && html == null ? rtf(m) : null;
        int attachments = m.getNumberOfAttachments();
        if (attachments == 0 && rtf == null) {
            body(out, text, html);
            return;
        }
        String mixed = boundary();
        line(out, "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"");
        line(out, "");
        line(out, "--" + mixed);
        body(out, text, html);
        if (rtf != null) {
            line(out, "--" + mixed);
            line(out, "Content-Type: application/rtf" + MimeText.parameter("name", "message.rtf"));
            line(out, "Content-Disposition: attachment" + MimeText.parameter("filename", "message.rtf"));
            line(out, "Content-Transfer-Encoding: base64");
            line(out, "");
            MimeText.base64(out, rtf.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (int i = 0; i < attachments; i++) {
            line(out, "--" + mixed);
            attachment(m.getAttachment(i), i, out, depth);
        }
        line(out, "--" + mixed + "--");
    }

    private static String rtf(PSTMessage m) {
        try {
            return blankToNull(m.getRTFBody());
        } catch (IOException | PSTException | RuntimeException e) {
            return null; // no RTF body, or one that does not decompress: the message goes without it
        }
    }

    private void body(OutputStream out, String text, String html) throws IOException {
        if (text != null && html != null) {
            String alt = boundary();
            line(out, "Content-Type: multipart/alternative; boundary=\"" + alt + "\"");
            line(out, "");
            line(out, "--" + alt);
            MimeText.textPart(out, "plain", text);
            line(out, "--" + alt);
            MimeText.textPart(out, "html", html);
            line(out, "--" + alt + "--");
        } else if (html != null) {
            MimeText.textPart(out, "html", html);
        } else {
            MimeText.textPart(out, "plain", text == null ? "" : text);
        }
    }

    private void attachment(PSTAttachment a, int index, OutputStream out, int depth) throws IOException, PSTException {
        String name = blankToNull(a.getLongFilename());
        if (name == null) {
            name = blankToNull(a.getFilename());
        }
        int method = a.getAttachMethod();
        if (method == PSTAttachment.ATTACHMENT_METHOD_EMBEDDED && depth < MAX_DEPTH) {
            PSTMessage embedded = a.getEmbeddedPSTMessage();
            line(out, "Content-Type: message/rfc822");
            line(out, "Content-Disposition: attachment" + (name == null ? "" : MimeText.parameter("filename", name + ".eml")));
            line(out, "");
            message(embedded, out, depth + 1);
            return;
        }
        if (method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE || method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE_ONLY
                || method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE_RESOLVE) {
            String where = blankToNull(a.getLongPathname());
            MimeText.textPart(out, "plain", "Attachment " + (name == null ? "#" + (index + 1) : "'" + name + "'")
                    + " was a link to " + (where == null ? "a file" : where) + " in Outlook; the file itself is not in the data file.");
            return;
        }
        String file = name == null ? "attachment-" + (index + 1) : name;
        String type = blankToNull(a.getMimeTag());
        if (type == null || !type.contains("/")) {
            type = URLConnection.guessContentTypeFromName(file);
        }
        String cid = blankToNull(a.getContentId());
        line(out, "Content-Type: " + (type == null ? "application/octet-stream" : type.strip().toLowerCase(Locale.ROOT))
                + MimeText.parameter("name", file));
        line(out, "Content-Disposition: " + (cid == null ? "attachment" : "inline") + MimeText.parameter("filename", file));
        if (cid != null) {
            line(out, "Content-ID: <" + cid.replace("<", "").replace(">", "") + ">");
        }
        line(out, "Content-Transfer-Encoding: base64");
        line(out, "");
        long written = 0;
        try (InputStream in = a.getFileInputStream()) {
            if (in != null) {
                OutputStream b64 = Base64.getMimeEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the message goes on
                    }
                });
                written = in.transferTo(b64);
                b64.close();
            }
        }
        if (written > 0) {
            line(out, "");
        }
    }

    private static void transportHeaders(String headers, OutputStream out) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean skipping = false;
        for (String l : headers.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (l.isEmpty()) {
                break; // the header section ends at the first empty line
            }
            boolean continuation = l.charAt(0) == ' ' || l.charAt(0) == '\t';
            if (!continuation) {
                String field = l.indexOf(':') > 0 ? l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
                skipping = field.isEmpty() || field.equals("mime-version") || field.startsWith("content-type")
                        || field.equals("content-transfer-encoding") || field.equals("content-disposition");
            }
            if (!skipping) {
                kept.add(l);
            }
        }
        for (String l : kept) {
            line(out, l);
        }
    }

    private static void builtHeaders(PSTMessage m, OutputStream out) throws IOException, PSTException {
        Date date = m.getClientSubmitTime() != null ? m.getClientSubmitTime() : m.getMessageDeliveryTime();
        if (date == null) {
            date = m.getCreationTime();
        }
        if (date != null) {
            line(out, "Date: " + MimeText.date(date));
        }
        String senderMail = blankToNull(m.getSenderEmailAddress());
        if (senderMail == null || !senderMail.contains("@")) {
            String represented = blankToNull(m.getSentRepresentingEmailAddress());
            senderMail = represented != null && represented.contains("@") ? represented : senderMail;
        }
        String senderName = blankToNull(m.getSenderName()) != null ? m.getSenderName() : m.getSentRepresentingName();
        if (senderName != null || senderMail != null) {
            line(out, "From: " + MimeText.address(senderName, senderMail));
        }
        Recipients.write(m, out);
        String subject = m.getSubject();
        if (subject != null) {
            line(out, "Subject: " + MimeText.unstructured(subject));
        }
        String id = blankToNull(m.getInternetMessageId());
        if (id != null) {
            line(out, "Message-ID: " + id.strip());
        }
        String reply = blankToNull(m.getInReplyToId());
        if (reply != null) {
            line(out, "In-Reply-To: " + reply.strip());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
