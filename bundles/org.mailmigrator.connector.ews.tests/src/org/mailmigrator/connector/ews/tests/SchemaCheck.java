package org.mailmigrator.connector.ews.tests;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates what the connector sends against Microsoft's EWS schema ({@code schema/messages.xsd} and
 * {@code schema/types.xsd} of this bundle, unchanged; see the README there): the operation element of the SOAP
 * body and the {@code RequestServerVersion} header. The schema is compiled once for the whole test run (under a second).
 */
final class SchemaCheck {
    private static final Schema SCHEMA = compile();

    private SchemaCheck() {
    }

    private static Schema compile() {
        try {
            URL messages = SchemaCheck.class.getResource("/schema/messages.xsd");
            if (messages == null) {
                throw new IllegalStateException("schema/messages.xsd is missing from the tests bundle");
            }
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // Microsoft's types.xsd breaks the Unique Particle Attribution rule (AbsoluteDateTransition among the
            // transitions); Exchange compiles it without that check, and so does this validator. Documents are still
            // checked element by element against every type.
            f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            return f.newSchema(messages);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The schema's complaints about one element of a request (empty when it is valid). */
    static List<String> errors(Element element) {
        List<String> errors = new ArrayList<>();
        Validator v = SCHEMA.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(element.getLocalName() + " does not follow Microsoft's EWS schema: " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            v.validate(new DOMSource(element));
        } catch (Exception e) {
            if (errors.isEmpty()) {
                errors.add(element.getLocalName() + " could not be validated: " + e.getMessage());
            }
        }
        return errors;
    }
}
