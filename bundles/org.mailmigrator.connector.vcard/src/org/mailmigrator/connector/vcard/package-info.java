/**
 * The vCard file connector as declared in this bundle's plugin.xml: {@code VcardConnector}, a source of contacts
 * read from {@code .vcf} files or folders.
 * <p>
 * The only public entry of the bundle; it extends the core's {@link org.mailmigrator.core.pim.FileSourceConnector}
 * over the reader in {@code org.mailmigrator.connector.vcard.internal}.
 */
package org.mailmigrator.connector.vcard;
