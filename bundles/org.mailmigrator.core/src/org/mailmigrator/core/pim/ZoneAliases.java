package org.mailmigrator.core.pim;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zone names found in real exports, mapped to IANA ids: Windows ids (CLDR, {@link WindowsZones}), the
 * display names Exchange 2007/2010 and Outlook write as TZID ({@code (UTC-05:00) Eastern Time (US & Canada)},
 * {@code (GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna}, or the bare city list
 * {@code Kuala Lumpur, Singapore}), Evolution's {@code /freeassociation.sourceforge.net/[Tzfile/]Europe/Berlin}
 * and {@code /softwarestudio.org/...} prefixes, and IANA ids themselves. Display names are matched on their
 * city list, without the offset, because the offset in the name changes with Windows versions.
 */
public final class ZoneAliases {
    private static final Pattern PREFIX = Pattern.compile("^/(?:freeassociation\\.sourceforge\\.net|softwarestudio\\.org|"
            + "mozilla\\.org|citadel\\.org)/(?:(?:Tzfile|Olson_\\d+_\\d+(?:_\\d+)?|\\d{8}_\\d+)/)?");
    private static final Pattern FIXED = Pattern.compile("(?i)^(?:UTC|GMT)\\s*([+-])(\\d{1,2})(?::?00)?$");
    private static final Pattern OFFSET = Pattern.compile("^\\((?:UTC|GMT)(?:\\s*[+-]\\d{1,2}[:.]\\d{2})?\\)\\s*");
    /** Windows display names (city lists) → Windows id; the CLDR table then gives the IANA zone. */
    private static final String[][] DISPLAY = {
        { "International Date Line West", "Dateline Standard Time" }, { "Coordinated Universal Time-11", "UTC-11" },
        { "Hawaii", "Hawaiian Standard Time" }, { "Alaska", "Alaskan Standard Time" },
        { "Pacific Time (US & Canada)", "Pacific Standard Time" }, { "Pacific Time (US & Canada); Tijuana", "Pacific Standard Time" },
        { "Arizona", "US Mountain Standard Time" }, { "Mountain Time (US & Canada)", "Mountain Standard Time" },
        { "Central America", "Central America Standard Time" }, { "Central Time (US & Canada)", "Central Standard Time" },
        { "Guadalajara, Mexico City, Monterrey", "Central Standard Time (Mexico)" }, { "Saskatchewan", "Canada Central Standard Time" },
        { "Bogota, Lima, Quito", "SA Pacific Standard Time" }, { "Bogota, Lima, Quito, Rio Branco", "SA Pacific Standard Time" },
        { "Eastern Time (US & Canada)", "Eastern Standard Time" }, { "Indiana (East)", "US Eastern Standard Time" },
        { "Atlantic Time (Canada)", "Atlantic Standard Time" }, { "Caracas", "Venezuela Standard Time" },
        { "Santiago", "Pacific SA Standard Time" }, { "Newfoundland", "Newfoundland Standard Time" },
        { "Brasilia", "E. South America Standard Time" }, { "Buenos Aires", "Argentina Standard Time" },
        { "City of Buenos Aires", "Argentina Standard Time" }, { "Greenland", "Greenland Standard Time" },
        { "Montevideo", "Montevideo Standard Time" }, { "Azores", "Azores Standard Time" },
        { "Cape Verde Is.", "Cape Verde Standard Time" }, { "Coordinated Universal Time", "UTC" },
        { "Dublin, Edinburgh, Lisbon, London", "GMT Standard Time" }, { "Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "GMT Standard Time" },
        { "Monrovia, Reykjavik", "Greenwich Standard Time" }, { "Casablanca", "Morocco Standard Time" },
        { "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "W. Europe Standard Time" },
        { "Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna", "W. Europe Standard Time" },
        { "Belgrade, Bratislava, Budapest, Ljubljana, Prague", "Central Europe Standard Time" },
        { "Belgrade / Bratislava / Budapest / Ljubljana / Prague", "Central Europe Standard Time" },
        { "Brussels, Copenhagen, Madrid, Paris", "Romance Standard Time" },
        { "Brussels / Copenhagen / Madrid / Paris", "Romance Standard Time" },
        { "Sarajevo, Skopje, Warsaw, Zagreb", "Central European Standard Time" },
        { "Sarajevo / Skopje / Warsaw / Zagreb", "Central European Standard Time" },
        { "West Central Africa", "W. Central Africa Standard Time" }, { "Athens, Bucharest", "GTB Standard Time" },
        { "Athens, Bucharest, Istanbul", "GTB Standard Time" }, { "Athens, Istanbul, Minsk", "GTB Standard Time" },
        { "Bucharest", "E. Europe Standard Time" }, { "Chisinau", "E. Europe Standard Time" },
        { "Cairo", "Egypt Standard Time" }, { "Harare, Pretoria", "South Africa Standard Time" },
        { "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "FLE Standard Time" },
        { "Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius", "FLE Standard Time" }, { "Jerusalem", "Israel Standard Time" },
        { "Istanbul", "Turkey Standard Time" }, { "Baghdad", "Arabic Standard Time" }, { "Kuwait, Riyadh", "Arab Standard Time" },
        { "Moscow, St. Petersburg", "Russian Standard Time" }, { "Moscow, St. Petersburg, Volgograd", "Russian Standard Time" },
        { "Nairobi", "E. Africa Standard Time" }, { "Tehran", "Iran Standard Time" }, { "Abu Dhabi, Muscat", "Arabian Standard Time" },
        { "Baku", "Azerbaijan Standard Time" }, { "Tbilisi", "Georgian Standard Time" }, { "Yerevan", "Caucasus Standard Time" },
        { "Kabul", "Afghanistan Standard Time" }, { "Ekaterinburg", "Ekaterinburg Standard Time" },
        { "Islamabad, Karachi", "Pakistan Standard Time" }, { "Tashkent", "West Asia Standard Time" },
        { "Chennai, Kolkata, Mumbai, New Delhi", "India Standard Time" }, { "Sri Jayawardenepura", "Sri Lanka Standard Time" },
        { "Kathmandu", "Nepal Standard Time" }, { "Astana", "Central Asia Standard Time" }, { "Dhaka", "Bangladesh Standard Time" },
        { "Yangon (Rangoon)", "Myanmar Standard Time" }, { "Bangkok, Hanoi, Jakarta", "SE Asia Standard Time" },
        { "Novosibirsk", "N. Central Asia Standard Time" }, { "Krasnoyarsk", "North Asia Standard Time" },
        { "Beijing, Chongqing, Hong Kong, Urumqi", "China Standard Time" }, { "Irkutsk", "North Asia East Standard Time" },
        { "Kuala Lumpur, Singapore", "Singapore Standard Time" }, { "Perth", "W. Australia Standard Time" },
        { "Taipei", "Taipei Standard Time" }, { "Ulaanbaatar", "Ulaanbaatar Standard Time" },
        { "Osaka, Sapporo, Tokyo", "Tokyo Standard Time" }, { "Seoul", "Korea Standard Time" }, { "Yakutsk", "Yakutsk Standard Time" },
        { "Adelaide", "Cen. Australia Standard Time" }, { "Darwin", "AUS Central Standard Time" },
        { "Brisbane", "E. Australia Standard Time" }, { "Canberra, Melbourne, Sydney", "AUS Eastern Standard Time" },
        { "Guam, Port Moresby", "West Pacific Standard Time" }, { "Hobart", "Tasmania Standard Time" },
        { "Vladivostok", "Vladivostok Standard Time" }, { "Magadan", "Magadan Standard Time" },
        { "Solomon Is., New Caledonia", "Central Pacific Standard Time" }, { "Auckland, Wellington", "New Zealand Standard Time" },
        { "Fiji", "Fiji Standard Time" }, { "Nuku'alofa", "Tonga Standard Time" }, { "Samoa", "Samoa Standard Time" },
    };
    private static final Map<String, String> BY_DISPLAY = new HashMap<>();

    static {
        for (String[] row : DISPLAY) {
            BY_DISPLAY.put(key(row[0]), row[1]);
        }
    }

    private ZoneAliases() {
    }

    /** The IANA id a TZID from a file stands for, when it is an alias this table knows; never a guess. */
    public static Optional<String> toIana(String tzid) {
        String name = tzid.strip();
        Matcher prefix = PREFIX.matcher(name);
        if (prefix.find()) {
            return Optional.of(name.substring(prefix.end())).filter(ZoneAliases::isIana);
        }
        Optional<String> windows = WindowsZones.toIana(name);
        if (windows.isPresent()) {
            return windows;
        }
        Matcher fixed = FIXED.matcher(name);
        if (fixed.matches() && Integer.parseInt(fixed.group(2)) <= 14) {
            // Exchange's "UTC+01" is a fixed offset; IANA's Etc/GMT zones count the other way round
            int hours = Integer.parseInt(fixed.group(2));
            return Optional.of(hours == 0 ? "Etc/UTC" : "Etc/GMT" + (fixed.group(1).equals("+") ? "-" : "+") + hours);
        }
        String cities = OFFSET.matcher(name).replaceFirst("");
        String id = BY_DISPLAY.get(key(cities));
        if (id != null) {
            return WindowsZones.toIana(id);
        }
        return isIana(name) ? Optional.of(name) : Optional.empty();
    }

    private static boolean isIana(String name) {
        try {
            java.time.ZoneId.of(name);
            return name.contains("/") || name.equals("UTC");
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" and ", " & ").replaceAll("\\s+", " ").strip();
    }
}
