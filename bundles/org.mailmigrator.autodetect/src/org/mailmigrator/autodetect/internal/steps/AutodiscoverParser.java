package org.mailmigrator.autodetect.internal.steps;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mailmigrator.autodetect.EmailAddress;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.internal.Xml;
import org.w3c.dom.Element;

/** Reads a POX Autodiscover answer (outlook responseschema 2006a): EWS URL, IMAP/POP3/SMTP, or a redirect. */
public final class AutodiscoverParser {

    /** What the answer says. */
    public sealed interface Answer {
        record Settings(List<ServerSetting> servers) implements Answer {
        }

        record RedirectUrl(String url) implements Answer {
        }

        record RedirectAddress(String address) implements Answer {
        }

        record Error(String message) implements Answer {
        }
    }

    private AutodiscoverParser() {
    }

    /** The request body, as Outlook sends it. */
    public static String request(EmailAddress address) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress>%s</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """.formatted(address.toString().replace("&", "&amp;").replace("<", "&lt;"));
    }

    /** @throws IllegalArgumentException when the text is not an Autodiscover answer */
    public static Answer parse(String xml, EmailAddress address) {
        Element root = Xml.parse(xml).getDocumentElement();
        if (!"Autodiscover".equals(Xml.local(root))) {
            throw new IllegalArgumentException("the root element is <" + Xml.local(root) + ">, not <Autodiscover>");
        }
        List<Element> responses = Xml.children(root, "Response");
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("<Autodiscover> has no <Response>");
        }
        Element response = responses.get(0);
        List<Element> errors = Xml.children(response, "Error");
        if (!errors.isEmpty()) {
            return new Answer.Error("error " + Xml.text(errors.get(0), "ErrorCode") + ": " + Xml.text(errors.get(0), "Message"));
        }
        List<Element> accounts = Xml.children(response, "Account");
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("<Response> has neither <Account> nor <Error>");
        }
        Element account = accounts.get(0);
        String action = String.valueOf(Xml.text(account, "Action")).toLowerCase(Locale.ROOT);
        return switch (action) {
            case "redirecturl" -> new Answer.RedirectUrl(Xml.text(account, "RedirectUrl"));
            case "redirectaddr" -> new Answer.RedirectAddress(Xml.text(account, "RedirectAddr"));
            default -> new Answer.Settings(servers(account, address));
        };
    }

    private static List<ServerSetting> servers(Element account, EmailAddress address) {
        List<ServerSetting> servers = new ArrayList<>();
        for (Element p : Xml.children(account, "Protocol")) {
            String type = String.valueOf(Xml.text(p, "Type")).toUpperCase(Locale.ROOT);
            String ews = Xml.text(p, "EwsUrl");
            if ((type.equals("EXCH") || type.equals("EXPR")) && ews != null && !ews.isEmpty()) {
                URI uri = URI.create(ews);
                if (servers.stream().noneMatch(s -> ews.equals(s.url()))) {
                    servers.add(new ServerSetting(Protocol.EWS, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 443,
                            Security.TLS, null, ews));
                }
                continue;
            }
            Protocol protocol = switch (type) {
                case "IMAP" -> Protocol.IMAP;
                case "POP3" -> Protocol.POP3;
                case "SMTP" -> Protocol.SMTP;
                default -> null;
            };
            String host = Xml.text(p, "Server");
            String port = Xml.text(p, "Port");
            if (protocol == null || host == null || port == null) {
                continue;
            }
            servers.add(new ServerSetting(protocol, host, Integer.parseInt(port), security(p, Integer.parseInt(port)),
                    login(Xml.text(p, "LoginName"), address), null));
        }
        return servers;
    }

    private static Security security(Element p, int port) {
        String encryption = String.valueOf(Xml.text(p, "Encryption")).toUpperCase(Locale.ROOT);
        if (encryption.equals("TLS")) {
            return Security.STARTTLS;
        }
        if (encryption.equals("SSL")) {
            return Security.TLS;
        }
        if ("off".equalsIgnoreCase(Xml.text(p, "SSL"))) {
            return Security.PLAIN;
        }
        return port == 993 || port == 995 || port == 465 ? Security.TLS : Security.STARTTLS;
    }

    /** A login that is the address (or its name part) becomes a pattern, so the answer serves the whole domain. */
    private static String login(String loginName, EmailAddress address) {
        if (loginName != null && loginName.equalsIgnoreCase(address.localPart())) {
            return "%EMAILLOCALPART%";
        }
        return ServerSetting.ADDRESS;
    }
}
