package org.mailmigrator.connector.ews.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.mailmigrator.testing.LoopbackHttp;
import org.w3c.dom.Element;

/**
 * A PROTOCOL FAKE of an Exchange server's EWS endpoint, because no EWS server can run in a test: a loopback
 * HTTP endpoint that accepts the SOAP operations the connector uses (GetFolder, FindFolder, CreateFolder,
 * CreateItem, FindItem, GetItem with occurrences, UpdateItem, DeleteItem, CreateAttachment, DeleteAttachment), validates
 * each request against Microsoft's EWS schema ({@link SchemaCheck}) and checks what the schema cannot say (the
 * message shapes of {@link EwsShapes} and {@link MailShapes}: SaveOnly, SendToNone, field order...), stores the items, and answers as Exchange does: a 401 Basic
 * challenge to a request without credentials, ErrorServerBusy with a BackOffMilliseconds on demand, item
 * errors on demand. As a mail source it serves seeded messages (FindItem paged at {@link FakeMail#maxPage}, GetItem
 * with MimeContent, SyncFolderItems from a change clock: {@link FakeSync}), its folder tree (SyncFolderHierarchy:
 * {@link FakeHierarchy}), refuses sync calls of a mailbox above a limit as Exchange Online does ({@link FakeThrottle}), records each request's ExchangeImpersonation header and, with {@link #checkResponses}, validates
 * its own answers against the schema too. It is not Exchange: it does not expand recurrences or check every schema rule.
 */
final class EwsProtocolFake implements AutoCloseable {
    private final LoopbackHttp http;
    private final String authorization;
    final FakeMailbox mailbox = new FakeMailbox();
    final FakeMail mail = new FakeMail();
    /** The calendar/contacts source part: empty (and silent) until a test seeds it. */
    final FakePimSource pim = new FakePimSource();
    private volatile int dropAtMessage;
    private volatile Cut cut;
    /** Requests with a bigger body are answered 413, as IIS does above its maxRequestLength. */
    volatile int maxRequestBytes = Integer.MAX_VALUE;
    final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> operations = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile int challenges;
    private volatile int busy;
    private volatile long backOff;
    private volatile long busySince;
    final List<Long> waitsAfterBusy = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> refusedSubjects = ConcurrentHashMap.newKeySet();
    /** When set, every answer's operation element is validated against the schema too (violations name it "response"). */
    volatile boolean checkResponses;
    /** The SMTP address of each request's ExchangeImpersonation header (null for a request without one), in order. */
    final List<String> impersonated = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile int busyReads;
    /** Called as each request arrives, before it is answered (a test may hold it there). */
    volatile Runnable onRequest;

    /** With OAuth2: whether a bearer token is one the authorization server issued for Exchange (null: Basic only). */
    private final Predicate<String> bearer;
    /** Each request's bearer token (OAuth2 fakes), in order. */
    final List<String> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Each request's X-AnchorMailbox header (null when absent), in order. */
    final List<String> anchors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The mailbox each DistinguishedFolderId of a request names ({@code <t:Mailbox>}, Full Access), "own" without one. */
    final List<String> distinguished = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile int refuseTokens;
    /** Exchange Online's limit of concurrent sync calls per mailbox, and what the fake saw of them. */
    final FakeThrottle throttle = new FakeThrottle();

    EwsProtocolFake(String login, String password) throws Exception {
        authorization = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        bearer = null;
        http = new LoopbackHttp(this::handle);
    }

    /**
     * A fake that accepts only {@code Authorization: Bearer} tokens that {@code valid} accepts (the test checks them
     * against its authorization server's signing keys), answering 401 with a Bearer challenge otherwise, as Exchange
     * Online does.
     */
    EwsProtocolFake(Predicate<String> valid) throws Exception {
        authorization = null;
        bearer = valid;
        http = new LoopbackHttp(this::handle);
    }

    /** The next {@code n} requests with a valid token are answered 401 all the same (a token revoked or expired early). */
    void refuseTokens(int n) {
        refuseTokens = n;
    }

    String url() {
        return url("127.0.0.1");
    }

    /** The endpoint's URL under another name of this machine's loopback address (2130706433, localhost...). */
    String url(String host) {
        return "http://" + host + ":" + http.port() + "/EWS/Exchange.asmx";
    }

    /** The next {@code times} CreateItem requests answer ErrorServerBusy asking to wait {@code millis}. */
    void busy(int times, long millis) {
        backOff = millis;
        busy = times;
    }

    /** The next {@code times} mail (or calendar/contacts source) GetItem requests answer ErrorServerBusy asking to wait {@code millis}. */
    void busyReads(int times, long millis) {
        backOff = millis;
        busyReads = times;
    }

    /** What happens once a CreateItem has stored the chosen message, before it answers. */
    interface Cut {
        void now() throws LoopbackHttp.Drop;
    }

    /**
     * The CreateItem request that stores the {@code n}-th message of the fake's life stores it (and the rest of
     * its request), then the connection is closed without an answer: the client cannot know what was stored.
     */
    void dropAfterMessage(int n) {
        cutAfterMessage(n, () -> {
            throw new LoopbackHttp.Drop();
        });
    }

    /** Runs {@code cut} (e.g. kills the client's process) once the {@code n}-th message is stored, before answering. */
    void cutAfterMessage(int n, Cut cut) {
        this.cut = cut;
        dropAtMessage = n;
    }

    private LoopbackHttp.Response handle(LoopbackHttp.Request r) throws Exception {
        Runnable hook = onRequest;
        if (hook != null) {
            hook.run();
        }
        if (!r.method().equals("POST") || !r.path().equals("/EWS/Exchange.asmx")) {
            return new LoopbackHttp.Response(404, Map.of(), "not found");
        }
        if (bearer != null) {
            String given = r.headers().getOrDefault("authorization", "");
            String token = given.startsWith("Bearer ") ? given.substring(7) : null;
            tokens.add(token);
            anchors.add(r.headers().get("x-anchormailbox"));
            if (token == null || !bearer.test(token) || refuseTokens > 0 && refuseTokens-- > 0) {
                challenges++;
                return new LoopbackHttp.Response(401, Map.of("WWW-Authenticate", "Bearer authorization_uri=\"https://login."
                        + "microsoftonline.com/common/oauth2/authorize\", error=\"invalid_token\""), "");
            }
        } else if (!authorization.equals(r.headers().get("authorization"))) {
            challenges++;
            return new LoopbackHttp.Response(401, Map.of("WWW-Authenticate", "Basic realm=\"127.0.0.1\""), "");
        }
        if (r.body().length > maxRequestBytes) {
            return new LoopbackHttp.Response(413, Map.of("Content-Type", "text/html"), "<html>Request Entity Too Large</html>");
        }
        if (!r.headers().getOrDefault("content-type", "").startsWith("text/xml")) {
            violations.add("Content-Type is not text/xml: " + r.headers().get("content-type"));
        }
        Element envelope = Xml.parse(r.body());
        Element body = Xml.child(envelope, "Body").orElseThrow();
        Element op = Xml.children(body).get(0);
        operations.add(op.getLocalName());
        org.w3c.dom.NodeList ids = op.getElementsByTagNameNS("*", "DistinguishedFolderId");
        for (int i = 0; i < ids.getLength(); i++) {
            distinguished.add(Xml.find((Element) ids.item(i), "EmailAddress").map(Element::getTextContent).orElse("own"));
        }
        if (busySince > 0) {
            waitsAfterBusy.add(System.currentTimeMillis() - busySince);
            busySince = 0;
        }
        Xml.find(envelope, "RequestServerVersion").ifPresentOrElse(v -> {
            violations.addAll(SchemaCheck.errors(v));
            if (!v.getAttribute("Version").startsWith("Exchange2010")) {
                violations.add("RequestServerVersion " + v.getAttribute("Version"));
            }
        }, () -> violations.add(op.getLocalName() + " without RequestServerVersion header"));
        violations.addAll(SchemaCheck.errors(op));
        Optional<Element> impersonation = Xml.find(envelope, "ExchangeImpersonation");
        impersonation.ifPresent(i -> violations.addAll(SchemaCheck.errors(i)));
        String who = impersonation.flatMap(i -> Xml.find(i, "SmtpAddress")).map(Element::getTextContent).orElse(null);
        impersonated.add(who);
        // sync calls of one mailbox in flight at once, refused above the limit as Exchange Online's ConcurrentSyncCalls
        String mailboxKey = who == null ? "own" : who;
        boolean sync = FakeThrottle.SYNC.contains(op.getLocalName());
        String answer = sync ? throttle.enter(mailboxKey, op.getLocalName()) : null;
        boolean refused = answer != null;
        try {
            if (!refused) {
                answer = pim.concerns(op) ? (op.getLocalName().equals("GetItem") && busyReads > 0 ? busyRead() : pim.answer(op))
                        : FakeMail.concerns(op) ? mail(op) : switch (op.getLocalName()) {
                    case "GetFolder" -> mailbox.getFolder(op);
                    case "FindFolder" -> mailbox.findFolder(op);
                    case "CreateFolder" -> mailbox.createFolder(op);
                    case "CreateItem" -> createItem(op);
                    case "FindItem" -> mailbox.findItem(op);
                    case "GetItem" -> mailbox.getItem(op);
                    case "UpdateItem" -> mailbox.updateItem(op, violations);
                    case "DeleteItem" -> mailbox.deleteItem(op, violations);
                    case "CreateAttachment" -> mailbox.attachments.create(op, violations);
                    case "DeleteAttachment" -> mailbox.attachments.delete(op, violations);
                    default -> {
                        violations.add("unexpected operation " + op.getLocalName());
                        yield Xml.response(op.getLocalName(), Xml.error(op.getLocalName(), "ErrorInvalidRequest", "not supported by the fake", null));
                    }
                };
            }
        } finally {
            if (sync && !refused) {
                throttle.leave(mailboxKey);
            }
        }
        if (checkResponses) {
            Element answered = Xml.children(Xml.child(Xml.parse(answer.getBytes(StandardCharsets.UTF_8)), "Body").orElseThrow()).get(0);
            SchemaCheck.errors(answered).forEach(e -> violations.add("response: " + e));
        }
        return new LoopbackHttp.Response(200, Map.of("Content-Type", "text/xml; charset=utf-8"), answer);
    }

    private String createItem(Element op) {
        List<Element> items = Xml.child(op, "Items").map(Xml::children).orElse(List.of());
        violations.addAll(EwsShapes.createItem(op, items));
        if (busy > 0) {
            busy--;
            busySince = System.currentTimeMillis();
            return Xml.response("CreateItem", Xml.error("CreateItem", "ErrorServerBusy", "The server cannot service this request right now.",
                    "<t:Value Name=\"BackOffMilliseconds\">" + backOff + "</t:Value>"));
        }
        StringBuilder messages = new StringBuilder();
        for (Element item : items) {
            String subject = Xml.text(item, "Subject");
            if (subject != null && refusedSubjects.contains(subject)) {
                messages.append(Xml.error("CreateItem", "ErrorInvalidValueForProperty", "The value is invalid for property.", null));
                continue;
            }
            messages.append(Xml.success("CreateItem", "<m:Items>" + mailbox.store(op, item) + "</m:Items>"));
        }
        return Xml.response("CreateItem", messages.toString());
    }

    private String mail(Element op) throws LoopbackHttp.Drop {
        return switch (op.getLocalName()) {
            case "GetFolder" -> mail.folders.getFolder(op);
            case "FindFolder" -> mail.folders.findFolder(op, violations);
            case "CreateFolder" -> mail.folders.createFolder(op, violations);
            case "UpdateFolder" -> mail.folders.updateFolder(op);
            case "CreateItem" -> createMessages(op);
            case "FindItem" -> mail.findItem(op);
            case "GetItem" -> busyReads > 0 ? busyRead() : mail.getItem(op);
            case "UpdateItem" -> mail.updateItem(op, violations);
            case "DeleteItem" -> mail.deleteItem(op);
            case "SyncFolderItems" -> mail.syncFolderItems(op);
            case "SyncFolderHierarchy" -> mail.folders.hierarchy.answer(op, violations);
            default -> {
                violations.add("unexpected operation on mail " + op.getLocalName());
                yield Xml.response(op.getLocalName(), Xml.error(op.getLocalName(), "ErrorInvalidRequest", "not supported by the fake", null));
            }
        };
    }

    private String busyRead() {
        busyReads--;
        busySince = System.currentTimeMillis();
        return Xml.response("GetItem", Xml.itemError("GetItem", "ErrorServerBusy", "The server cannot service this request right now.",
                "<t:Value Name=\"BackOffMilliseconds\">" + backOff + "</t:Value>"));
    }

    private String createMessages(Element op) throws LoopbackHttp.Drop {
        List<Element> items = Xml.child(op, "Items").map(Xml::children).orElse(List.of());
        List<String> wrong = MailShapes.createItem(op, items);
        violations.addAll(wrong);
        if (!wrong.isEmpty()) {
            return Xml.response("CreateItem", Xml.error("CreateItem", "ErrorInvalidRequest", "refused by the fake: " + wrong, null));
        }
        if (busy > 0) {
            busy--;
            busySince = System.currentTimeMillis();
            return Xml.response("CreateItem", Xml.error("CreateItem", "ErrorServerBusy", "The server cannot service this request right now.",
                    "<t:Value Name=\"BackOffMilliseconds\">" + backOff + "</t:Value>"));
        }
        int before = mail.messages.size();
        String answer = mail.createItem(op, items);
        if (dropAtMessage > 0 && before < dropAtMessage && mail.messages.size() >= dropAtMessage) {
            dropAtMessage = 0;
            cut.now();
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        http.close();
    }
}
