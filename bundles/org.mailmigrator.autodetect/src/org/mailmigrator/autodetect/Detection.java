package org.mailmigrator.autodetect;

import java.util.List;
import java.util.Optional;

/** The outcome of detecting one address's server settings. */
public sealed interface Detection {

    /** What was asked for, as given. */
    String input();

    /** Every attempt, in order. */
    List<Step> trail();

    /**
     * Settings were found by {@code source}. {@code provider} is set when they belong to a known provider
     * (whose {@code advice} then says how to log in).
     */
    record Found(EmailAddress address, Source source, Confidence confidence, Optional<ProviderPreset> provider,
            List<ServerSetting> servers, List<String> advice, List<Step> trail) implements Detection {
        public Found {
            servers = List.copyOf(servers);
            advice = List.copyOf(advice);
            trail = List.copyOf(trail);
        }

        @Override
        public String input() {
            return address.toString();
        }

        /** The first server of a protocol, in the order of preference of the source. */
        public Optional<ServerSetting> server(Protocol protocol) {
            return servers.stream().filter(s -> s.protocol() == protocol).findFirst();
        }

        /** The same settings for another address of the same domain (logins are patterns). */
        public Found forAddress(EmailAddress other) {
            return new Found(other, source, confidence, provider, servers, advice, trail);
        }
    }

    /** Every step was tried; none found settings. */
    record NotFound(EmailAddress address, List<Step> trail) implements Detection {
        public NotFound {
            trail = List.copyOf(trail);
        }

        @Override
        public String input() {
            return address.toString();
        }

        public NotFound forAddress(EmailAddress other) {
            return new NotFound(other, trail);
        }
    }

    /** The input is not an e-mail address; nothing was tried. */
    record Invalid(String input, String message) implements Detection {
        @Override
        public List<Step> trail() {
            return List.of();
        }
    }
}
