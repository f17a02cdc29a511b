package io.trinity.customer.web;

import io.trinity.customer.CustomerDetails;
import io.trinity.customer.CustomerFilter;
import io.trinity.customer.CustomerService;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
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

    CustomerApiController(CustomerService customers) {
        this.customers = customers;
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
        // sort=value is the valuation's ranking: answered by the scoring feature's own endpoint.
        if (segment != null) {
            throw new InvalidInputException("segment", "filtering by segment needs sort=value");
        }
        Page<CustomerDetails> page = customers.list(new CustomerFilter(externalId, email, q), limit, after);
        return new ListResponse(page.items().stream().map(CustomerResponse::of).toList(), page.next());
    }

    record ListResponse(List<CustomerResponse> items, @Nullable String next) {
    }
}
