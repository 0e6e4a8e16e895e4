package org.mailmigrator.connector.ews.internal;

import microsoft.exchange.webservices.data.core.PropertyBag;
import microsoft.exchange.webservices.data.core.enumeration.property.PropertyDefinitionFlags;
import microsoft.exchange.webservices.data.core.service.ServiceObject;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;

/**
 * Set-or-clear for the fields a writer manages. On an existing item (bound, so its fields are loaded) a field
 * the source no longer has is deleted — ews-java-api sends DeleteItemField — instead of being left stale;
 * fields never written by this tool are never touched.
 */
final class Fields {
    private Fields() {
    }

    static void set(ServiceObject item, boolean create, PropertyDefinition field, Object value) throws Exception {
        PropertyBag bag = item.getPropertyBag();
        if (value != null) {
            bag.setObjectFromPropertyDefinition(field, value);
        } else if (!create && bag.contains(field) && field.hasFlag(PropertyDefinitionFlags.CanDelete)) {
            bag.setObjectFromPropertyDefinition(field, null);
        }
    }
}
