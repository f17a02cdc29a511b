package io.trinity.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every JSON string the API reads: a NUL character ({@code \u0000}) is refused where it is read, naming the field,
 * because PostgreSQL cannot store it in text and would otherwise fail the request deep in a query.
 */
class NulFreeStringDeserializer extends StringDeserializer {

    /** A string that holds a NUL character. */
    static final class NulInText extends InvalidFormatException {
        NulInText(JsonParser p, String value) {
            super(p, "contains a NUL character", value, String.class);
        }
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulInText(p, value);
        }
        return value;
    }
}
