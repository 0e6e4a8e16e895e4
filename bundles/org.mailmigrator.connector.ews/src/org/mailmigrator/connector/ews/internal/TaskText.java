package org.mailmigrator.connector.ews.internal;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.Importance;
import microsoft.exchange.webservices.data.core.enumeration.service.TaskStatus;
import microsoft.exchange.webservices.data.core.service.item.Task;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.core.service.schema.TaskSchema;

/**
 * An Exchange task as a VTODO (docs/ews-source.md): subject, body, start and due dates, status (NotStarted →
 * NEEDS-ACTION, InProgress and WaitingOnOthers → IN-PROCESS, Completed → COMPLETED with its date, Deferred →
 * CANCELLED), percent complete, importance as PRIORITY (high 1, low 9), categories, the reminder; a recurring task's
 * pattern as RRULE (a regenerating one is refused, naming it).
 */
final class TaskText {
    private TaskText() {
    }

    static PropertySet properties() throws Exception {
        PropertySet p = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.Body, ItemSchema.Categories,
                ItemSchema.Importance, ItemSchema.DateTimeCreated, ItemSchema.ReminderDueBy, ItemSchema.IsReminderSet,
                ItemSchema.LastModifiedTime, TaskSchema.CompleteDate, TaskSchema.DueDate, TaskSchema.PercentComplete,
                TaskSchema.Recurrence, TaskSchema.StartDate, TaskSchema.Status, EwsWriter.UID);
        p.setRequestedBodyType(BodyType.Text);
        return p;
    }

    static String of(Task t) throws Exception {
        IcsLines ics = new IcsLines().raw("BEGIN:VCALENDAR").raw("VERSION:2.0").raw("PRODID:-//Mail Migrator//Exchange source//EN");
        ics.raw("BEGIN:VTODO").text("UID", SourceItems.uid(t, null));
        ics.raw("DTSTAMP:" + IcsLines.utc(SourceItems.changed(t)));
        Date created = t.getDateTimeCreated();
        if (created != null) {
            ics.raw("CREATED:" + IcsLines.utc(created.toInstant()));
        }
        ics.raw("LAST-MODIFIED:" + IcsLines.utc(SourceItems.changed(t)));
        ics.text("SUMMARY", t.getSubject()).text("DESCRIPTION", SourceItems.body(t));
        if (t.getStartDate() != null) {
            ics.raw("DTSTART:" + IcsLines.utc(t.getStartDate().toInstant()));
        }
        if (t.getDueDate() != null) {
            ics.raw("DUE:" + IcsLines.utc(t.getDueDate().toInstant()));
        }
        TaskStatus status = t.getStatus();
        ics.raw("STATUS:" + (status == null ? "NEEDS-ACTION" : switch (status) {
            case InProgress, WaitingOnOthers -> "IN-PROCESS";
            case Completed -> "COMPLETED";
            case Deferred -> "CANCELLED";
            default -> "NEEDS-ACTION";
        }));
        if (status == TaskStatus.Completed && t.getCompleteDate() != null) {
            ics.raw("COMPLETED:" + IcsLines.utc(t.getCompleteDate().toInstant()));
        }
        Double percent = t.getPercentComplete();
        if (percent != null && percent > 0) {
            ics.raw("PERCENT-COMPLETE:" + Math.round(percent));
        }
        Importance importance = t.getImportance();
        if (importance == Importance.High) {
            ics.raw("PRIORITY:1");
        } else if (importance == Importance.Low) {
            ics.raw("PRIORITY:9");
        }
        List<String> categories = SourceItems.categories(t);
        if (!categories.isEmpty()) {
            ics.raw("CATEGORIES:" + String.join(",", categories.stream().map(IcsLines::escape).toList()));
        }
        if (t.getRecurrence() != null && t.getStartDate() != null) {
            ics.raw("RRULE:" + RecurrenceText.of(t.getRecurrence(), ZoneOffset.UTC,
                    t.getStartDate().toInstant().atZone(ZoneOffset.UTC).toLocalTime(), null));
        }
        if (t.getIsReminderSet() && t.getReminderDueBy() != null) {
            ics.raw("BEGIN:VALARM").raw("ACTION:DISPLAY").raw("DESCRIPTION:Reminder")
                    .raw("TRIGGER;VALUE=DATE-TIME:" + IcsLines.utc(t.getReminderDueBy().toInstant())).raw("END:VALARM");
        }
        return ics.raw("END:VTODO").raw("END:VCALENDAR").toString();
    }
}
