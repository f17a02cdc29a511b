package io.trinity.web.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.core.activity.ActivityQueries;
import io.trinity.core.activity.ActivityView;
import io.trinity.core.customer.CustomerService;
import io.trinity.core.identity.IdentityStore;
import io.trinity.core.identity.IdentityView;
import io.trinity.core.shared.InvalidInputException;
import io.trinity.core.shared.NotFoundException;
import io.trinity.core.shared.Page;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identities (unmatched queue, manual link) and a customer's activities, newest first. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

    private final IdentityStore identities;
    private final ActivityQueries activities;
    private final CustomerService customers;
    private final JsonMapper json;

    IdentityApiController(IdentityStore identities, ActivityQueries activities, CustomerService customers,
            JsonMapper json) {
        this.identities = identities;
        this.activities = activities;
        this.customers = customers;
        this.json = json;
    }

    record IdentityJson(long id, String network, @Nullable String networkUserId, @Nullable String handle,
            @Nullable String displayName, @Nullable String profileUrl, @Nullable Long followerCount,
            @Nullable Long customerId, @Nullable String linkMethod) {

        static IdentityJson of(IdentityView i) {
            return new IdentityJson(i.id(), i.network(), i.networkUserId(), i.handle(), i.displayName(),
                    i.profileUrl(), i.followerCount(), i.customerId(),
                    i.linkMethod() == null ? null : i.linkMethod().name());
        }
    }

    record IdentityPage(List<IdentityJson> items, @Nullable String next) {
    }

    @GetMapping("/identities")
    IdentityPage identities(@RequestParam(required = false) @Nullable Boolean linked,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String after) {
        Page<IdentityView> page = identities.list(linked, limit, after);
        return new IdentityPage(page.items().stream().map(IdentityJson::of).toList(), page.next());
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record LinkRequest(@Nullable Long customerId) {
    }

    @PostMapping("/identities/{id}/link")
    IdentityJson link(@PathVariable long id, @RequestBody LinkRequest request) {
        if (request.customerId() == null) {
            throw new InvalidInputException("customerId", "is required");
        }
        return IdentityJson.of(identities.linkManually(id, request.customerId()));
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
