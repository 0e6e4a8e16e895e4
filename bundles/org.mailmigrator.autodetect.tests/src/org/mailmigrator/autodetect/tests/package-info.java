/**
 * Tests of server settings detection against real protocol endpoints on loopback: an in-process DNS responder (MX,
 * SRV, TXT), an HTTPS responder with a test CA made by keytool (autoconfig, Autodiscover, redirects), and greeting
 * servers for the probes; one test class per lookup step plus order, batch and input tests.
 * <p>
 * Uses the autodetect API and, as a friend, its internal packages; nothing may depend on this package.
 */
package org.mailmigrator.autodetect.tests;
