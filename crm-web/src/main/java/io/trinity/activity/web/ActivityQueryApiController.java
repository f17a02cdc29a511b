package io.trinity.activity.web;

import io.trinity.activity.ActivityQueries;
import io.trinity.activity.ActivityView;
import io.trinity.customer.CustomerService;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer's activities over the API, newest first. */
@RestController
@RequestMapping("/api/v1")
class ActivityQueryApiController {

    private final ActivityQueries activities;
    private final CustomerService customers;
    private final JsonMapper json;

    ActivityQueryApiController(ActivityQueries activities, CustomerService customers, JsonMapper json) {
        this.activities = activities;
        this.customers = customers;
        this.json = json;
    }

    record ActivityJson(long id, String network, String externalId, String type, Instant occurredAt,
            @Nullable String text, @Nullable JsonNode metrics, @Nullable String sentiment,
            @Nullable Long actorIdentityId, @Nullable String actorHandle, @Nullable Long targetCustomerId,
            @Nullable String targetPostId, @Nullable String targetStoreId) {
    }

    record ActivityPage(List<ActivityJson> items, @Nullable String next) {
    }

    @GetMapping("/customers/{id}/activities")
    ActivityPage activities(@PathVariable long id, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String after) {
        if (!customers.exists(id)) {
            throw new NotFoundException("no customer with id " + id);
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        Page<ActivityView> page = activities.byCustomer(id, limit, after);
        return new ActivityPage(page.items().stream().map(a -> new ActivityJson(a.id(), a.network(), a.externalId(),
                a.type().name(), a.occurredAt(), a.text(), a.metricsJson() == null ? null : json.readTree(a.metricsJson()),
                a.sentiment() == null ? null : a.sentiment().name(), a.actorIdentityId(), a.actorHandle(),
                a.targetCustomerId(), a.targetPostId(), a.targetStoreId())).toList(), page.next());
    }
}
