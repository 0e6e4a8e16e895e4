package org.mailmigrator.connector.ews.internal;

import java.net.ConnectException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.HostFailures;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

/** ews-java-api's exceptions as typed connector failures: throttled, item refused, login refused, unreachable. */
final class EwsErrors {
    private EwsErrors() {
    }

    /** The HTTP status an exception reports (ews-java-api keeps it in the exception or only in its message), else 0. */
    static int httpStatus(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpErrorException h) {
                return h.getHttpErrorCode();
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d{3})\\)").matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    static ConnectorException translate(Exception e, String what, String login) {
        if (e instanceof ConnectorException c) {
            return c;
        }
        // Microsoft's "Request is throttled. Suggested Backoff Time: N milliseconds" where the fault text comes back
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            var limit = org.mailmigrator.core.spi.LimitAnswers.throttled(what, t.getMessage(), e);
            if (limit.isPresent()) {
                return limit.get();
            }
        }
        if (e instanceof ServiceResponseException r) {
            if (r.getErrorCode() == ServiceError.ErrorServerBusy) {
                String backOff = r.getResponse().getErrorDetails().get("BackOffMilliseconds");
                long millis = backOff != null && backOff.matches("\\d{1,9}") ? Long.parseLong(backOff) : 1000;
                return new ConnectorException.Throttled("Exchange is busy (ErrorServerBusy), back off " + millis + " ms", millis, e);
            }
            return new ConnectorException.ItemFailure(what + ": Exchange refused it with " + r.getErrorCode() + " ("
                    + r.getMessage() + ")", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpErrorException h && h.getHttpErrorCode() == 401) {
                return new ConnectorException.AccountFailure("Exchange refused the login '" + login + "' (HTTP 401)",
                        Reason.AUTHENTICATION, e);
            }
            if (t instanceof UnknownHostException u) {
                // the JDK's message is the name ("HOST" or "HOST: Name or service not known")
                String host = String.valueOf(u.getMessage()).split(":", 2)[0].trim();
                return HostFailures.noSuchHost(host, login, e);
            }
            if (t instanceof ConnectException) {
                return new ConnectorException.AccountFailure("cannot connect: " + t.getMessage(), Reason.CONNECTION, e);
            }
            if (t instanceof SSLException) {
                return new ConnectorException.AccountFailure("TLS failed: " + t.getMessage(), Reason.CONNECTION, e);
            }
            if (String.valueOf(t.getMessage()).contains("(401)")) {
                return new ConnectorException.AccountFailure("Exchange refused the login '" + login + "' (HTTP 401)",
                        Reason.AUTHENTICATION, e);
            }
        }
        return new ConnectorException.TransientFailure(what + " failed: " + e, e);
    }
}
