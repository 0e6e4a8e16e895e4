package org.mailmigrator.connector.dav.internal;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The successful properties of each resource of a WebDAV 207 Multi-Status answer. */
record Multistatus(Map<URI, Element> props) {
    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";

    static Multistatus parse(URI base, String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        Map<URI, Element> props = new LinkedHashMap<>();
        for (Element response : children(root, DAV, "response")) {
            Optional<Element> href = child(response, DAV, "href");
            if (href.isEmpty()) {
                continue;
            }
            URI uri = base.resolve(href.get().getTextContent().trim());
            for (Element propstat : children(response, DAV, "propstat")) {
                String status = child(propstat, DAV, "status").map(Node::getTextContent).orElse("");
                Optional<Element> prop = child(propstat, DAV, "prop");
                if (status.contains(" 200") && prop.isPresent()) {
                    props.put(uri, prop.get());
                }
            }
        }
        return new Multistatus(props);
    }

    /** The href inside a property such as current-user-principal or calendar-home-set. */
    static Optional<URI> href(URI base, Element prop, String ns, String name) {
        return child(prop, ns, name).flatMap(p -> child(p, DAV, "href")).map(h -> base.resolve(h.getTextContent().trim()));
    }

    /** Whether resourcetype holds the element {ns}name (calendar, addressbook). */
    static boolean isType(Element prop, String ns, String name) {
        return child(prop, DAV, "resourcetype").map(rt -> !children(rt, ns, name).isEmpty()).orElse(false);
    }

    static Optional<Element> child(Element parent, String ns, String name) {
        List<Element> all = children(parent, ns, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
