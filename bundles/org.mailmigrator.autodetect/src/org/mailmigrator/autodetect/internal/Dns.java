package org.mailmigrator.autodetect.internal;

import java.io.IOException;
import java.util.List;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** DNS questions through the environment's resolver (dnsjava), with answers that say what went wrong. */
public final class Dns {
    private final Resolver resolver;

    /** What one question got. */
    public sealed interface Answer {
        record Records(List<Record> records) implements Answer {
        }

        /** The name or the record type does not exist. */
        record None(String detail) implements Answer {
        }

        /** No answer at all (timeout, server failure, malformed name). */
        record Failed(String detail) implements Answer {
        }
    }

    public Dns(Resolver resolver) {
        this.resolver = resolver;
    }

    public Answer query(String name, int type) {
        String what = Type.string(type) + " " + name;
        Message response;
        try {
            Name absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
            response = resolver.send(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)));
        } catch (TextParseException e) {
            return new Answer.Failed("'" + name + "' is not a valid DNS name: " + e.getMessage());
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().toLowerCase().contains("timed out")
                    || e instanceof java.net.SocketTimeoutException ? "timed out" : e.toString();
            return new Answer.Failed("DNS query " + what + " " + reason);
        } catch (RuntimeException e) {
            return new Answer.Failed("DNS query " + what + " failed: " + e);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Answer.None("no such name " + name);
        }
        if (rcode != Rcode.NOERROR) {
            return new Answer.Failed("DNS server answered " + Rcode.string(rcode) + " for " + what);
        }
        List<Record> records = response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        return records.isEmpty() ? new Answer.None("no " + Type.string(type) + " record for " + name)
                : new Answer.Records(records);
    }

    /** A host name from a record, without the final dot. */
    public static String host(Name name) {
        String text = name.toString(true);
        return text.isEmpty() ? "." : text.toLowerCase(java.util.Locale.ROOT);
    }
}
