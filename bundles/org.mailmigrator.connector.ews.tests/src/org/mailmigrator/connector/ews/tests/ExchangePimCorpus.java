package org.mailmigrator.connector.ews.tests;

import java.nio.file.Path;

import ezvcard.Ezvcard;

/**
 * What the EWS PROTOCOL FAKE serves as a calendar/contacts source: the GetItem answers of Exchange for a weekly
 * series in "W. Europe Standard Time" (Berlin) with one deleted and one modified occurrence, attendees and a
 * reminder; a weekday series ended by a date in a sub-folder of Calendar; a contact with a picture; a task in a
 * sub-folder of Tasks. The element shapes follow Microsoft's EWS
 * reference examples ("GetItem operation (calendar item)", "Recurrence", "ModifiedOccurrences", "DeletedOccurrences",
 * "StartTimeZone", "GetItem operation (contact)", "GetAttachment operation", "Task") in the element order of
 * types.xsd V2016_10_10. The contact picture is the JPEG of ez-vcard's test file John_Doe_MS_OUTLOOK.vcf (an
 * Outlook export; BSD-2-Clause, connector.dav.tests/real-world/README.md gives its origin).
 */
final class ExchangePimCorpus {
    static final String SERIES_UID = "040000008200E00074C5B7101A82E00800000000B0F3A6F1D5A4DC01000000000000000010000000A1";
    static final String MODIFIED = "pim-occ-series-4";

    /** W. Europe Standard Time as Exchange 2010 SP2 describes it (StartTimeZone / EndTimeZone). */
    private static final String BERLIN_BODY = " Id=\"W. Europe Standard Time\" Name=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, "
            + "Stockholm, Vienna\"><t:Periods><t:Period Bias=\"-PT1H\" Name=\"Standard\" Id=\"Std\"/><t:Period Bias=\"-PT2H\" "
            + "Name=\"Daylight\" Id=\"Dlt/1\"/></t:Periods><t:TransitionsGroups><t:TransitionsGroup Id=\"0\"><t:RecurringDayTransition>"
            + "<t:To Kind=\"Period\">Dlt/1</t:To><t:TimeOffset>PT2H</t:TimeOffset><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek>"
            + "<t:Occurrence>-1</t:Occurrence></t:RecurringDayTransition><t:RecurringDayTransition><t:To Kind=\"Period\">Std</t:To>"
            + "<t:TimeOffset>PT3H</t:TimeOffset><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek><t:Occurrence>-1</t:Occurrence>"
            + "</t:RecurringDayTransition></t:TransitionsGroup></t:TransitionsGroups><t:Transitions><t:Transition>"
            + "<t:To Kind=\"Group\">0</t:To></t:Transition></t:Transitions>";

    private ExchangePimCorpus() {
    }

    private static String zones() {
        return "<t:StartTimeZone" + BERLIN_BODY + "</t:StartTimeZone><t:EndTimeZone" + BERLIN_BODY + "</t:EndTimeZone>";
    }

    private static String mailbox(String name, String address) {
        return "<t:Mailbox><t:Name>" + name + "</t:Name><t:EmailAddress>" + address + "</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType>"
                + "</t:Mailbox>";
    }

    /**
     * Six Mondays at 09:00 Berlin time from 2 March 2026 (CET, then CEST from 29 March): the 16 March occurrence deleted,
     * the 23 March one moved to 11:00 with its own subject.
     */
    static String series() {
        return "<t:Subject>Weekly planning</t:Subject><t:Sensitivity>Normal</t:Sensitivity><t:Body BodyType=\"Text\">Agenda: "
                + "roadmap, hiring; bring numbers</t:Body><t:Categories><t:String>Team</t:String><t:String>Planning, Q1</t:String>"
                + "</t:Categories><t:DateTimeCreated>2026-02-20T10:00:00Z</t:DateTimeCreated><t:ReminderIsSet>true</t:ReminderIsSet>"
                + "<t:ReminderMinutesBeforeStart>15</t:ReminderMinutesBeforeStart><t:LastModifiedTime>2026-02-25T16:30:00Z"
                + "</t:LastModifiedTime><t:UID>" + SERIES_UID + "</t:UID><t:Start>2026-03-02T08:00:00Z</t:Start>"
                + "<t:End>2026-03-02T09:00:00Z</t:End><t:IsAllDayEvent>false</t:IsAllDayEvent><t:LegacyFreeBusyStatus>Busy"
                + "</t:LegacyFreeBusyStatus><t:Location>Room Spree</t:Location><t:IsMeeting>true</t:IsMeeting><t:IsRecurring>false"
                + "</t:IsRecurring><t:CalendarItemType>RecurringMaster</t:CalendarItemType><t:Organizer>"
                + mailbox("Alice Martin", "alice@example.org") + "</t:Organizer><t:RequiredAttendees><t:Attendee>"
                + mailbox("Bob Klein", "bob@example.org") + "<t:ResponseType>Accept</t:ResponseType></t:Attendee></t:RequiredAttendees>"
                + "<t:OptionalAttendees><t:Attendee>" + mailbox("Chloé Durand", "chloe@example.net")
                + "<t:ResponseType>Tentative</t:ResponseType></t:Attendee></t:OptionalAttendees>"
                + "<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Monday</t:DaysOfWeek></t:WeeklyRecurrence>"
                + "<t:NumberedRecurrence><t:StartDate>2026-03-02+01:00</t:StartDate><t:NumberOfOccurrences>6</t:NumberOfOccurrences>"
                + "</t:NumberedRecurrence></t:Recurrence><t:FirstOccurrence><t:ItemId Id=\"pim-occ-series-1\" ChangeKey=\"1\"/>"
                + "<t:Start>2026-03-02T08:00:00Z</t:Start><t:End>2026-03-02T09:00:00Z</t:End><t:OriginalStart>2026-03-02T08:00:00Z"
                + "</t:OriginalStart></t:FirstOccurrence><t:LastOccurrence><t:ItemId Id=\"pim-occ-series-6\" ChangeKey=\"1\"/>"
                + "<t:Start>2026-04-06T07:00:00Z</t:Start><t:End>2026-04-06T08:00:00Z</t:End><t:OriginalStart>2026-04-06T07:00:00Z"
                + "</t:OriginalStart></t:LastOccurrence><t:ModifiedOccurrences><t:Occurrence><t:ItemId Id=\"" + MODIFIED
                + "\" ChangeKey=\"1\"/><t:Start>2026-03-23T10:00:00Z</t:Start><t:End>2026-03-23T11:00:00Z</t:End>"
                + "<t:OriginalStart>2026-03-23T08:00:00Z</t:OriginalStart></t:Occurrence></t:ModifiedOccurrences>"
                + "<t:DeletedOccurrences><t:DeletedOccurrence><t:Start>2026-03-16T08:00:00Z</t:Start></t:DeletedOccurrence>"
                + "</t:DeletedOccurrences>" + zones();
    }

    /** The 23 March occurrence, as GetItem answers for its own ItemId (an Exception item of the series). */
    static String modifiedOccurrence() {
        return "<t:Subject>Weekly planning (moved: board meeting)</t:Subject><t:Sensitivity>Normal</t:Sensitivity>"
                + "<t:Body BodyType=\"Text\">Agenda: roadmap only</t:Body><t:DateTimeCreated>2026-02-20T10:00:00Z</t:DateTimeCreated>"
                + "<t:ReminderIsSet>true</t:ReminderIsSet><t:ReminderMinutesBeforeStart>30</t:ReminderMinutesBeforeStart>"
                + "<t:LastModifiedTime>2026-03-10T09:12:00Z</t:LastModifiedTime><t:UID>" + SERIES_UID + "</t:UID>"
                + "<t:Start>2026-03-23T10:00:00Z</t:Start><t:End>2026-03-23T11:00:00Z</t:End><t:OriginalStart>2026-03-23T08:00:00Z"
                + "</t:OriginalStart><t:IsAllDayEvent>false</t:IsAllDayEvent><t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus>"
                + "<t:Location>Room Havel</t:Location><t:IsMeeting>true</t:IsMeeting><t:IsRecurring>true</t:IsRecurring>"
                + "<t:CalendarItemType>Exception</t:CalendarItemType><t:Organizer>" + mailbox("Alice Martin", "alice@example.org")
                + "</t:Organizer><t:RequiredAttendees><t:Attendee>" + mailbox("Bob Klein", "bob@example.org")
                + "<t:ResponseType>Accept</t:ResponseType></t:Attendee></t:RequiredAttendees>" + zones();
    }

    /** A contact with three e-mail/phone/address kinds and a picture (attachment {@code pa-ann}). */
    static String contact(int pictureBytes) {
        return "<t:Subject>Ann Beebe</t:Subject><t:Body BodyType=\"Text\">Met at the Lyon conference; prefers mornings</t:Body>"
                + "<t:Attachments><t:FileAttachment><t:AttachmentId Id=\"pa-ann\"/><t:Name>ContactPicture.jpg</t:Name>"
                + "<t:ContentType>image/jpeg</t:ContentType><t:Size>" + pictureBytes + "</t:Size><t:IsInline>false</t:IsInline>"
                + "<t:IsContactPhoto>true</t:IsContactPhoto></t:FileAttachment></t:Attachments><t:Categories><t:String>Customers"
                + "</t:String></t:Categories><t:DateTimeCreated>2025-11-03T14:00:00Z</t:DateTimeCreated><t:HasAttachments>true"
                + "</t:HasAttachments><t:LastModifiedTime>2026-01-15T08:45:00Z</t:LastModifiedTime><t:FileAs>Beebe, Ann</t:FileAs>"
                + "<t:DisplayName>Ann Beebe</t:DisplayName><t:GivenName>Ann</t:GivenName><t:CompanyName>Contoso</t:CompanyName>"
                + "<t:EmailAddresses><t:Entry Key=\"EmailAddress1\">ann.beebe@contoso.com</t:Entry><t:Entry Key=\"EmailAddress2\">"
                + "ann@beebe.example</t:Entry></t:EmailAddresses><t:PhysicalAddresses><t:Entry Key=\"Business\"><t:Street>"
                + "1 Microsoft Way</t:Street><t:City>Redmond</t:City><t:State>WA</t:State><t:CountryOrRegion>United States"
                + "</t:CountryOrRegion><t:PostalCode>98052</t:PostalCode></t:Entry></t:PhysicalAddresses><t:PhoneNumbers>"
                + "<t:Entry Key=\"BusinessPhone\">+1 425 555 0100</t:Entry><t:Entry Key=\"MobilePhone\">+1 425 555 0199</t:Entry>"
                + "</t:PhoneNumbers><t:Birthday>1984-05-17T12:00:00Z</t:Birthday><t:Department>Sales</t:Department><t:JobTitle>"
                + "Account manager</t:JobTitle><t:Surname>Beebe</t:Surname><t:HasPicture>true</t:HasPicture>";
    }

    /** A task half done, due on 20 March, high importance. */
    static String task() {
        return "<t:Subject>Prepare the Q1 report</t:Subject><t:Body BodyType=\"Text\">Numbers from finance first</t:Body>"
                + "<t:Categories><t:String>Reports</t:String></t:Categories><t:Importance>High</t:Importance><t:DateTimeCreated>"
                + "2026-02-01T09:00:00Z</t:DateTimeCreated><t:ReminderIsSet>false</t:ReminderIsSet><t:LastModifiedTime>"
                + "2026-02-10T11:00:00Z</t:LastModifiedTime><t:DueDate>2026-03-20T00:00:00Z</t:DueDate><t:IsComplete>false"
                + "</t:IsComplete><t:IsRecurring>false</t:IsRecurring><t:PercentComplete>50</t:PercentComplete><t:StartDate>"
                + "2026-03-01T00:00:00Z</t:StartDate><t:Status>InProgress</t:Status>";
    }

    /**
     * An early-morning stand-up on weekdays from 30 March to 10 April 2026 (an end date, in CEST) in the sub-folder
     * Calendar/Project X, private, no reminder, free.
     */
    static String standup() {
        return "<t:Subject>Stand-up</t:Subject><t:Sensitivity>Private</t:Sensitivity><t:Body BodyType=\"Text\"></t:Body>"
                + "<t:DateTimeCreated>2026-03-01T10:00:00Z</t:DateTimeCreated><t:ReminderIsSet>false</t:ReminderIsSet>"
                + "<t:LastModifiedTime>2026-03-01T10:00:00Z</t:LastModifiedTime><t:UID>standup-project-x</t:UID>"
                + "<t:Start>2026-03-30T05:30:00Z</t:Start><t:End>2026-03-30T05:45:00Z</t:End><t:IsAllDayEvent>false</t:IsAllDayEvent>"
                + "<t:LegacyFreeBusyStatus>Free</t:LegacyFreeBusyStatus><t:CalendarItemType>RecurringMaster</t:CalendarItemType>"
                + "<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Monday Tuesday Wednesday Thursday Friday"
                + "</t:DaysOfWeek></t:WeeklyRecurrence><t:EndDateRecurrence><t:StartDate>2026-03-30+02:00</t:StartDate>"
                + "<t:EndDate>2026-04-10+02:00</t:EndDate></t:EndDateRecurrence></t:Recurrence><t:FirstOccurrence><t:ItemId "
                + "Id=\"pim-occ-standup-1\" ChangeKey=\"1\"/><t:Start>2026-03-30T05:30:00Z</t:Start><t:End>2026-03-30T05:45:00Z</t:End>"
                + "<t:OriginalStart>2026-03-30T05:30:00Z</t:OriginalStart></t:FirstOccurrence><t:LastOccurrence><t:ItemId "
                + "Id=\"pim-occ-standup-10\" ChangeKey=\"1\"/><t:Start>2026-04-10T05:30:00Z</t:Start><t:End>2026-04-10T05:45:00Z"
                + "</t:End><t:OriginalStart>2026-04-10T05:30:00Z</t:OriginalStart></t:LastOccurrence>" + zones();
    }

    /** The JPEG of ez-vcard's Outlook test card. */
    static byte[] picture() throws Exception {
        Path card = Path.of(System.getProperty("mailmigrator.sourceRoot"), "bundles", "org.mailmigrator.connector.dav.tests",
                "real-world", "ez-vcard", "John_Doe_MS_OUTLOOK.vcf");
        return Ezvcard.parse(java.nio.file.Files.readString(card, java.nio.charset.StandardCharsets.ISO_8859_1)).first().getPhotos().get(0).getData();
    }

    /** Seeds the fake's source mailbox: the series in Calendar, the contact in Contacts, the task in Tasks/Work. */
    static void seed(FakePimSource pim) throws Exception {
        byte[] picture = picture();
        pim.item("pf-calendar", "CalendarItem", series());
        pim.item(pim.folder("pf-calendar", "Project X"), "CalendarItem", standup());
        pim.occurrence(MODIFIED, modifiedOccurrence());
        pim.photo("pa-ann", "ContactPicture.jpg", "image/jpeg", picture);
        pim.item("pf-contacts", "Contact", contact(picture.length));
        pim.item(pim.folder("pf-tasks", "Work"), "Task", task());
    }
}
