package io.trinity.scoring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.customer.CustomerService;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Money;
import io.trinity.shared.NotFoundException;
import io.trinity.scoring.CustomerValue;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.RunInProgressException;
import io.trinity.scoring.RunView;
import io.trinity.scoring.ScoringRuns;
import io.trinity.scoring.ScoringWeights;
import io.trinity.scoring.CombinedWeights;
import io.trinity.scoring.Factor;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scoring runs, a customer's value with its explanation, and the combined-value weights. */
@RestController
@RequestMapping("/api/v1")
class ScoringApiController {

    private final ScoringRuns runs;
    private final CustomerValues values;
    private final ScoringWeights weights;
    private final CustomerService customers;
    private final JsonMapper json;

    ScoringApiController(ScoringRuns runs, CustomerValues values, ScoringWeights weights, CustomerService customers,
            JsonMapper json) {
        this.runs = runs;
        this.values = values;
        this.weights = weights;
        this.customers = customers;
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RunRequest(@Nullable String asOf) {
    }

    record RunResponse(long id, LocalDate asOf, String status, @Nullable String phase, int progress,
            Instant startedAt, @Nullable Instant finishedAt, int weightsVersion, @Nullable JsonNode report,
            @Nullable String error) {
    }

    @PostMapping("/scoring/runs")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) @Nullable RunRequest request,
            Principal principal) {
        LocalDate asOf = null;
        if (request != null && request.asOf() != null) {
            try {
                asOf = LocalDate.parse(request.asOf());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("asOf", "'" + request.asOf() + "' is not a date (e.g. 2026-06-30)");
            }
        }
        RunView run = runs.start(asOf, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/scoring/runs/" + run.id()))
                .body(Map.of("id", run.id(), "status", run.status()));
    }

    @GetMapping("/scoring/runs/{id}")
    RunResponse run(@PathVariable long id) {
        RunView run = runs.find(id).orElseThrow(() -> new NotFoundException("no scoring run " + id));
        return new RunResponse(run.id(), run.asOf(), run.status(), run.phase(), run.progress(), run.startedAt(),
                run.finishedAt(), run.weightsVersion(), json.readTree(run.reportJson()), run.error());
    }

    @ExceptionHandler(RunInProgressException.class)
    ResponseEntity<ProblemDetail> inProgress(RunInProgressException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Scoring run " + e.runningId() + " is still running; wait for it to finish.");
        problem.setProperty("runningRunId", e.runningId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    record TransactionJson(int recencyDays, int frequency, BigDecimal monetary, String currency, int r, int f, int m,
            String rfm, double score) {
    }

    record RelationshipJson(double score, List<Factor> factors) {
    }

    record InfluenceJson(double score, long followers, double postsPer30d, double engagementPerPost,
            double pageRank, List<Factor> factors) {
    }

    record ValueJson(long customerId, LocalDate asOf, long runId, @Nullable TransactionJson transaction,
            RelationshipJson relationship, InfluenceJson influence, double combined, String segment,
            List<String> explanation) {
    }

    @GetMapping("/customers/{id}/value")
    ValueJson value(@PathVariable long id) {
        if (!customers.exists(id)) {
            throw new NotFoundException("no customer with id " + id);
        }
        CustomerValue v = values.valueOf(id).orElseThrow(() -> new NotFoundException(
                "customer " + id + " has no value yet: no scoring run has included them"));
        CustomerValue.Transaction t = v.transaction();
        TransactionJson transaction = t == null ? null : new TransactionJson(t.recencyDays(), t.frequency(),
                new Money(t.monetaryMinor(), Money.currency(t.currency())).major(), t.currency(), t.r(), t.f(),
                t.m(), t.rfm(), t.score());
        return new ValueJson(v.customerId(), v.asOf(), v.runId(), transaction,
                new RelationshipJson(v.relationship().score(), v.relationship().factors()),
                new InfluenceJson(v.influence().score(), v.influence().followers(), v.influence().postsPer30d(),
                        v.influence().engagementPerPost(), v.influence().pageRank(), v.influence().factors()),
                v.combined(), v.segment(), v.explanation());
    }

    record WeightsJson(int version, double transaction, double relationship, double influence, Instant createdAt,
            String createdBy) {

        static WeightsJson of(ScoringWeights.Version v) {
            return new WeightsJson(v.version(), v.weights().transaction(), v.weights().relationship(),
                    v.weights().influence(), v.createdAt(), v.createdBy());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record WeightsRequest(@Nullable Double transaction, @Nullable Double relationship, @Nullable Double influence) {
    }

    @GetMapping("/scoring/movements")
    List<CustomerValues.Movement> movements() {
        return values.movements();
    }

    @GetMapping("/scoring/weights")
    List<WeightsJson> weights() {
        return weights.history().stream().map(WeightsJson::of).toList();
    }

    @PutMapping("/scoring/weights")
    WeightsJson changeWeights(@RequestBody WeightsRequest request, Principal principal) {
        if (request.transaction() == null || request.relationship() == null || request.influence() == null) {
            throw new InvalidInputException("weights", "give transaction, relationship and influence");
        }
        try {
            return WeightsJson.of(weights.change(new CombinedWeights(request.transaction(), request.relationship(),
                    request.influence()), principal.getName()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("weights", e.getMessage());
        }
    }
}
