package org.mailmigrator.ui.tests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.auth.LoopbackSignIn;

/**
 * What the person's system browser does when the workbench opens the sign-in page: submits the authorization
 * server's login form as {@code user} and follows its redirect to the workbench's loopback address. On a thread of
 * its own, as a browser is another process.
 */
final class BrowserStandIn implements LoopbackSignIn.Browser {
    private final String user;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    volatile URI opened;

    BrowserStandIn(String user) {
        this.user = user;
    }

    @Override
    public void open(URI page) {
        opened = page;
        Thread t = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> form = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
                if (!form.body().contains("name=\"username\"")) {
                    throw new IllegalStateException("no login form at the sign-in page: " + form.statusCode());
                }
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(page)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user,
                                StandardCharsets.UTF_8) + "&claims=")).build(), HttpResponse.BodyHandlers.ofString());
                URI redirect = URI.create(posted.headers().firstValue("Location").orElseThrow(
                        () -> new IllegalStateException("the login form did not redirect: " + posted.statusCode())));
                http.send(HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, "browser-stand-in");
        t.setDaemon(true);
        t.start();
    }
}
