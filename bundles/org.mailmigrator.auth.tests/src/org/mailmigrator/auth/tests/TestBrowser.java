package org.mailmigrator.auth.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.testing.MockOAuth2Server;

/**
 * What a person's browser does in the interactive sign-in: opens the sign-in page, submits the authorization
 * server's login form as {@code user}, follows the redirect to the application's loopback address. On a thread
 * of its own, as a real browser is another process.
 */
final class TestBrowser implements LoopbackSignIn.Browser {
    private final String user;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    volatile URI redirect;

    TestBrowser(String user) {
        this.user = user;
    }

    @Override
    public void open(URI page) {
        Thread t = new Thread(() -> {
            try {
                redirect = MockOAuth2Server.logIn(page, user);
                HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(redirect).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!done.body().contains("You can close this tab")) {
                    throw new IllegalStateException("the loopback page said: " + done.body());
                }
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, "test-browser");
        t.setDaemon(true);
        t.start();
    }
}
