package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.forms.ConnectorPage;

/** A contributed account page, as a connector with special needs would write one. */
public final class AddressBookPage implements ConnectorPage {
    private Text url;
    private final List<Runnable> listeners = new ArrayList<>();

    @Override
    public Control createControl(Composite parent, ConnectorDescriptor connector, Map<String, String> values) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        new Label(page, SWT.NONE).setText("Address book URL");
        url = new Text(page, SWT.BORDER);
        url.setData("custom", "url");
        url.addListener(SWT.Modify, e -> listeners.forEach(Runnable::run));
        return page;
    }

    Text url() {
        return url;
    }

    @Override
    public Map<String, String> values() {
        return Map.of("url", url.getText());
    }

    @Override
    public Optional<Secret> secret() {
        return Optional.empty();
    }

    @Override
    public List<String> problems() {
        return url.getText().startsWith("https://") ? List.of() : List.of("The address book URL starts with https://");
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }
}
