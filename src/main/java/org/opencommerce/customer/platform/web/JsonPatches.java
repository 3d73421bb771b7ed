package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * RFC 7396 merge patches onto request DTOs: the current state as JSON, patched with JSON-P's {@code JsonMergePatch},
 * read back into the DTO with JSON-B and checked with Bean Validation like any request body.
 */
@ApplicationScoped
public class JsonPatches {

    private Jsonb jsonb;

    @Inject
    Validator validator;

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
    }

    /**
     * The patched DTO; 400 when the patch is not an object or the result breaks the DTO's constraints. The current
     * state is a DTO of the same type, written as JSON by JSON-B (its null fields left out), so that the DTO's fields
     * are the one mapping between the resource's JSON and its entity.
     */
    public <T> T apply(T current, JsonValue patch, Class<T> type) {
        if (patch == null || patch.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        JsonValue currentJson;
        try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(current)))) {
            currentJson = reader.readValue();
        }
        JsonValue patched = Json.createMergePatch(withoutMetadata(patch.asJsonObject())).apply(currentJson);
        T result;
        try {
            result = jsonb.fromJson(patched.toString(), type);
        } catch (JsonbException | JsonException e) {
            throw ApiException.badRequest("The request body does not fit this resource: a field has the wrong type.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            List<ErrorMessage.Detail> details = violations.stream()
                    .map(v -> new ErrorMessage.Detail(v.getPropertyPath().toString(), "invalid_value", v.getMessage()))
                    .sorted(Comparator.comparing(ErrorMessage.Detail::field))
                    .toList();
            throw ApiException.validation("The request is not valid.", details);
        }
        return result;
    }

    /** {@code metadata.version} of a patch, when the client sent one (optimistic locking); else null. */
    public static Long expectedVersion(JsonValue patch) {
        if (patch == null || patch.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue metadata = patch.asJsonObject().get("metadata");
        if (metadata == null || metadata.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue version = metadata.asJsonObject().get("version");
        if (version == null || version.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (version instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                // answered below like any other version that is no integer
            }
        }
        throw ApiException.badRequest("metadata.version must be an integer.");
    }

    private static JsonObject withoutMetadata(JsonObject patch) {
        return patch.containsKey("metadata") ? Json.createObjectBuilder(patch).remove("metadata").build() : patch;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }
}
