package dev.herd.portal.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads CycloneDX 1.5 and 1.6 XML with {@code cyclonedx-core-java}. The body is first read once with the JDK's StAX
 * reader, DTDs off: a DOCTYPE anywhere is refused before the library sees the document (XXE, entity expansion: Herd
 * does not rely on the JAXP implementation the library finds), malformed XML is a 400, and the root element's
 * namespace gives the spec version. Then it is validated against the spec's XSD bundled in the library, with external
 * DTD and schema access off, and parsed.
 */
final class CycloneDxXmlReader {

    private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final Map<Version, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final XMLInputFactory STAX = stax();

    private CycloneDxXmlReader() {}

    static ParsedSbom read(byte[] body, int maxComponents) {
        String specVersion = specVersion(body);
        Version version = CycloneDxReader.versionOf(specVersion, "XML");
        List<ParseException> errors = validate(body, version);
        if (!errors.isEmpty()) {
            throw SbomProblems.invalid("CycloneDX " + specVersion + " XML", CycloneDxReader.summary(errors));
        }
        Bom bom;
        try {
            bom = new XmlParser().parse(body);
        } catch (ParseException e) {
            throw SbomProblems.invalid("CycloneDX " + specVersion + " XML", e.getMessage());
        }
        return CycloneDxReader.parsed(bom, specVersion, maxComponents);
    }

    /**
     * Reads the whole document with DTDs off and answers the version of its root {@code bom} element's namespace; a
     * DOCTYPE, malformed XML or another root is a 400 problem.
     */
    private static String specVersion(byte[] body) {
        String version = null;
        XMLStreamReader xml = null;
        try {
            xml = STAX.createXMLStreamReader(new ByteArrayInputStream(body));
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw SbomProblems.xmlDoctype();
                }
                if (event == XMLStreamConstants.START_ELEMENT && root) {
                    root = false;
                    String namespace = xml.getNamespaceURI();
                    if (!"bom".equals(xml.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE)) {
                        throw SbomProblems.unknownXmlFormat(
                                (namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}")
                                        + xml.getLocalName());
                    }
                    version = namespace.substring(NAMESPACE.length());
                }
            }
        } catch (XMLStreamException e) {
            throw SbomProblems.notXml(e.getMessage().replace('\n', ' '));
        } finally {
            close(xml);
        }
        if (version == null) {
            throw SbomProblems.notXml("no root element.");
        }
        return version;
    }

    private static List<ParseException> validate(byte[] body, Version version) {
        List<ParseException> errors = new ArrayList<>();
        try {
            Validator validator =
                    SCHEMAS.computeIfAbsent(version, CycloneDxXmlReader::schema).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    errors.add(new ParseException(e.getMessage(), e));
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(new ParseException(e.getMessage(), e));
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(new ParseException(e.getMessage(), e));
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(body)));
        } catch (SAXException | IOException e) {
            if (errors.isEmpty()) {
                errors.add(new ParseException(e.getMessage(), e));
            }
        }
        return errors;
    }

    private static Schema schema(Version version) {
        try {
            return new XmlParser().getXmlSchema(version);
        } catch (SAXException e) {
            throw new IllegalStateException("the CycloneDX " + version + " XSD bundled in cyclonedx-core-java", e);
        }
    }

    /** The JDK's own StAX reader (not whichever is on the class path), with DTDs and external entities off. */
    private static XMLInputFactory stax() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing held open: the reader reads a byte array
            }
        }
    }
}
