package io.trinity.scoring.web;

import io.trinity.scoring.CustomerValues;
import io.trinity.shared.Page;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/customers?sort=value}: customers ranked by combined value (ties by id), keyset-paged. */
@RestController
@RequestMapping("/api/v1/customers")
class RankedCustomerApiController {

    private final CustomerValues values;

    RankedCustomerApiController(CustomerValues values) {
        this.values = values;
    }

    @GetMapping(params = "sort=value")
    RankedResponse ranked(@RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String after) {
        Page<CustomerValues.Ranked> page = values.ranked(segment, limit, after);
        return new RankedResponse(page.items().stream().map(RankedCustomer::of).toList(), page.next());
    }

    record RankedResponse(List<RankedCustomer> items, @Nullable String next) {
    }

    /** A customer in a ranked list: who they are and their Value TRInity. */
    record RankedCustomer(long id, String externalId, @Nullable String firstName, @Nullable String lastName,
            @Nullable String email, @Nullable String city, @Nullable String country, double combined,
            @Nullable Double transaction, double relationship, double influence, String segment) {

        static RankedCustomer of(CustomerValues.Ranked r) {
            return new RankedCustomer(r.customerId(), r.externalId(), r.firstName(), r.lastName(), r.email(),
                    r.city(), r.country(), r.combined(), r.transaction(), r.relationship(), r.influence(),
                    r.segment());
        }
    }
}
