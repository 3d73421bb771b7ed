package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.util.Map;

/** Checks that a document is one complete JSON value, nested no deeper than a bound, with JSON-P's streaming parser. */
public final class JsonDocuments {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonDocuments() {
    }

    /** 400 with the place of the first error when the document is not well-formed JSON or nests deeper than maxDepth. */
    public static void requireWellFormed(byte[] document, int maxDepth) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(document))) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > maxDepth) {
                            throw invalid("nests deeper than " + maxDepth + " levels", parser.getLocation());
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    // reads the number as binders will, so that a number beyond JSON-P's limits is refused here
                    case VALUE_NUMBER -> parser.getBigDecimal();
                    default -> { }
                }
            }
        } catch (JsonParsingException e) {
            throw invalid("is not well-formed JSON", e.getLocation());
        } catch (RuntimeException e) {
            if (e instanceof ApiException) {
                throw e;
            }
            // JSON-P reports an unreadable encoding or a number beyond its limits as a plain JsonException
            throw invalid("is not well-formed JSON", null);
        }
    }

    private static ApiException invalid(String problem, JsonLocation where) {
        String at = where == null ? "" : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
        return ApiException.badRequest("The request body " + problem + at + ".",
                new ErrorMessage.Detail("body", "invalid_value", problem + at));
    }
}
