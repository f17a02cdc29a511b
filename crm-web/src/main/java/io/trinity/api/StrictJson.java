package io.trinity.api;

import io.trinity.shared.FieldError;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one item of a batch on its own, strictly (unknown fields refused), so a bad item can be rejected alone
 * with its reason while the rest of the batch is applied.
 */
@Component
public class StrictJson {

    private final ObjectMapper mapper;

    StrictJson(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** The item, or a field error explaining why it cannot be read. */
    public <T> Result<T> read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return new Result<>(null, new FieldError("item", "is null"));
        }
        if (!node.isObject()) {
            return new Result<>(null, new FieldError("item", "must be a JSON object"));
        }
        try {
            return new Result<>(mapper.treeToValue(node, type), null);
        } catch (JacksonException e) {
            return new Result<>(null, JsonErrors.describe(e));
        }
    }

    public String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    /** Either a value or the error that prevented reading it. */
    public record Result<T>(T value, FieldError error) {
    }
}
