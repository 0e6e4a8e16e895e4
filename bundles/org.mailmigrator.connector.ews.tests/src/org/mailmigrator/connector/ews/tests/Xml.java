package org.mailmigrator.connector.ews.tests;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** DOM helpers for the fake: parse, children by local name, SOAP answers in the EWS namespaces. */
final class Xml {
    static final String T = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String M = "http://schemas.microsoft.com/exchange/services/2006/messages";

    private Xml() {
    }

    static Element parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst();
    }

    /** The first descendant with this local name. */
    static Optional<Element> find(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
    }

    static List<Element> findAll(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static String text(Element parent, String localName) {
        return find(parent, localName).map(Node::getTextContent).orElse(null);
    }

    /** An ExtendedProperty element written back as the fake stored it (URI attributes and value). */
    static String serialize(Element property) {
        Element uri = find(property, "ExtendedFieldURI").orElseThrow();
        StringBuilder x = new StringBuilder("<t:ExtendedProperty><t:ExtendedFieldURI");
        attributes(uri, x);
        return x.append("/><t:Value>").append(escape(text(property, "Value"))).append("</t:Value></t:ExtendedProperty>").toString();
    }

    /** An element of the EWS types namespace written back as {@code t:} XML (attributes without namespace). */
    static String write(Element e) {
        StringBuilder x = new StringBuilder("<t:").append(e.getLocalName());
        attributes(e, x);
        x.append('>');
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            x.append(n instanceof Element c ? write(c) : n.getNodeType() == Node.TEXT_NODE ? escape(n.getNodeValue()) : "");
        }
        return x.append("</t:").append(e.getLocalName()).append('>').toString();
    }

    private static void attributes(Element e, StringBuilder x) {
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!a.getNodeName().startsWith("xmlns")) {
                x.append(' ').append(a.getLocalName() == null ? a.getNodeName() : a.getLocalName()).append("=\"")
                        .append(escape(a.getNodeValue())).append('"');
            }
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Header><h:ServerVersionInfo MajorVersion=\"14\" MinorVersion=\"3\" MajorBuildNumber=\"468\" "
                + "MinorBuildNumber=\"0\" Version=\"Exchange2010_SP2\" xmlns:h=\"" + T + "\"/></s:Header><s:Body>"
                + body + "</s:Body></s:Envelope>";
    }

    /** {@code <m:NAMEResponse><m:ResponseMessages>messages</m:ResponseMessages></m:NAMEResponse>} */
    static String response(String operation, String messages) {
        return envelope("<m:" + operation + "Response xmlns:m=\"" + M + "\" xmlns:t=\"" + T + "\"><m:ResponseMessages>"
                + messages + "</m:ResponseMessages></m:" + operation + "Response>");
    }

    /** A FindFolder answer holding these {@code count} folders, all in one page. */
    static String foundFolders(int count, CharSequence folders) {
        return response("FindFolder", success("FindFolder", "<m:RootFolder IndexedPagingOffset=\"" + count
                + "\" TotalItemsInView=\"" + count + "\" IncludesLastItemInRange=\"true\"><t:Folders>" + folders
                + "</t:Folders></m:RootFolder>"));
    }

    static String success(String operation, String content) {
        return "<m:" + operation + "ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>"
                + content + "</m:" + operation + "ResponseMessage>";
    }

    /** An error answer of an operation whose response messages carry {@code Items} (GetItem): empty, as Exchange sends. */
    static String itemError(String operation, String code, String text, String messageXml) {
        String e = error(operation, code, text, messageXml);
        int end = e.lastIndexOf("</m:");
        return e.substring(0, end) + "<m:Items/>" + e.substring(end);
    }

    static String error(String operation, String code, String text, String messageXml) {
        return "<m:" + operation + "ResponseMessage ResponseClass=\"Error\"><m:MessageText>" + escape(text) + "</m:MessageText>"
                + "<m:ResponseCode>" + code + "</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>"
                + (messageXml == null ? "" : "<m:MessageXml>" + messageXml + "</m:MessageXml>")
                + "</m:" + operation + "ResponseMessage>";
    }
}
