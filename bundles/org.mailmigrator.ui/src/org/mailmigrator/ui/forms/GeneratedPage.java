package org.mailmigrator.ui.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.model.Secret;

/** The page every connector gets without UI code: a {@link SettingsForm} of its declared settings. */
public final class GeneratedPage implements ConnectorPage {
    private SettingsForm form;
    private ConnectorDescriptor connector;

    @Override
    public Control createControl(Composite parent, ConnectorDescriptor descriptor, Map<String, String> values) {
        connector = descriptor;
        form = new SettingsForm(parent, descriptor, values);
        return form.control();
    }

    public SettingsForm form() {
        return form;
    }

    @Override
    public Map<String, String> values() {
        return form.values();
    }

    /** The first secret setting's value: the password or token of the account. */
    @Override
    public Optional<Secret> secret() {
        return connector.settings().stream().filter(SettingDescriptor::secret).findFirst()
                .flatMap(s -> form.secret(s.id()));
    }

    @Override
    public List<String> problems() {
        return form.problems();
    }

    @Override
    public void addChangeListener(Runnable listener) {
        form.addChangeListener(listener);
    }
}
