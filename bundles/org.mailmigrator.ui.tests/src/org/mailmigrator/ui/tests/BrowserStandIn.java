package org.mailmigrator.ui.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.testing.MockOAuth2Server;

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
                URI redirect = MockOAuth2Server.logIn(page, user);
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, "browser-stand-in");
        t.setDaemon(true);
        t.start();
    }
}
