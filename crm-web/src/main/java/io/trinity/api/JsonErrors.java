package io.trinity.api;

import io.trinity.shared.FieldError;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Plain-language descriptions of JSON reading failures, naming the field (e.g. {@code actor.customerId}). */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static FieldError describe(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path.isEmpty() ? unknown.getPropertyName() : path;
            return new FieldError(field, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof NulFreeStringDeserializer.NulInText) {
            return new FieldError(path.isEmpty() ? "body" : path, "contains a NUL character");
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            String property = read.getOriginalMessage().replaceFirst("^Duplicate Object property ", "");
            return new FieldError(path.isEmpty() ? "body" : path, "names the field " + shorten(property) + " twice");
        }
        if (e instanceof InvalidFormatException format) {
            return new FieldError(path, "'" + shorten(String.valueOf(format.getValue())) + "' is not a valid "
                    + simpleType(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(path.isEmpty() ? "body" : path, "has the wrong type; expected "
                    + simpleType(mismatch.getTargetType()));
        }
        return new FieldError(path.isEmpty() ? "body" : path, "is not valid JSON");
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isRecord()) {
            return "object";
        }
        return type.getSimpleName();
    }
}
