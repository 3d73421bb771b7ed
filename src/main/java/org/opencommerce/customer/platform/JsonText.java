package org.opencommerce.customer.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;

/** Free-form JSON objects (mixins) as they are stored: text in, JSON-P object out. */
public final class JsonText {

    private JsonText() {
    }

    public static JsonObject objectOrEmpty(String json) {
        if (json == null || json.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static void putIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    public static String textOf(JsonObject object) {
        return object == null ? null : object.toString();
    }
}
