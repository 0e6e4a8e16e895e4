package org.mailmigrator.connector.ews.internal;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;

import org.mailmigrator.core.pim.PimItem;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.Importance;
import microsoft.exchange.webservices.data.core.enumeration.service.TaskStatus;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.service.item.Task;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.core.service.schema.TaskSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.StringList;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;

/**
 * A VTODO as an Exchange task: subject, notes, start, due, status, percent complete, completion, importance,
 * categories. A known task is updated in place; a start, due or completion date or categories the source
 * dropped are deleted from it.
 */
final class TaskWriter {
    private final ExchangeService service;

    TaskWriter(ExchangeService service) {
        this.service = service;
    }

    Task write(PimItem item, FolderId folder, Optional<ItemId> existing) throws Exception {
        VToDo todo = new CalendarBuilder().build(new StringReader(item.text())).<VToDo>getComponent(Component.VTODO).orElseThrow();
        Task t = null;
        if (existing.isPresent()) {
            try {
                t = Task.bind(service, existing.get());
            } catch (Exception e) {
                if (!EwsWriter.gone(e)) {
                    throw e;
                }
            }
        }
        boolean create = t == null;
        if (create) {
            t = new Task(service);
        }
        ZoneId utc = ZoneId.of("UTC");
        t.setSubject(EventWriter.text(todo, Property.SUMMARY));
        t.setBody(new MessageBody(BodyType.Text, EventWriter.text(todo, Property.DESCRIPTION)));
        Task task = t;
        Fields.set(task, create, TaskSchema.StartDate, IcsTime.of(todo.getProperty(Property.DTSTART), utc).map(x -> Date.from(x.instant())).orElse(null));
        Fields.set(task, create, TaskSchema.DueDate, IcsTime.of(todo.getProperty(Property.DUE), utc).map(x -> Date.from(x.instant())).orElse(null));
        String status = EventWriter.text(todo, Property.STATUS).toUpperCase(java.util.Locale.ROOT);
        task.setStatus(switch (status) {
            case "IN-PROCESS" -> TaskStatus.InProgress;
            case "COMPLETED" -> TaskStatus.Completed;
            case "CANCELLED" -> TaskStatus.Deferred;
            default -> TaskStatus.NotStarted;
        });
        String percent = EventWriter.text(todo, Property.PERCENT_COMPLETE);
        task.setPercentComplete(status.equals("COMPLETED") ? 100.0 : percent.isEmpty() ? 0.0 : Double.parseDouble(percent));
        Fields.set(task, create, TaskSchema.CompleteDate, IcsTime.of(todo.getProperty(Property.COMPLETED), utc)
                .map(x -> Date.from(x.instant())).orElse(null));
        String priority = EventWriter.text(todo, Property.PRIORITY);
        int p = priority.matches("\\d") ? Integer.parseInt(priority) : 0;
        task.setImportance(p >= 1 && p <= 4 ? Importance.High : p >= 6 ? Importance.Low : Importance.Normal);
        java.util.List<String> categories = todo.getProperties(Property.CATEGORIES).stream()
                .flatMap(c -> java.util.Arrays.stream(c.getValue().split(","))).map(String::trim).toList();
        Fields.set(task, create, ItemSchema.Categories, categories.isEmpty() ? null : new StringList(categories));
        task.setExtendedProperty(EwsWriter.UID, item.uid());
        task.setExtendedProperty(EwsWriter.CONTENT, EwsWriter.content(item)); // one request writes the whole task
        if (create) {
            task.save(folder);
        } else {
            task.update(ConflictResolutionMode.AlwaysOverwrite);
        }
        return task;
    }
}
