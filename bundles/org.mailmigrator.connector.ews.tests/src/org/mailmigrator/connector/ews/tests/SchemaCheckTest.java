package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The fake's check against Microsoft's EWS schema accepts a well-formed request and names what is wrong in others. */
class SchemaCheckTest {
    private static final String HEAD = "<m:SyncFolderItems xmlns:m=\"" + Xml.M + "\" xmlns:t=\"" + Xml.T + "\">";

    @Test
    void aRequestAsTheSchemaDescribesItPasses() throws Exception {
        assertEquals(List.of(), SchemaCheck.errors(parse(HEAD + "<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
                + "<m:SyncFolderId><t:FolderId Id=\"mf-1\"/></m:SyncFolderId><m:SyncState>abc</m:SyncState>"
                + "<m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>")));
    }

    @Test
    void elementsOutOfOrderAnUnknownValueOrAMissingElementAreNamed() throws Exception {
        List<String> order = SchemaCheck.errors(parse(HEAD + "<m:SyncFolderId><t:FolderId Id=\"mf-1\"/></m:SyncFolderId>"
                + "<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:MaxChangesReturned>512</m:MaxChangesReturned>"
                + "</m:SyncFolderItems>"));
        assertTrue(order.size() == 1 && order.get(0).contains("SyncFolderId"), order.toString());
        List<String> value = SchemaCheck.errors(parse(HEAD + "<m:ItemShape><t:BaseShape>Everything</t:BaseShape></m:ItemShape>"
                + "<m:SyncFolderId><t:FolderId Id=\"mf-1\"/></m:SyncFolderId><m:MaxChangesReturned>513</m:MaxChangesReturned>"
                + "</m:SyncFolderItems>"));
        assertTrue(value.stream().anyMatch(e -> e.contains("Everything")) && value.stream().anyMatch(e -> e.contains("513")),
                value.toString());
        List<String> missing = SchemaCheck.errors(parse(HEAD + "<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
                + "<m:SyncFolderId><t:FolderId Id=\"mf-1\"/></m:SyncFolderId></m:SyncFolderItems>"));
        assertTrue(missing.stream().anyMatch(e -> e.contains("MaxChangesReturned")), missing.toString());
    }

    private static Element parse(String xml) throws Exception {
        return Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
