/**
 * Reading {@code .ics} files into items, one UID (master and overrides, with the time zones they use) at a time:
 * the document is split into components before parsing so a broken one costs only itself and every error names its
 * line; exporters' unambiguous mistakes are repaired and said in the item's notes; dates that do not exist are
 * refused; duplicate UIDs are merged; time zone ids are resolved to IANA names.
 * <p>
 * Uses ical4j and the core pim, model and SPI packages. This bundle has no tests bundle of its own: it is exported
 * ({@code x-friends}) to {@code connector.dav.tests} and {@code connector.ews.tests}, which read files with it; no
 * production bundle may use it.
 */
package org.mailmigrator.connector.ical.internal;
