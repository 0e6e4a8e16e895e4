package org.mailmigrator.cli.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the product name, this bundle's version, and the Java running it. */
public final class BundleVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Bundle bundle = FrameworkUtil.getBundle(BundleVersion.class);
        String version = bundle == null ? "unknown (not running in OSGi)" : bundle.getVersion().toString();
        return new String[] { "Mail Migrator Workbench " + version,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")" };
    }
}
