package org.mailmigrator.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;

/** A handler told what to do by its declaration: {@code class="...Handler:data"} in plugin.xml. */
abstract class DataHandler extends AbstractHandler implements IExecutableExtension {
    private String data;

    @Override
    public final void setInitializationData(IConfigurationElement config, String propertyName, Object value) {
        data = String.valueOf(value);
    }

    final String data() {
        return data;
    }
}
