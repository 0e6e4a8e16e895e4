/**
 * The network tools and parsers behind {@link org.mailmigrator.autodetect.Detector}: one detection in progress
 * with its trail ({@code Attempt}), DNS questions through dnsjava ({@code Dns}), HTTPS with hop-by-hop checked
 * redirects ({@code Https}), the provider preset parser, and a DOM parser closed to DTDs and external entities
 * ({@code Xml}), since autoconfig answers come from strangers.
 * <p>
 * Uses the autodetect API package and the core registry; no UI and no connector. Only this bundle and its tests
 * ({@code x-friends}) may use it: other bundles go through {@code org.mailmigrator.autodetect}.
 */
package org.mailmigrator.autodetect.internal;
