package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import com.pff.PSTException;
import com.pff.PSTMessage;
import com.pff.PSTRecipient;

/**
 * The To, Cc and Bcc fields of a message without transport headers, from its recipient table: the SMTP address
 * where the recipient has one (an Exchange recipient's X.500 address is not an Internet address), else the
 * display name as an empty group.
 */
final class Recipients {
    private Recipients() {
    }

    static void write(PSTMessage m, OutputStream out) throws IOException, PSTException {
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        List<String> bcc = new ArrayList<>();
        int n = m.getNumberOfRecipients();
        for (int i = 0; i < n; i++) {
            PSTRecipient r = m.getRecipient(i);
            String smtp = MimeBuilder.blankToNull(r.getSmtpAddress());
            String address = smtp != null ? smtp : r.getEmailAddress();
            String text = MimeText.address(r.getDisplayName(), address);
            switch (r.getRecipientType()) {
            case PSTRecipient.MAPI_CC -> cc.add(text);
            case PSTRecipient.MAPI_BCC -> bcc.add(text);
            default -> to.add(text);
            }
        }
        field(out, "To", to);
        field(out, "Cc", cc);
        field(out, "Bcc", bcc);
    }

    private static void field(OutputStream out, String name, List<String> addresses) throws IOException {
        if (!addresses.isEmpty()) {
            MimeText.line(out, name + ": " + String.join(",\r\n ", addresses));
        }
    }
}
