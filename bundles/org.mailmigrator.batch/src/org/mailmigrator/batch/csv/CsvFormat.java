package org.mailmigrator.batch.csv;

import java.util.Locale;

/**
 * A CSV dialect by its id: one of the formats contributed to {@link CsvFormats#EXTENSION_POINT} (the built-in
 * {@link #OMM}, {@link #IMAPSYNC}, {@link #EXCHANGE}, {@link #NATIVE}, or a third party's), or {@link #AUTO},
 * which looks at the file to choose. Ids are lower case.
 */
public record CsvFormat(String id) {
    public static final CsvFormat AUTO = new CsvFormat("auto");
    public static final CsvFormat OMM = new CsvFormat("omm");
    public static final CsvFormat IMAPSYNC = new CsvFormat("imapsync");
    public static final CsvFormat EXCHANGE = new CsvFormat("exchange");
    public static final CsvFormat NATIVE = new CsvFormat("native");

    public CsvFormat {
        id = id.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isAuto() {
        return equals(AUTO);
    }

    @Override
    public String toString() {
        return id;
    }
}
