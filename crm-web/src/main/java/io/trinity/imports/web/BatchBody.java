package io.trinity.imports.web;

import io.trinity.shared.BatchCollector;
import io.trinity.shared.InvalidInputException;
import io.trinity.api.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A batch body is a bare JSON array of at most 10,000 items. The body as a whole is refused (400) only when it is
 * not such an array; each unreadable item is rejected alone and left as a null placeholder.
 */
final class BatchBody {

    static final int MAX_ITEMS = 10_000;

    private BatchBody() {
    }

    static <I, D> List<D> read(JsonNode body, Class<I> itemType, Function<I, D> toDraft, StrictJson json,
            BatchCollector batch) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of items");
        }
        if (body.size() > MAX_ITEMS) {
            throw new InvalidInputException("body", "has " + body.size() + " items; a batch holds at most "
                    + MAX_ITEMS);
        }
        List<D> drafts = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            StrictJson.Result<I> item = json.read(body.get(i), itemType);
            if (item.error() != null) {
                batch.reject(i, item.error().field(), item.error().message());
                drafts.add(null);
            } else {
                drafts.add(toDraft.apply(item.value()));
            }
        }
        return drafts;
    }
}
