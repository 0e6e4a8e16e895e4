package org.mailmigrator.core.pim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time zone names (Outlook, Exchange) and IANA names, after CLDR's windowsZones.xml territory
 * "001" (the zone a Windows name stands for by default). Exchange wants Windows ids; files and CalDAV
 * servers want IANA ids. Only the table's zones are mapped both ways; other IANA zones map to the Windows
 * zone of the same rules when a caller finds one.
 */
public final class WindowsZones {
    private static final String[][] TABLE = {
        { "Dateline Standard Time", "Etc/GMT+12" }, { "UTC-11", "Etc/GMT+11" },
        { "Hawaiian Standard Time", "Pacific/Honolulu" }, { "Alaskan Standard Time", "America/Anchorage" },
        { "Pacific Standard Time", "America/Los_Angeles" }, { "US Mountain Standard Time", "America/Phoenix" },
        { "Mountain Standard Time", "America/Denver" }, { "Central America Standard Time", "America/Guatemala" },
        { "Central Standard Time", "America/Chicago" }, { "Central Standard Time (Mexico)", "America/Mexico_City" },
        { "Canada Central Standard Time", "America/Regina" }, { "SA Pacific Standard Time", "America/Bogota" },
        { "Eastern Standard Time", "America/New_York" }, { "Atlantic Standard Time", "America/Halifax" },
        { "Newfoundland Standard Time", "America/St_Johns" }, { "E. South America Standard Time", "America/Sao_Paulo" },
        { "Argentina Standard Time", "America/Buenos_Aires" }, { "UTC", "Etc/UTC" },
        { "GMT Standard Time", "Europe/London" }, { "Greenwich Standard Time", "Atlantic/Reykjavik" },
        { "W. Europe Standard Time", "Europe/Berlin" }, { "Central Europe Standard Time", "Europe/Budapest" },
        { "Romance Standard Time", "Europe/Paris" }, { "Central European Standard Time", "Europe/Warsaw" },
        { "W. Central Africa Standard Time", "Africa/Lagos" }, { "Morocco Standard Time", "Africa/Casablanca" },
        { "GTB Standard Time", "Europe/Bucharest" }, { "E. Europe Standard Time", "Europe/Chisinau" },
        { "FLE Standard Time", "Europe/Kiev" }, { "Israel Standard Time", "Asia/Jerusalem" },
        { "Egypt Standard Time", "Africa/Cairo" }, { "South Africa Standard Time", "Africa/Johannesburg" },
        { "Turkey Standard Time", "Europe/Istanbul" }, { "Russian Standard Time", "Europe/Moscow" },
        { "Arabian Standard Time", "Asia/Dubai" }, { "Iran Standard Time", "Asia/Tehran" },
        { "Pakistan Standard Time", "Asia/Karachi" }, { "India Standard Time", "Asia/Calcutta" },
        { "Nepal Standard Time", "Asia/Katmandu" }, { "Bangladesh Standard Time", "Asia/Dhaka" },
        { "SE Asia Standard Time", "Asia/Bangkok" }, { "China Standard Time", "Asia/Shanghai" },
        { "Singapore Standard Time", "Asia/Singapore" }, { "Tokyo Standard Time", "Asia/Tokyo" },
        { "Korea Standard Time", "Asia/Seoul" }, { "AUS Central Standard Time", "Australia/Darwin" },
        { "AUS Eastern Standard Time", "Australia/Sydney" }, { "New Zealand Standard Time", "Pacific/Auckland" },
        { "US Eastern Standard Time", "America/Indianapolis" }, { "Venezuela Standard Time", "America/Caracas" },
        { "Pacific SA Standard Time", "America/Santiago" }, { "Greenland Standard Time", "America/Godthab" },
        { "Montevideo Standard Time", "America/Montevideo" }, { "Azores Standard Time", "Atlantic/Azores" },
        { "Cape Verde Standard Time", "Atlantic/Cape_Verde" }, { "Arabic Standard Time", "Asia/Baghdad" },
        { "Arab Standard Time", "Asia/Riyadh" }, { "E. Africa Standard Time", "Africa/Nairobi" },
        { "Azerbaijan Standard Time", "Asia/Baku" }, { "Georgian Standard Time", "Asia/Tbilisi" },
        { "Caucasus Standard Time", "Asia/Yerevan" }, { "Afghanistan Standard Time", "Asia/Kabul" },
        { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" }, { "West Asia Standard Time", "Asia/Tashkent" },
        { "Sri Lanka Standard Time", "Asia/Colombo" }, { "Central Asia Standard Time", "Asia/Almaty" },
        { "Myanmar Standard Time", "Asia/Rangoon" }, { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
        { "North Asia Standard Time", "Asia/Krasnoyarsk" }, { "North Asia East Standard Time", "Asia/Irkutsk" },
        { "W. Australia Standard Time", "Australia/Perth" }, { "Taipei Standard Time", "Asia/Taipei" },
        { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" }, { "Yakutsk Standard Time", "Asia/Yakutsk" },
        { "Cen. Australia Standard Time", "Australia/Adelaide" }, { "E. Australia Standard Time", "Australia/Brisbane" },
        { "West Pacific Standard Time", "Pacific/Port_Moresby" }, { "Tasmania Standard Time", "Australia/Hobart" },
        { "Vladivostok Standard Time", "Asia/Vladivostok" }, { "Magadan Standard Time", "Asia/Magadan" },
        { "Central Pacific Standard Time", "Pacific/Guadalcanal" }, { "Fiji Standard Time", "Pacific/Fiji" },
        { "Tonga Standard Time", "Pacific/Tongatapu" }, { "Samoa Standard Time", "Pacific/Apia" },
        { "Central Brazilian Standard Time", "America/Cuiaba" }, { "Paraguay Standard Time", "America/Asuncion" },
        { "SA Eastern Standard Time", "America/Cayenne" }, { "SA Western Standard Time", "America/La_Paz" },
        { "Mountain Standard Time (Mexico)", "America/Chihuahua" }, { "Pacific Standard Time (Mexico)", "America/Tijuana" },
        { "Eastern Standard Time (Mexico)", "America/Cancun" }, { "Cuba Standard Time", "America/Havana" },
        { "Jordan Standard Time", "Asia/Amman" }, { "Middle East Standard Time", "Asia/Beirut" },
        { "Syria Standard Time", "Asia/Damascus" }, { "Namibia Standard Time", "Africa/Windhoek" },
        { "Mauritius Standard Time", "Indian/Mauritius" }, { "Belarus Standard Time", "Europe/Minsk" },
        { "Kaliningrad Standard Time", "Europe/Kaliningrad" }, { "Russia Time Zone 3", "Europe/Samara" },
        { "Russia Time Zone 10", "Asia/Srednekolymsk" }, { "Russia Time Zone 11", "Asia/Kamchatka" },
        { "UTC+12", "Etc/GMT-12" }, { "UTC-02", "Etc/GMT+2" }, { "Mid-Atlantic Standard Time", "Etc/GMT+2" },
        { "Kamchatka Standard Time", "Asia/Kamchatka" }, { "Line Islands Standard Time", "Pacific/Kiritimati" },
    };
    private static final Map<String, String> TO_IANA = new HashMap<>();
    private static final Map<String, String> TO_WINDOWS = new HashMap<>();

    static {
        for (String[] row : TABLE) {
            TO_IANA.put(row[0].toLowerCase(java.util.Locale.ROOT), row[1]);
            TO_WINDOWS.put(row[1], row[0]);
        }
        // IANA aliases seen in exports that name the same zones
        TO_WINDOWS.put("Asia/Kolkata", "India Standard Time");
        TO_WINDOWS.put("Europe/Kyiv", "FLE Standard Time");
        TO_WINDOWS.put("UTC", "UTC");
        TO_WINDOWS.put("Etc/GMT", "UTC");
        TO_WINDOWS.put("America/Argentina/Buenos_Aires", "Argentina Standard Time");
        TO_WINDOWS.put("Asia/Kathmandu", "Nepal Standard Time");
    }

    private WindowsZones() {
    }

    /** The IANA zone a Windows name stands for ("Romance Standard Time" → "Europe/Paris"). */
    public static Optional<String> toIana(String windowsName) {
        return Optional.ofNullable(TO_IANA.get(windowsName.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The Windows id of an IANA zone of the table ("Europe/Paris" → "Romance Standard Time"). */
    public static Optional<String> toWindows(String ianaName) {
        return Optional.ofNullable(TO_WINDOWS.get(ianaName.trim()));
    }
}
