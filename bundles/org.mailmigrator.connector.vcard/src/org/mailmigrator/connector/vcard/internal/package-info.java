/**
 * Reading {@code .vcf} files into contacts with ez-vcard: a file is decoded line by line (vCard 2.1 names a
 * charset per value), cards are cut apart before parsing so a broken card is reported with its line and the others
 * migrate, cards that would arrive damaged are refused, and what a card needs for vCard 3.0/4.0 (an FN, Outlook's
 * photo) is repaired and said in its notes.
 * <p>
 * Uses ez-vcard and the core pim and model packages. This bundle has no tests bundle of its own; it is exported
 * ({@code x-friends}) to {@code connector.dav.tests}, where contacts are tested end to end; no production bundle
 * may use it.
 */
package org.mailmigrator.connector.vcard.internal;
