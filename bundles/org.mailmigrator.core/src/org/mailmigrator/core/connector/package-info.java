/** The connectors installed in this runtime, as declared through the {@code connectors} extension point. */
package org.mailmigrator.core.connector;
