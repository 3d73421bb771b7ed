package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the typed path and query parameters ({@link WholeNumber}, {@link Flag}, enums): a value that does not convert
 * is the spec's 400 {@code ErrorMessage} naming the parameter, as a bad {@code q} is. JAX-RS answers a failed
 * conversion to {@code int}, {@code boolean} or an enum with 404 (or reads "maybe" as false), so resources declare
 * these types instead. The refusal travels as a {@link BadRequestException} (which JAX-RS does not turn into a 404)
 * carrying the {@link ApiException} that {@link ErrorMapper} answers.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == WholeNumber.class) {
            Range range = find(annotations, Range.class);
            return (ParamConverter<T>) new Converter<>(name, value -> wholeNumber(name, value, range));
        }
        if (rawType == Flag.class) {
            return (ParamConverter<T>) new Converter<>(name, value -> flag(name, value));
        }
        if (rawType.isEnum()) {
            return new Converter<>(name, value -> (T) constant(name, value, (Class) rawType));
        }
        return null;
    }

    static WholeNumber wholeNumber(String name, String value, Range range) {
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
        if (range != null && (number < range.min() || number > range.max())) {
            throw invalid(name, range.max() == Long.MAX_VALUE ? "is at least " + range.min()
                    : "is " + range.min() + " to " + range.max());
        }
        return new WholeNumber(number);
    }

    static Flag flag(String name, String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return new Flag(Boolean.parseBoolean(text));
        }
        throw invalid(name, "must be true or false");
    }

    static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw invalid(name, "is one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The 400 for a parameter value that does not convert, in the shape of the other invalid parameters. */
    static BadRequestException invalid(String name, String rule) {
        ApiException refusal = ApiException.validation("The parameter " + name + " is not valid: " + rule + ".",
                List.of(new ErrorMessage.Detail(name, "invalid_value", rule)));
        return new BadRequestException(refusal.getMessage(), ErrorResponses.response(refusal), refusal);
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof FormParam form) {
                return form.value();
            }
            if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
            if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return "parameter";
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    /** Converts with the given reading; writes back with toString (enums by their lower-case name). */
    private record Converter<T>(String name, Function<String, T> reading) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " has no value");
            }
            return reading.apply(value);
        }

        @Override
        public String toString(T value) {
            if (value instanceof WholeNumber number) {
                return String.valueOf(number.value());
            }
            if (value instanceof Flag flag) {
                return String.valueOf(flag.value());
            }
            return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
        }
    }
}
