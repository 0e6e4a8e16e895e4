package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.mailmigrator.batch.MigrationStatus;

/** Text encodings of small maps and lists for database columns (Properties syntax: escapes handled). */
final class Codec {
    private Codec() {
    }

    static String map(Map<String, String> map) {
        Properties p = new Properties();
        p.putAll(map);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // drop the date comment: the same map always encodes the same way
        return w.toString().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    static Map<String, String> map(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    static String list(List<String> list) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            m.put(String.format("%05d", i), list.get(i));
        }
        return map(m);
    }

    static List<String> list(String text) {
        return new ArrayList<>(map(text).values());
    }

    static String durations(Map<MigrationStatus, Duration> map) {
        Map<String, String> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k.name(), String.valueOf(v.toMillis())));
        return map(m);
    }

    static Map<MigrationStatus, Duration> durations(String text) {
        Map<MigrationStatus, Duration> m = new EnumMap<>(MigrationStatus.class);
        map(text).forEach((k, v) -> m.put(MigrationStatus.valueOf(k), Duration.ofMillis(Long.parseLong(v))));
        return m;
    }
}
