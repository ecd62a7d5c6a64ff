package org.wiredesk.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's HTML5 checker) run in-process, set up once and reused for every file: setting up
 * its schemas takes seconds, checking a page milliseconds. Errors only; its warnings are advice.
 */
final class HtmlChecker {
    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator;
    private String current = "";

    HtmlChecker() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // advice ("consider adding a lang attribute"), not an error
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(current + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        try {
            // no log4j set-up of its own, no language detection (a wire body may be in any language)
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, collect);
            validator.setUpValidatorAndParsers(collect, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the Nu Html Checker: " + e, e);
        }
    }

    /** Every error the checker finds in these files, each as "file:line:column: message". */
    List<String> errors(List<Path> files) {
        errors.clear();
        for (Path file : files) {
            current = file.getFileName().toString();
            try {
                validator.checkHtmlFile(file.toFile(), true);
            } catch (Exception e) {
                errors.add(current + ": the checker failed: " + e);
            }
        }
        return List.copyOf(errors);
    }
}
