package org.wiredesk.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser set up for documents from outside: no DTD, no external entity, no XInclude, so an agency file
 * (or one posing as one) can neither read a local file nor make the desk fetch an address (ADR 18).
 */
final class SecureXml {
    private SecureXml() {
    }

    /** A namespace-aware DOM of the bytes; the encoding comes from the XML declaration (UTF-8 without one). */
    static Document parse(byte[] content) throws NotIngestibleException {
        try {
            return builder().parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (SAXException e) {
            throw new NotIngestibleException(refusal(e), e);
        } catch (IOException e) {
            throw new NotIngestibleException("its XML could not be read: " + e.getMessage(), e);
        }
    }

    /** The same, for XML already in a string (an NITF body inside a ninjs document). */
    static Document parse(String xml) throws NotIngestibleException {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new NotIngestibleException(refusal(e), e);
        } catch (IOException e) {
            throw new NotIngestibleException("its XML could not be read: " + e.getMessage(), e);
        }
    }

    // the JDK's own parser and transformer, by name: another on the classpath may not know the security settings
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // a DOCTYPE is refused outright: NewsML-G2 and NITF need none, and entities are how XXE gets in
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** Fatal errors become the refusal's sentence; nothing is printed to the console. */
    private static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make the document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static String refusal(SAXException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "it declares a DOCTYPE, which the desk does not read in agency XML (it could reach local files)";
        }
        String where = e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " (line " + p.getLineNumber() + ")" : "";
        return "it is not well-formed XML" + where + ": " + message;
    }

    /** The node as XML bytes (UTF-8), its namespaces declared, for the quarantine. */
    static byte[] bytes(Node node) {
        try {
            TransformerFactory f = TransformerFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("writing a parsed node back as XML cannot fail", e);
        }
    }
}
