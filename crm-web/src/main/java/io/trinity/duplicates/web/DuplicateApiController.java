package io.trinity.duplicates.web;

import io.trinity.customer.CustomerMerges;
import io.trinity.duplicates.DuplicatePair;
import io.trinity.duplicates.DuplicateQueue;
import io.trinity.duplicates.DuplicateScans;
import io.trinity.duplicates.IdentityProposals;
import io.trinity.duplicates.ScanView;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/duplicates}: full scans (ADMIN), the queue of pairs, "not the same person"; merging two customers
 * ({@code POST /api/v1/customers/{survivorId}/merge}) and undoing a merge ({@code POST /api/v1/merges/{id}/undo},
 * ADMIN).
 */
@RestController
class DuplicateApiController {

    private final DuplicateScans scans;
    private final DuplicateQueue queue;
    private final CustomerMerges merges;
    private final IdentityProposals proposals;

    DuplicateApiController(DuplicateScans scans, DuplicateQueue queue, CustomerMerges merges,
            IdentityProposals proposals) {
        this.proposals = proposals;
        this.scans = scans;
        this.queue = queue;
        this.merges = merges;
    }

    record ScanJson(long id, String status, String phase, int progress, @Nullable Long records,
            @Nullable Long candidates, @Nullable Long pairs, Map<String, Object> parameters, String startedBy,
            String startedAt, @Nullable String finishedAt, @Nullable String error) {

        static ScanJson of(ScanView s) {
            return new ScanJson(s.id(), s.status(), s.phase(), s.progress(), s.records(), s.candidates(), s.pairs(),
                    s.parameters(), s.startedBy(), s.startedAt().toString(),
                    s.finishedAt() == null ? null : s.finishedAt().toString(), s.error());
        }
    }

    @PostMapping("/api/v1/duplicates/scans")
    ResponseEntity<ScanJson> startScan(Principal principal) {
        ScanView scan = scans.start(principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/duplicates/scans/" + scan.id()))
                .body(ScanJson.of(scan));
    }

    @GetMapping("/api/v1/duplicates/scans/{id}")
    ScanJson scan(@PathVariable long id) {
        return ScanJson.of(scans.find(id).orElseThrow(() -> new NotFoundException("no duplicate scan with id " + id)));
    }

    record PairJson(long id, long clusterId, List<Long> customerIds, double probability, String band, String status,
            List<DuplicatePair.Evidence> evidence, @Nullable String decidedBy, @Nullable String decidedAt) {

        static PairJson of(DuplicatePair p) {
            return new PairJson(p.id(), p.clusterId(), p.customerIds(), p.probability(), p.band(), p.status(),
                    p.evidence(), p.decidedBy(), p.decidedAt() == null ? null : p.decidedAt().toString());
        }
    }

    record PairPage(List<PairJson> items, @Nullable String next) {
    }

    @GetMapping("/api/v1/duplicates")
    PairPage pairs(@RequestParam(required = false) @Nullable String band,
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String after) {
        Page<DuplicatePair> page = queue.pairs(band, status, limit, after);
        return new PairPage(page.items().stream().map(PairJson::of).toList(), page.next());
    }

    @PostMapping("/api/v1/duplicates/{id}/reject")
    PairJson reject(@PathVariable long id, Principal principal) {
        return PairJson.of(queue.reject(id, principal.getName()));
    }

    record ProposalJson(long id, long identityId, String network, @Nullable String handle,
            @Nullable String displayName, long customerId, double score, Map<String, Double> evidence, String status,
            String foundAt, @Nullable String decidedBy) {

        static ProposalJson of(IdentityProposals.Proposal p) {
            return new ProposalJson(p.id(), p.identityId(), p.network(), p.handle(), p.displayName(), p.customerId(),
                    p.score(), p.evidence(), p.status(), p.foundAt().toString(), p.decidedBy());
        }
    }

    record ProposalPage(List<ProposalJson> items, @Nullable String next) {
    }

    /** Social accounts linked to nobody, proposed for a customer by the last full scan. */
    @GetMapping("/api/v1/duplicates/identities")
    ProposalPage identityProposals(@RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable String after) {
        Page<IdentityProposals.Proposal> page = proposals.list(status, limit, after);
        return new ProposalPage(page.items().stream().map(ProposalJson::of).toList(), page.next());
    }

    @PostMapping("/api/v1/duplicates/identities/{id}/link")
    ProposalJson linkIdentity(@PathVariable long id, Principal principal) {
        return ProposalJson.of(proposals.link(id, principal.getName()));
    }

    @PostMapping("/api/v1/duplicates/identities/{id}/reject")
    ProposalJson rejectIdentity(@PathVariable long id, Principal principal) {
        return ProposalJson.of(proposals.reject(id, principal.getName()));
    }

    /** {@code fields}: per field, "survivor" or "other" (the default rules decide the rest). */
    record MergeRequest(@Nullable Long otherId, @Nullable Map<String, String> fields) {
    }

    record MergeJson(long mergeId, long survivorId, long mergedId, Map<String, Long> moved) {
    }

    @PostMapping("/api/v1/customers/{survivorId}/merge")
    MergeJson merge(@PathVariable long survivorId, @RequestBody MergeRequest request, Principal principal) {
        if (request.otherId() == null) {
            throw new InvalidInputException("otherId", "is required: the customer to merge into this one");
        }
        var pair = queue.between(survivorId, request.otherId());
        CustomerMerges.Origin origin = new CustomerMerges.Origin(principal.getName(), false,
                pair.map(DuplicatePair::id).orElse(null), pair.map(DuplicatePair::probability).orElse(null),
                pair.map(p -> queue.evidenceJson(p.id())).orElse(null));
        CustomerMerges.MergeResult result = merges.merge(survivorId, request.otherId(), request.fields(), origin);
        return new MergeJson(result.mergeId(), result.survivorId(), result.mergedId(), result.moved());
    }

    record MergeViewJson(long id, long survivorId, long mergedId, boolean automatic, String mergedBy,
            String mergedAt, @Nullable String undoneBy, @Nullable String undoneAt, Map<String, Long> moved,
            @Nullable Double probability, boolean undoable) {

        static MergeViewJson of(CustomerMerges.MergeView m) {
            return new MergeViewJson(m.id(), m.survivorId(), m.mergedId(), m.automatic(), m.mergedBy(),
                    m.mergedAt().toString(), m.undoneBy(), m.undoneAt() == null ? null : m.undoneAt().toString(),
                    m.moved(), m.probability(), m.undoable());
        }
    }

    @GetMapping("/api/v1/merges/{mergeId}")
    MergeViewJson mergeView(@PathVariable long mergeId) {
        return MergeViewJson.of(merges.find(mergeId)
                .orElseThrow(() -> new NotFoundException("no merge with id " + mergeId)));
    }

    @PostMapping("/api/v1/merges/{mergeId}/undo")
    MergeViewJson undo(@PathVariable long mergeId, Principal principal) {
        merges.undo(mergeId, principal.getName());
        return MergeViewJson.of(merges.find(mergeId).orElseThrow());
    }
}
