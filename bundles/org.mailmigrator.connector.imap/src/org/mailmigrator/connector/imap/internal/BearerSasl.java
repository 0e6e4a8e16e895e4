package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;

/**
 * SASL clients for XOAUTH2 (Google, Microsoft) and OAUTHBEARER (RFC 7628), plugged into the JDK's SASL
 * framework, which Angus Mail uses when {@code mail.imap.sasl.enable} is set: the login is Angus's user name, the
 * bearer token its password (renewed for every new connection through the session's authenticator, see
 * {@link BearerLogin}). Registered once per JVM as a security provider that offers only these two mechanisms.
 */
final class BearerSasl {
    static final String PROVIDER = "MailMigratorBearerSasl";

    private BearerSasl() {
    }

    static synchronized void install() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BearerProvider());
        }
    }

    private static final class BearerProvider extends Provider {
        private static final long serialVersionUID = 1L;

        BearerProvider() {
            super(PROVIDER, "1.0", "SASL XOAUTH2 and OAUTHBEARER clients of Mail Migrator");
            for (String mech : new String[] { "XOAUTH2", "OAUTHBEARER" }) {
                putService(new Service(this, "SaslClientFactory", mech, Factory.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object constructorParameter) {
                        return new Factory();
                    }
                });
            }
        }
    }

    static final class Factory implements SaslClientFactory {
        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol,
                String serverName, Map<String, ?> props, CallbackHandler handler) throws SaslException {
            for (String m : mechanisms) {
                if (m.equals("XOAUTH2") || m.equals("OAUTHBEARER")) {
                    return new Client(m, handler, serverName);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[] { "XOAUTH2", "OAUTHBEARER" };
        }
    }

    /**
     * One exchange: the initial response carries user and token; a server that refuses answers with a JSON
     * challenge, to which the client replies as its mechanism says (empty for XOAUTH2, %x01 for OAUTHBEARER) so
     * that the server can end the exchange with NO.
     */
    private static final class Client implements SaslClient {
        private final String mechanism;
        private final CallbackHandler handler;
        private final String host;
        private int step;

        Client(String mechanism, CallbackHandler handler, String host) {
            this.mechanism = mechanism;
            this.handler = handler;
            this.host = host;
        }

        @Override
        public String getMechanismName() {
            return mechanism;
        }

        @Override
        public boolean hasInitialResponse() {
            return true;
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
            if (step++ > 0) {
                return mechanism.equals("OAUTHBEARER") ? new byte[] { 1 } : new byte[0];
            }
            NameCallback name = new NameCallback("user");
            PasswordCallback token = new PasswordCallback("token", false);
            try {
                handler.handle(new Callback[] { name, token });
            } catch (IOException | UnsupportedCallbackException e) {
                throw new SaslException("no user or token for " + mechanism, e);
            }
            char[] t = token.getPassword();
            String bearer = t == null ? "" : new String(t);
            token.clearPassword();
            String text = mechanism.equals("XOAUTH2")
                    ? "user=" + name.getName() + "\u0001auth=Bearer " + bearer + "\u0001\u0001"
                    : "n,a=" + saslName(name.getName()) + ",\u0001host=" + host + "\u0001auth=Bearer " + bearer
                            + "\u0001\u0001";
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** RFC 5801 saslname: ',' and '=' escaped. */
        private static String saslName(String user) {
            return user.replace("=", "=3D").replace(",", "=2C");
        }

        @Override
        public boolean isComplete() {
            return step > 1;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
            throw new IllegalStateException("no security layer");
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
            throw new IllegalStateException("no security layer");
        }

        @Override
        public Object getNegotiatedProperty(String propName) {
            return null;
        }

        @Override
        public void dispose() {
            // nothing held: the token was not kept
        }
    }
}
