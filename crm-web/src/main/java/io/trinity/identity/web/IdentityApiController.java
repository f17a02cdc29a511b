package io.trinity.identity.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.customer.CustomerService;
import io.trinity.identity.IdentityStore;
import io.trinity.identity.IdentityView;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
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

/** Identities: the queue of those not linked to a customer yet, and linking one by hand. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

    private final IdentityStore identities;

    IdentityApiController(IdentityStore identities) {
        this.identities = identities;
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
}
