package org.mailmigrator.ui.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.model.Secret;

/**
 * The account page of one connector in editors and dialogs. Generated from the connector's declared settings
 * unless the connector contributes its own through the {@code org.mailmigrator.ui.connectorPages} extension
 * point. The values it returns use the ids of the declared settings, so the rest of the product (CSV, CLI,
 * validation) understands them.
 */
public interface ConnectorPage {

    Control createControl(Composite parent, ConnectorDescriptor connector, Map<String, String> values);

    /** Values of the settings that are not secret, by setting id. */
    Map<String, String> values();

    /** The account's secret, if one was typed. */
    Optional<Secret> secret();

    /** What is wrong, one line each; empty when the account can be used. */
    List<String> problems();

    void addChangeListener(Runnable listener);
}
