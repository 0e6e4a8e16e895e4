package org.mailmigrator.autodetect;

/**
 * Asks whether a host outside the address's domain may be trusted with the account's credentials later: an
 * autoconfig or Autodiscover redirect to another domain, or an SRV record whose target is in another domain.
 * Thunderbird asks the same question; without a yes, the detector does not use that answer. The command line
 * answers from its --trust-redirects flag; the workbench asks the person.
 */
@FunctionalInterface
public interface RedirectConfirmation {

    /** Refuses every host outside the address's domain: the safe default. */
    RedirectConfirmation REFUSE = (address, targetHost, why) -> false;

    /** Trusts every redirect; only for an administrator who said so. */
    RedirectConfirmation TRUST = (address, targetHost, why) -> true;

    /**
     * @param address    whose settings are being detected
     * @param targetHost the host outside the address's domain
     * @param why        what points there, e.g. "autoconfig redirect from https://a.example/... to https://b.example/..."
     * @return true to use the answer from that host
     */
    boolean trust(EmailAddress address, String targetHost, String why);
}
