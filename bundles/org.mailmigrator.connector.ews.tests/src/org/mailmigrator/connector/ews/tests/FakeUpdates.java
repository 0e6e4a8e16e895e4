package org.mailmigrator.connector.ews.tests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * The fake's UpdateItem: checks one ItemChange against the shapes of Microsoft's UpdateItem reference
 * (ItemId then Updates; each SetItemField is a path — FieldURI, IndexedFieldURI or ExtendedFieldURI — then
 * an item of the changed item's kind holding exactly the one property the path names; each DeleteItemField
 * is a path alone; no path twice) and applies it to the stored item: fields replaced or removed, dictionary
 * entries (e-mail, phone, address) merged or removed one key (and for addresses one sub-field) at a time.
 */
final class FakeUpdates {
    private FakeUpdates() {
    }

    static List<String> check(Element change, String kind) {
        List<String> v = new ArrayList<>();
        List<Element> parts = Xml.children(change);
        if (parts.size() != 2 || !Set.of("ItemId", "OccurrenceItemId").contains(parts.get(0).getLocalName())
                || !parts.get(1).getLocalName().equals("Updates")) {
            v.add("ItemChange must hold ItemId then Updates, has " + parts.stream().map(Element::getLocalName).toList());
            return v;
        }
        Set<String> seen = new HashSet<>();
        for (Element update : Xml.children(parts.get(1))) {
            List<Element> u = Xml.children(update);
            String op = update.getLocalName();
            if (!Set.of("SetItemField", "DeleteItemField", "AppendToItemField").contains(op) || u.isEmpty()
                    || !Set.of("FieldURI", "IndexedFieldURI", "ExtendedFieldURI").contains(u.get(0).getLocalName())) {
                v.add(op + " must start with FieldURI, IndexedFieldURI or ExtendedFieldURI, has " + u.stream().map(Element::getLocalName).toList());
                continue;
            }
            String path = path(u.get(0));
            if (!seen.add(path)) {
                v.add("UpdateItem changes " + path + " twice in one ItemChange");
            }
            if (op.equals("DeleteItemField")) {
                if (u.size() != 1) {
                    v.add("DeleteItemField of " + path + " must hold only its path");
                }
                continue;
            }
            if (u.size() != 2) {
                v.add(op + " of " + path + " must hold its path then one item, has " + u.size() + " elements");
                continue;
            }
            if (kind != null && !u.get(1).getLocalName().equals(kind)) {
                v.add(op + " of " + path + " holds a " + u.get(1).getLocalName() + " for a " + kind);
            }
            if (value(u.get(0), u.get(1)).isEmpty()) {
                v.add(op + " of " + path + ": the item does not hold exactly that property, has " + Xml.write(u.get(1)));
            }
        }
        return v;
    }

    static void apply(Element change, Element stored) {
        for (Element update : Xml.children(Xml.child(change, "Updates").orElseThrow())) {
            List<Element> u = Xml.children(update);
            Element uri = u.get(0);
            if (update.getLocalName().equals("DeleteItemField")) {
                target(stored, uri, false).ifPresent(t -> {
                    Element parent = (Element) t.getParentNode();
                    parent.removeChild(t);
                    if (uri.getLocalName().equals("IndexedFieldURI") && parent.getLocalName().equals("Entry") && Xml.children(parent).isEmpty()) {
                        parent.getParentNode().removeChild(parent);
                    }
                });
                continue;
            }
            Element copy = (Element) stored.getOwnerDocument().importNode(value(uri, u.get(1)).orElseThrow(), true);
            boolean indexed = uri.getLocalName().equals("IndexedFieldURI");
            Element entry = indexed ? target(stored, uri, true).orElseThrow() : null;
            Element into = !indexed ? stored : sub(uri).isEmpty() ? (Element) entry.getParentNode() : entry;
            Optional<Element> old = !indexed ? target(stored, uri, false) : sub(uri).isEmpty() ? Optional.of(entry) : Xml.child(entry, sub(uri));
            if (old.isPresent()) {
                into.replaceChild(copy, old.get());
            } else {
                into.appendChild(copy);
            }
        }
    }

    /** "contacts:GivenName", "contacts:EmailAddress[EmailAddress2]", "ext:MailMigratorUid". */
    private static String path(Element uri) {
        return switch (uri.getLocalName()) {
            case "ExtendedFieldURI" -> "ext:" + uri.getAttribute("PropertyName");
            case "IndexedFieldURI" -> uri.getAttribute("FieldURI") + "[" + uri.getAttribute("FieldIndex") + "]";
            default -> uri.getAttribute("FieldURI");
        };
    }

    /** For contacts:PhysicalAddress:Street the sub-field "Street", else "". */
    private static String sub(Element indexed) {
        String[] parts = indexed.getAttribute("FieldURI").split(":");
        return parts.length > 2 ? parts[2] : "";
    }

    private static String dictionary(Element indexed) {
        String name = indexed.getAttribute("FieldURI").split(":")[1];
        return name + (name.endsWith("s") ? "es" : "s");
    }

    /** The element in the request's item that the path names (an Entry, or an address Entry's one sub-field). */
    private static Optional<Element> value(Element uri, Element item) {
        List<Element> props = Xml.children(item);
        if (props.size() != 1) {
            return Optional.empty();
        }
        Element p = props.get(0);
        return switch (uri.getLocalName()) {
            case "ExtendedFieldURI" -> p.getLocalName().equals("ExtendedProperty")
                    && Xml.find(p, "ExtendedFieldURI").map(e -> e.getAttribute("PropertyName").equals(uri.getAttribute("PropertyName"))).orElse(false)
                    ? Optional.of(p) : Optional.empty();
            case "IndexedFieldURI" -> {
                List<Element> entries = Xml.children(p);
                if (!p.getLocalName().equals(dictionary(uri)) || entries.size() != 1 || !entries.get(0).getAttribute("Key").equals(uri.getAttribute("FieldIndex"))) {
                    yield Optional.empty();
                }
                Element entry = entries.get(0);
                yield sub(uri).isEmpty() ? Optional.of(entry)
                        : Xml.children(entry).size() == 1 && Xml.children(entry).get(0).getLocalName().equals(sub(uri))
                                ? Optional.of(Xml.children(entry).get(0)) : Optional.empty();
            }
            default -> p.getLocalName().equals(uri.getAttribute("FieldURI").replaceFirst("^.*:", "")) ? Optional.of(p) : Optional.empty();
        };
    }

    /**
     * The stored element the path names. For an indexed path with {@code make}, the stored Entry (created, with
     * its dictionary, when missing); without, the Entry or the address Entry's sub-field if present.
     */
    private static Optional<Element> target(Element stored, Element uri, boolean make) {
        return switch (uri.getLocalName()) {
            case "ExtendedFieldURI" -> FakeMailbox.extendedProperty(stored, uri.getAttribute("PropertyName"));
            case "IndexedFieldURI" -> {
                Optional<Element> dict = Xml.child(stored, dictionary(uri));
                if (dict.isEmpty() && make) {
                    dict = Optional.of((Element) stored.appendChild(stored.getOwnerDocument().createElementNS(Xml.T, "t:" + dictionary(uri))));
                }
                Optional<Element> entry = dict.flatMap(d -> Xml.children(d).stream().filter(e -> e.getAttribute("Key").equals(uri.getAttribute("FieldIndex"))).findFirst());
                if (entry.isEmpty() && make) {
                    Element e = stored.getOwnerDocument().createElementNS(Xml.T, "t:Entry");
                    e.setAttribute("Key", uri.getAttribute("FieldIndex"));
                    entry = Optional.of((Element) dict.get().appendChild(e));
                }
                yield make || sub(uri).isEmpty() ? entry : entry.flatMap(e -> Xml.child(e, sub(uri)));
            }
            default -> Xml.child(stored, uri.getAttribute("FieldURI").replaceFirst("^.*:", ""));
        };
    }
}
