package org.mailmigrator.autodetect.internal.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mailmigrator.autodetect.EmailAddress;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.internal.Xml;
import org.w3c.dom.Element;

/**
 * Reads Thunderbird's autoconfig format (clientConfig version 1.1, as in the ISPDB): the incoming IMAP/POP3
 * and outgoing SMTP servers of the first emailProvider, in the document's order of preference.
 */
public final class AutoconfigParser {

    private AutoconfigParser() {
    }

    /**
     * @throws IllegalArgumentException when the text is not XML or not a clientConfig, naming what is wrong
     */
    public static List<ServerSetting> parse(String xml, EmailAddress address) {
        Element root = Xml.parse(xml).getDocumentElement();
        if (!"clientConfig".equals(Xml.local(root))) {
            throw new IllegalArgumentException("the root element is <" + Xml.local(root) + ">, not <clientConfig>");
        }
        List<Element> providers = Xml.children(root, "emailProvider");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("<clientConfig> has no <emailProvider>");
        }
        List<ServerSetting> servers = new ArrayList<>();
        for (Element e : Xml.children(providers.get(0), "incomingServer")) {
            server(e, address).ifPresent(servers::add);
        }
        for (Element e : Xml.children(providers.get(0), "outgoingServer")) {
            server(e, address).ifPresent(servers::add);
        }
        return servers;
    }

    private static java.util.Optional<ServerSetting> server(Element e, EmailAddress address) {
        String type = e.getAttribute("type").toLowerCase(Locale.ROOT);
        if (type.equals("exchange")) {
            return ews(e);
        }
        Protocol protocol = switch (type) {
            case "imap" -> Protocol.IMAP;
            case "pop3" -> Protocol.POP3;
            case "smtp" -> Protocol.SMTP;
            default -> null; // other entries (activesync...) are not ours to read here
        };
        if (protocol == null) {
            return java.util.Optional.empty();
        }
        String host = Xml.text(e, "hostname");
        String port = Xml.text(e, "port");
        String socketType = Xml.text(e, "socketType");
        if (host == null || host.isEmpty() || port == null || socketType == null) {
            throw new IllegalArgumentException("<" + Xml.local(e) + " type=\"" + type
                    + "\"> needs <hostname>, <port> and <socketType>");
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("<port> '" + port + "' of " + host + " is not a number");
        }
        // the host may name the domain (mail.%EMAILDOMAIN%); the login stays a pattern for every address
        String hostname = host.replace("%EMAILDOMAIN%", address.domain());
        return java.util.Optional.of(new ServerSetting(protocol, hostname, number, Security.fromId(socketType),
                Xml.text(e, "username"), null));
    }

    /** An Exchange entry (as Thunderbird's ISPDB writes them) gives its EWS URL, when it has one. */
    private static java.util.Optional<ServerSetting> ews(Element e) {
        String url = Xml.text(e, "ewsURL");
        if (url == null || url.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("<ewsURL> '" + url + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("<ewsURL> '" + url + "' is not an https URL");
        }
        return java.util.Optional.of(new ServerSetting(Protocol.EWS, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 443,
                Security.TLS, Xml.text(e, "username"), url));
    }
}
