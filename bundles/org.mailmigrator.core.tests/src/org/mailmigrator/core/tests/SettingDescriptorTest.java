package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;

/** Validation messages name the setting by its label and say what is wrong with the value. */
class SettingDescriptorTest {

    private static SettingDescriptor setting(SettingType type, boolean required, String def, List<String> choices) {
        return new SettingDescriptor("x", "Field", type, Optional.ofNullable(def), required, false, choices, null);
    }

    @Test
    void requiredWithoutDefault() {
        assertEquals(Optional.of("Field is required"), setting(SettingType.STRING, true, null, List.of()).validate(" "));
        assertEquals(Optional.empty(), setting(SettingType.STRING, true, "d", List.of()).validate(null));
    }

    @Test
    void portsIntsBooleansChoicesHostsAndUrls() {
        assertEquals(Optional.of("Field: '70000' is not a port number (1-65535)"),
                setting(SettingType.PORT, false, null, List.of()).validate("70000"));
        assertEquals(Optional.empty(), setting(SettingType.PORT, false, null, List.of()).validate("993"));
        assertEquals(Optional.of("Field: 'ten' is not a whole number"),
                setting(SettingType.INT, false, null, List.of()).validate("ten"));
        assertEquals(Optional.of("Field: 'yes' is not true or false"),
                setting(SettingType.BOOLEAN, false, null, List.of()).validate("yes"));
        assertEquals(Optional.of("Field: 'ssl' is not one of tls, starttls"),
                setting(SettingType.CHOICE, false, null, List.of("tls", "starttls")).validate("ssl"));
        assertEquals(Optional.of("Field: 'bad host' is not a host name or address"),
                setting(SettingType.HOST, false, null, List.of()).validate("bad host"));
        assertEquals(Optional.empty(), setting(SettingType.HOST, false, null, List.of()).validate("ex1.mail.ovh.net"));
        assertEquals(Optional.of("Field: 'not a url' is not a URL"),
                setting(SettingType.URL, false, null, List.of()).validate("not a url"));
    }

    @Test
    void aSecretTypedSettingIsAlwaysSecret() {
        assertEquals(true, setting(SettingType.SECRET, false, null, List.of()).secret());
    }
}
