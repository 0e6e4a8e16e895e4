/**
 * The embedded H2 implementation of {@link org.mailmigrator.core.pim.PimState}: one row per item key, written only
 * after the destination accepted the item, so a run that dies in between writes that item again and the
 * destination writers, which find an item again by its UID, keep it from being duplicated. (Being redesigned in
 * issue 13: one journal and one state store for mail and calendars/contacts.)
 * <p>
 * Reached only through {@code PimState.openEmbedded}; uses the core pim package and H2. Exported only to the
 * core's tests ({@code x-friends}).
 */
package org.mailmigrator.core.internal.pim;
