package io.trinity.web.customer;

import io.trinity.core.customer.CustomerDetails;
import io.trinity.core.customer.CustomerFilter;
import io.trinity.core.customer.CustomerService;
import io.trinity.core.shared.InvalidInputException;
import io.trinity.core.shared.Page;
import io.trinity.scoring.run.CustomerValues;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers}: create, replace, read and list customers (keyset-paged, opaque cursor). */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

    private final CustomerService customers;
    private final CustomerValues values;

    CustomerApiController(CustomerService customers, CustomerValues values) {
        this.customers = customers;
        this.values = values;
    }

    @PostMapping
    ResponseEntity<CustomerResponse> create(@RequestBody CustomerRequest request) {
        CustomerDetails created = customers.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(CustomerResponse.of(created));
    }

    @PutMapping("/{id}")
    CustomerResponse replace(@PathVariable long id, @RequestBody CustomerRequest request) {
        return CustomerResponse.of(customers.update(id, request.draft()));
    }

    @GetMapping("/{id}")
    CustomerResponse get(@PathVariable long id) {
        return CustomerResponse.of(customers.get(id));
    }

    @GetMapping
    Object list(@RequestParam(required = false) @Nullable String externalId,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String after) {
        if (sort != null && !sort.equals("value") && !sort.equals("id")) {
            throw new InvalidInputException("sort", "sort by 'value' (combined value, highest first) or 'id'");
        }
        if ("value".equals(sort)) {
            Page<CustomerValues.Ranked> page = values.ranked(segment, limit, after);
            return new RankedResponse(page.items().stream().map(RankedCustomer::of).toList(), page.next());
        }
        if (segment != null) {
            throw new InvalidInputException("segment", "filtering by segment needs sort=value");
        }
        Page<CustomerDetails> page = customers.list(new CustomerFilter(externalId, email, q), limit, after);
        return new ListResponse(page.items().stream().map(CustomerResponse::of).toList(), page.next());
    }

    record ListResponse(List<CustomerResponse> items, @Nullable String next) {
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
