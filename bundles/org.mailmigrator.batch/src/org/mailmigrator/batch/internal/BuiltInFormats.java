package org.mailmigrator.batch.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mailmigrator.batch.csv.CsvFormatDescriptor;
import org.mailmigrator.batch.csv.spi.CsvRowReader;

/**
 * The batch bundle's four formats as its {@code plugin.xml} declares them, for a process that runs without the
 * extension registry (a benchmark's child JVM on a plain class path). CsvFormatsTest checks that both say the
 * same; in OSGi the declarations are read from the registry.
 */
public final class BuiltInFormats {
    private static final String OWN = "org.mailmigrator.batch";

    private BuiltInFormats() {
    }

    public static List<CsvFormatDescriptor> descriptors() {
        return List.of(
                CsvFormatParser.descriptor("omm", "OVH Mail Migrator template",
                        "source type;source server;login;password;destination type;server;login;password[;delegations]",
                        OWN, "^\\s*(imap|imap4|imaps|pop|pop3|pops|pop3s|exchange|ews|office365|office 365|microsoft 365"
                                + "|exchange online)\\s*;|^[^;]*type[^;]*;",
                        "20", ";", null, "Source type,Source server,Source login,Source password,Destination type,"
                                + "Destination server,Destination login,Destination password,Source delegation,"
                                + "Destination delegation", "csv"),
                CsvFormatParser.descriptor("imapsync", "imapsync file.txt",
                        "host1;user1;password1;host2;user2;password2;[options]; with # comments", OWN, ";", "10", ";",
                        "true", "host1,user1,password1,host2,user2,password2,options", "txt,csv"),
                CsvFormatParser.descriptor("exchange", "Exchange Online CSV", "EmailAddress,UserName,Password[,UserRoot];"
                        + " servers and administrator password given for the batch", OWN, "^emailaddress", "40", ",", null,
                        "EmailAddress,UserName,Password,UserRoot", "csv"),
                CsvFormatParser.descriptor("native", "Native", "a header of source.SETTING and destination.SETTING "
                        + "columns (the connectors' declared settings)", OWN, "^source\\.|[,;]source\\.|(^|[,;])\\s*"
                                + "(calendar|contacts)\\.(source|target|password)\\s*([,;]|$)",
                        "30", "auto", null, null, "csv"));
    }

    public static Map<String, Supplier<CsvRowReader>> readers() {
        return Map.of("omm", OmmRows::new, "imapsync", ImapsyncRows::new, "exchange", ExchangeRows::new, "native",
                NativeRows::new);
    }
}
