/** The vocabulary of the product as plain values: accounts, migrations, batches, item kinds, secrets. */
package org.mailmigrator.core.model;
