/**
 * The lookup order of a detection, one {@code LookupStep} per step: preset, the domain's autoconfig file, MX hosts
 * mapped to a known provider, RFC 6186 SRV records, Exchange Autodiscover (POX), and last the probe of guessed
 * host names, with the parsers of the autoconfig and Autodiscover answers. A step records what it tried in the
 * attempt's trail and never sends credentials.
 * <p>
 * Uses the autodetect API values and {@code org.mailmigrator.autodetect.internal}. Only the detector of this
 * bundle and the autodetect tests ({@code x-friends}) may depend on it.
 */
package org.mailmigrator.autodetect.internal.steps;
