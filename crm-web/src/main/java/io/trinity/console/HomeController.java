package io.trinity.console;

import io.trinity.cases.ServiceCase;
import io.trinity.cases.ServiceCases;
import io.trinity.listening.Inbox;
import io.trinity.listening.InboxFilter;
import io.trinity.loyalty.LoyaltyFigures;
import io.trinity.marketing.Campaign;
import io.trinity.marketing.Campaigns;
import io.trinity.moments.MomentQueue;
import io.trinity.overview.Overview;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringProperties;
import io.trinity.scoring.ScoringRuns;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: a home per role, each a worklist of what needs that team now — marketing: the last run, segment
 * movements, campaigns in flight; PR: open negative posts, big audiences waiting, what is assigned to me; service:
 * my open cases by priority and age, the moments queue; loyalty: the programme's figures and rules that stack. An
 * admin sees every home.
 */
@Controller
class HomeController {

    /** How many posts from an audience at least this large count as an influencer waiting for an answer. */
    static final long BIG_AUDIENCE = 10_000;

    private final Overview overview;
    private final ScoringRuns runs;
    private final CustomerValues values;
    private final Campaigns campaigns;
    private final Inbox inbox;
    private final ServiceCases cases;
    private final MomentQueue moments;
    private final LoyaltyFigures loyalty;
    private final ScoringProperties scoring;
    private final Clock clock;

    HomeController(Overview overview, ScoringRuns runs, CustomerValues values, Campaigns campaigns, Inbox inbox,
            ServiceCases cases, MomentQueue moments, LoyaltyFigures loyalty, ScoringProperties scoring,
            Clock clock) {
        this.overview = overview;
        this.runs = runs;
        this.values = values;
        this.campaigns = campaigns;
        this.inbox = inbox;
        this.cases = cases;
        this.moments = moments;
        this.loyalty = loyalty;
        this.scoring = scoring;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Authentication auth, Principal principal, Model model) {
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean admin = roles.contains("ROLE_ADMIN");
        model.addAttribute("figures", overview.figures());
        String me = principal.getName();
        if (admin || roles.contains("ROLE_MARKETING")) {
            model.addAttribute("run", runs.latest().orElse(null));
            model.addAttribute("movements", values.movements().stream().limit(5).toList());
            Instant now = clock.instant();
            List<Campaign> all = campaigns.list();
            List<Campaign> inFlight = all.stream()
                    .filter(c -> c.status().equals("LAUNCHED") && c.endsAt().isAfter(now)).limit(5).toList();
            model.addAttribute("campaigns", inFlight);
            model.addAttribute("drafts", all.stream().filter(c -> c.status().equals("DRAFT")).count());
        }
        if (admin || roles.contains("ROLE_PR")) {
            model.addAttribute("negative", inbox.list(new InboxFilter(null, "NEGATIVE", null, false, null), 5, null)
                    .items());
            model.addAttribute("bigAudiences", inbox.list(new InboxFilter(null, null, BIG_AUDIENCE, false, null), 5,
                    null).items());
            model.addAttribute("assignedToMe", inbox.list(new InboxFilter(null, null, null, false, me), 5, null)
                    .items());
        }
        if (admin || roles.contains("ROLE_SERVICE")) {
            // Open and pending, most urgent first, then the oldest.
            List<ServiceCase> mine = new java.util.ArrayList<>(cases.list("OPEN", me, 50, null).items());
            mine.addAll(cases.list("PENDING", me, 50, null).items());
            mine.sort(Comparator.comparingInt((ServiceCase c) -> switch (c.priority()) {
                case "HIGH" -> 0;
                case "NORMAL" -> 1;
                default -> 2;
            }).thenComparing(ServiceCase::createdAt));
            model.addAttribute("myCases", mine.stream().limit(10).toList());
            model.addAttribute("moments", moments.counts());
        }
        if (admin || roles.contains("ROLE_LOYALTY_ADMIN")) {
            model.addAttribute("loyalty", loyalty.figures());
            model.addAttribute("baseCurrency", scoring.baseCurrency());
        }
        model.addAttribute("now", clock.instant());
        return "home";
    }
}
