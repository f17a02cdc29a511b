package io.trinity.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.cases.ServiceCase;
import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerService;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import io.trinity.timeline.Timeline;
import io.trinity.timeline.TimelineEntry;
import java.net.URI;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service cases and a customer's merged timeline over the API, for help desks and other integrations. */
@RestController
@RequestMapping("/api/v1")
class ServiceApiController {

    private final ServiceCases cases;
    private final Timeline timeline;
    private final CustomerService customers;

    ServiceApiController(ServiceCases cases, Timeline timeline, CustomerService customers) {
        this.cases = cases;
        this.timeline = timeline;
        this.customers = customers;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record CaseRequest(@Nullable Long customerId, @Nullable Long activityId, @Nullable String subject,
            @Nullable String priority, @Nullable String assignee, @Nullable String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record CaseUpdate(@Nullable String status, @Nullable String assignee, @Nullable String note) {
    }

    @GetMapping("/cases")
    Page<ServiceCase> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String after) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be between 1 and 200");
        }
        return cases.list(status, assignee, limit, after);
    }

    @PostMapping("/cases")
    ResponseEntity<ServiceCase> open(@RequestBody CaseRequest body, Principal principal) {
        ServiceCase opened = cases.open(body.customerId(), body.activityId(), body.subject(), body.priority(),
                body.assignee(), body.note(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(opened);
    }

    @GetMapping("/cases/{id}")
    ServiceCase get(@PathVariable long id) {
        return cases.get(id);
    }

    @PatchMapping("/cases/{id}")
    ServiceCase update(@PathVariable long id, @RequestBody CaseUpdate body, Principal principal) {
        return cases.update(id, body.status(), body.assignee(), body.note(), principal.getName());
    }

    @GetMapping("/customers/{id}/timeline")
    Page<TimelineEntry> timeline(@PathVariable long id, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String after) {
        if (!customers.exists(id)) {
            throw new NotFoundException("no customer with id " + id);
        }
        return timeline.of(id, limit, after);
    }
}
