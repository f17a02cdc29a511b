package io.trinity.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.customer.CustomerDetails;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerFilter;
import io.trinity.customer.CustomerService;
import io.trinity.scoring.ScoringRuns;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each team's main journey in a real headless Chromium against the running application with the demo data:
 * the marketer filters, pages, saves an audience, exports it and runs a campaign; PR handles a mention, assigns
 * one, links an unknown author and opens a case; the service agent finds a customer, reads the unified profile
 * and works a case; the loyalty admin builds, previews and activates a rule. Hostile social text must stay text.
 * Screenshots of each main page land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crm.demo.enabled=true", "crm.social.key-file=target/test-credentials.key",
            "crm.social.scheduler-delay=1h", "crm.scoring.incremental-delay=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleJourneysTests {

    @LocalServerPort
    int port;

    @Autowired
    ScoringRuns runs;

    @Autowired
    CustomerService customers;

    @Autowired
    ActivityIngest activities;

    static final By RESULTS = By.id("dashboard-results");

    Browser browser;
    long hostileCustomer;
    final String p = "BT-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        CustomerDetails hostile = customers.create(new CustomerDraft(p + "-x", "<img src=x onerror=\"window.__xss='name'\">",
                "O'Hara", null, null, null, null, "Seattle", "US", true, null, null, null, null, null));
        hostileCustomer = hostile.id();
        String payload = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\"> love it";
        activities.ingest(List.of(
                new ActivityDraft("x", p + "-c1", "COMMENT", Instant.now().minusSeconds(60).toString(),
                        new ActivityDraft.Actor(hostileCustomer, null, null, null, null), null, payload, null,
                        "NEGATIVE"),
                new ActivityDraft("x", p + "-m1", "MENTION", Instant.now().minusSeconds(30).toString(),
                        new ActivityDraft.Actor(null, null, null, p + "-u1", p + "_stranger"), null, payload, null,
                        "NEGATIVE")));
        runs.runNow(null, "browser-test");
        browser = Browser.open(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    String flash() {
        return browser.text(By.cssSelector(".alert[role=status], .alert[role=alert]"));
    }

    /**
     * The flash message once it says {@code expected}: the page before a submit may still show the previous
     * message, and its elements go stale while the next page loads.
     */
    String flash(String expected) {
        By alert = By.cssSelector(".alert[role=status], .alert[role=alert]");
        try {
            return browser.waitFor(d -> {
                try {
                    String text = d.findElement(alert).getText();
                    return text.contains(expected) ? text : null;
                } catch (org.openqa.selenium.WebDriverException e) {
                    return null;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return flash(); // the assertion then shows what the page says instead
        }
    }

    @Test
    void theMarketerFiltersPagesSavesExportsAndRunsACampaign() {
        browser.login("marketing");
        browser.go("/marketing");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-segments[data-drawn]")));
        assertThat(browser.all(By.cssSelector("#ranked tbody tr"))).hasSizeGreaterThan(10);
        browser.waitFor(d -> d.findElement(By.id("match-count")).getText().matches("[0-9,]+\\+?"));
        browser.screenshot("dashboard");

        browser.selectValue(By.id("sort"), "influence");
        browser.selectValue(By.id("consent"), "given");
        browser.clickAndSwap(By.id("apply"), RESULTS);
        browser.waitFor(ExpectedConditions.urlContains("sort=influence"));
        // The charts follow the filter: drawn again for the consenting customers, after the list.
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-matrix[data-drawn]")));
        assertThat(browser.text(By.id("dashboard-charts"))).contains("this filter");
        List<Double> influence = browser.all(By.cssSelector("#ranked tbody tr td:nth-child(6)")).stream()
                .map(td -> Double.parseDouble(td.getText())).toList();
        assertThat(influence).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(browser.all(By.cssSelector("#ranked tbody tr td:nth-child(9)"))).allSatisfy(td ->
                assertThat(td.getText()).isEqualTo("yes"));
        String firstPageTop = browser.text(By.cssSelector("#ranked tbody tr td a"));
        browser.click(By.id("next-page"));
        browser.waitFor(ExpectedConditions.urlContains("after="));
        assertThat(browser.text(By.cssSelector("#ranked tbody tr td a"))).isNotEqualTo(firstPageTop);

        browser.type(By.id("country"), "1x");
        browser.clickAndSwap(By.id("apply"), RESULTS);
        assertThat(browser.text(By.cssSelector(".alert-warning"))).contains("two-letter country code");
        assertThat(browser.find(By.id("sort")).getAttribute("value")).as("a bad filter keeps the others")
                .isEqualTo("influence");
        browser.type(By.id("country"), "");
        browser.clickAndSwap(By.id("apply"), RESULTS);
        browser.type(By.id("dash-q"), "zz-nobody-has-this-name");
        browser.waitFor(d -> d.findElement(RESULTS).getText().contains("No customers match"));
        browser.type(By.id("dash-q"), "");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#ranked tbody tr")).isEmpty());

        browser.type(By.id("audience-name"), "Influential consenting " + p);
        browser.click(By.id("save-audience"));
        assertThat(flash("Saved the audience")).contains("Saved the audience");
        assertThat(browser.text(By.id("audiences"))).contains("Influential consenting " + p,
                "sort influence, consent given");
        browser.screenshot("audiences");

        String csv = (String) browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('a[href*=\"/marketing/export\"]').href).then(r => r.text()).then(done);");
        // (fetch's text() drops the byte-order mark; SharedConsoleTests checks it is sent)
        assertThat(csv).startsWith("external_id,first_name,last_name,email,phone,loyalty_number")
                .doesNotContain("left out without marketing consent");

        browser.go("/marketing/campaigns");
        browser.type(By.id("c-name"), "Winter trail preview " + p);
        browser.select(By.id("c-audience"), "Influential consenting " + p);
        browser.type(By.id("c-message"), "Be first on the new winter trails.");
        browser.click(By.cssSelector("#campaign-form button[type=submit]"));
        assertThat(flash("Created the campaign")).contains("Created the campaign");
        // The confirm step shows the reach: contacted and held out add up to the consenting members.
        long contacted = Long.parseLong(browser.text(By.id("reach-contacted")).replaceAll("[^0-9]", ""));
        long held = Long.parseLong(browser.text(By.id("reach-holdout")).replaceAll("[^0-9]", ""));
        assertThat(contacted).isPositive();
        browser.screenshot("campaign-confirm");
        browser.click(By.id("launch"));
        browser.waitFor(ExpectedConditions.alertIsPresent());
        assertThat(browser.driver.switchTo().alert().getText()).contains(contacted + " customers are contacted");
        browser.driver.switchTo().alert().accept();
        assertThat(flash("Launched to")).contains("Launched to " + (contacted + held));
        assertThat(browser.text(By.id("results"))).contains("contacted", "holdout");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-response[data-drawn]")));
        browser.screenshot("campaign");

        // Bulk: tick two customers of the ranked list and keep them as an audience of their own.
        browser.go("/marketing");
        browser.click(By.cssSelector("#ranked tbody tr:nth-child(1) input[name=ids]"));
        browser.click(By.cssSelector("#ranked tbody tr:nth-child(2) input[name=ids]"));
        assertThat(browser.text(By.cssSelector("[data-selected-count=bulk-audience]"))).isEqualTo("2");
        browser.type(By.id("chosen-name"), "Two to call " + p);
        browser.click(By.id("save-chosen"));
        assertThat(flash("2 chosen customer(s)")).contains("Two to call " + p);

        browser.go("/loyalty");
        assertThat(browser.driver.getPageSource()).contains("Not for your role");
    }

    @Test
    void prHandlesAssignsLinksAndOpensACaseFromTheInbox() {
        browser.login("pr");
        browser.go("/pr/conversations?sentiment=negative");
        browser.screenshot("pr-inbox");
        WebElement stranger = browser.find(By.xpath("//li[contains(@id,'item-')][.//span[contains(., '" + p
                + "_stranger')]]"));
        String item = stranger.getAttribute("id");
        CustomerDetails chosen = customers.list(new CustomerFilter(null, null, null), 1, null).items().get(0);
        String target = chosen.externalId();
        // The picker offers the customer by name as the agent types; the choice fills in the external id.
        browser.type(By.cssSelector("#" + item + " input[name=customer]"), chosen.firstName() + " "
                + chosen.lastName());
        browser.waitFor(d -> !d.findElements(By.cssSelector("#" + item + " datalist option[value='" + target
                + "']")).isEmpty());
        browser.type(By.cssSelector("#" + item + " input[name=customer]"), target);
        browser.click(By.cssSelector("#" + item + " form[action$='/link'] button"));
        assertThat(flash("Linked")).contains("Linked");
        // In place: the filter stays, the item shows its customer now.
        assertThat(browser.driver.getCurrentUrl()).contains("sentiment=negative");
        browser.waitFor(d -> d.findElements(By.cssSelector("#" + item + " form[action$='/link']")).isEmpty());

        browser.selectValue(By.cssSelector("#" + item + " select[name=assignee]"), "pr");
        browser.click(By.cssSelector("#" + item + " form[action$='/assign'] button"));
        assertThat(flash("Assigned to pr")).contains("Assigned to pr");
        browser.waitFor(d -> d.findElement(By.id(item)).getText().contains("assigned to pr"));
        browser.click(By.cssSelector("#" + item + " form[action$='/handled'] button"));
        assertThat(flash("Marked as handled")).contains("Marked as handled");
        browser.waitFor(d -> d.findElement(By.id(item)).getText().contains("handled by pr"));
        // The default view is what is still open: the handled item is not in it any more.
        browser.go("/pr/conversations?sentiment=negative");
        assertThat(browser.all(By.id(item))).isEmpty();
        browser.go("/pr/conversations?handled=handled&assignee=pr");
        assertThat(browser.find(By.id(item)).getText()).contains("handled by pr", "assigned to pr");

        browser.click(By.cssSelector("#" + item + " form[action$='/case'] button"));
        assertThat(browser.text(By.id("case-subject"))).contains("mention on x");
        assertThat(flash("Opened case")).contains("Assigned to pr"); // the mention's assignee carried over
        browser.screenshot("case-from-mention");

        // Bulk: tick open conversations, assign them at once; the view stays.
        browser.go("/pr/conversations?network=x");
        browser.click(By.cssSelector("#inbox li:nth-child(1) input[name=ids]"));
        browser.click(By.cssSelector("#inbox li:nth-child(2) input[name=ids]"));
        assertThat(browser.text(By.cssSelector("[data-selected-count=bulk-inbox]"))).isEqualTo("2");
        browser.selectValue(By.id("bulk-to"), "pr");
        browser.click(By.id("bulk-assign"));
        assertThat(flash("Assigned 2 conversation(s) to pr")).contains("Assigned 2");
        assertThat(browser.driver.getCurrentUrl()).contains("network=x");

        browser.go("/pr/influencers");
        assertThat(browser.all(By.cssSelector("#influencers tbody tr"))).isNotEmpty();
        browser.screenshot("influencers");
    }

    @Test
    void theServiceAgentOpensTheUnifiedProfileAndWorksACase() {
        browser.login("service");
        CustomerDetails someone = customers.list(new CustomerFilter(null, null, null), 20, null).items().stream()
                .filter(c -> c.phone() != null && c.firstName() != null && c.lastName() != null).skip(3).findFirst()
                .orElseThrow();
        // Found by the phone number as the customer says it (digits in threes), and by the name without accents
        // in the other order; an exact external id opens the profile at once.
        String spoken = someone.phone().replaceAll("[^0-9]", "").replaceAll("(\\d{3})", "$1 ").strip();
        browser.type(By.id("nav-search"), spoken + "\n");
        searched(spoken);
        browser.find(By.cssSelector("#customer-results a[href='/customers/" + someone.id() + "']"));
        String plainName = java.text.Normalizer.normalize(someone.lastName() + " " + someone.firstName(),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        browser.type(By.id("nav-search"), plainName + "\n");
        searched(plainName);
        browser.screenshot("customer-search");
        browser.click(By.cssSelector("#customer-results a[href='/customers/" + someone.id() + "']"));
        browser.find(By.id("timeline"));
        browser.go("/service/cases");
        browser.type(By.id("nav-search"), someone.externalId() + "\n");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/customers/" + someone.id()));
        browser.find(By.id("timeline"));
        assertThat(browser.text(By.id("loyalty"))).contains("Balance", "Tier");
        assertThat(browser.text(By.id("next-best-action"))).contains("Next best action");
        assertThat(browser.text(By.id("value"))).contains("Combined");
        browser.screenshot("customer");

        // Edit: an error keeps what was typed, next to the field; the fixed edit is saved and audited.
        browser.click(By.id("edit-customer"));
        browser.type(By.id("street"), "Storgata 12");
        browser.type(By.id("email"), "no-at-sign");
        browser.click(By.id("save-customer"));
        assertThat(browser.text(By.id("form-errors"))).contains("not saved");
        assertThat(browser.find(By.id("street")).getAttribute("value")).isEqualTo("Storgata 12");
        assertThat(browser.find(By.id("email")).getAttribute("class")).contains("is-invalid");
        browser.screenshot("customer-edit-error");
        browser.type(By.id("email"), someone.email() == null ? "" : someone.email());
        browser.click(By.id("save-customer"));
        assertThat(flash("Saved the changes")).contains("Saved the changes");
        assertThat(browser.text(By.id("address"))).contains("Storgata 12");
        assertThat(browser.text(By.id("record-changes"))).contains("service changed street");
        browser.type(By.id("note-text"), "Called about the Ridge jacket zip.");
        browser.click(By.cssSelector("#note-form button"));
        assertThat(flash("Note saved")).contains("Note saved");
        assertThat(browser.text(By.id("note-list"))).contains("Ridge jacket zip");

        browser.type(By.id("case-subject"), "Zip broke on the Ridge jacket");
        browser.type(By.id("case-note"), "Customer called; asked for a repair.");
        browser.click(By.cssSelector("#open-case button"));
        assertThat(flash("Opened case")).contains("Opened case");
        browser.selectValue(By.id("status"), "RESOLVED");
        browser.type(By.id("note"), "Repair booked at Northwind Seattle.");
        browser.click(By.cssSelector("#case-form button"));
        assertThat(flash("Case updated")).contains("Case updated");
        assertThat(browser.text(By.id("case-status"))).isEqualTo("resolved");
        assertThat(browser.text(By.id("case-notes"))).contains("asked for a repair", "Repair booked");
        browser.screenshot("case");

        // Bulk: tick the resolved cases on the page, assign them to oneself; the filter stays.
        browser.go("/service/cases?status=RESOLVED");
        browser.click(By.cssSelector("[data-select-all=bulk-cases]"));
        String ticked = browser.text(By.cssSelector("[data-selected-count=bulk-cases]"));
        assertThat(Integer.parseInt(ticked)).isPositive();
        browser.selectValue(By.id("bulk-to"), "service");
        browser.click(By.id("bulk-assign"));
        assertThat(flash("Assigned " + ticked + " case(s) to service")).contains("Assigned " + ticked);
        assertThat(browser.driver.getCurrentUrl()).contains("status=RESOLVED");

        // The worklist: a moment acted on leaves the queue.
        browser.go("/service/moments");
        browser.screenshot("moments-queue");
        String waiting = browser.find(By.cssSelector(".moment-item")).getAttribute("id");
        browser.click(By.cssSelector("#" + waiting + " .mark-done"));
        assertThat(flash("Marked done")).contains("Marked done");
        assertThat(browser.driver.findElements(By.id(waiting))).isEmpty();

        browser.go("/customers/" + someone.id());
        assertThat(browser.text(By.id("timeline"))).contains("Zip broke on the Ridge jacket");
        browser.go("/marketing");
        assertThat(browser.driver.getPageSource()).contains("Not for your role");
        // The error page keeps the navigation: the agent is one click from their work.
        assertThat(browser.text(By.cssSelector("nav"))).contains("Customers", "Service");
    }

    @Test
    void theAgentFindsAClusterMergesItSeesOneProfileAndAnAdminUndoesIt() {
        browser.login("service");
        browser.go("/duplicates");
        assertThat(browser.text(By.cssSelector(".cluster"))).contains("best match");
        browser.screenshot("duplicates-queue");
        browser.click(By.cssSelector(".review-cluster"));
        assertThat(browser.text(By.id("evidence"))).containsIgnoringCase("weight");
        browser.screenshot("duplicates-pair");
        browser.click(By.id("merge"));
        assertThat(flash("Merged customer")).contains("Merged customer");
        assertThat(browser.text(By.id("merges"))).contains("merged in");
        browser.find(By.id("timeline"));
        String survivorUrl = browser.driver.getCurrentUrl();
        String merged = browser.text(By.cssSelector("#merges a"));
        browser.screenshot("duplicates-merged-profile");
        // The merged-away id opens the survivor's profile.
        browser.go("/customers/" + merged);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(survivorUrl);

        browser.login("admin");
        browser.driver.get(survivorUrl);
        browser.click(By.cssSelector("#merges .undo-merge"));
        browser.driver.switchTo().alert().accept();
        assertThat(flash("Merge undone")).contains("Merge undone");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/customers/" + merged);
        assertThat(browser.text(By.id("merges"))).contains("later undone");
        browser.screenshot("duplicates-undone");
    }

    /** Waits for the results page of this search (the previous page has results too). */
    private void searched(String q) {
        browser.waitFor(d -> {
            try {
                return q.equals(d.findElement(By.id("q")).getAttribute("value"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
    }

    @Test
    void eachTeamLandsOnItsOwnHome() {
        for (String[] role : new String[][] {{"marketing", "home-marketing"}, {"pr", "home-pr"},
            {"service", "home-service"}, {"loyalty", "home-loyalty"}}) {
            browser.login(role[0]);
            browser.go("/");
            assertThat(browser.text(By.id(role[1]))).isNotBlank();
            browser.screenshot("home-" + role[0]);
        }
    }

    @Autowired
    io.trinity.staff.StaffAccounts accounts;

    @Test
    void aMarketerSwitchesTheConsoleToGermanAndBack() {
        browser.login("marketing");
        try {
            browser.go("/");
            browser.click(By.cssSelector("#language-menu button"));
            browser.click(By.cssSelector("#language-menu button[value=de]"));
            browser.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Was jetzt auf Sie wartet"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            assertThat(browser.text(By.id("nav"))).contains("Kunden", "Abmelden");
            browser.screenshot("home-marketing-de");
            browser.click(By.cssSelector("#language-menu button"));
            browser.click(By.cssSelector("#language-menu button[value=browser]"));
            browser.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("What needs you now"));
        } finally {
            accounts.setLanguage("marketing", null);
        }
    }

    @Test
    void theAgentLinksAProposedSocialAccountToItsCustomer() {
        browser.login("marketing");
        browser.go("/duplicates");
        browser.click(By.id("identities-link"));
        String proposal = browser.text(By.cssSelector(".identity-proposal"));
        String row = browser.find(By.cssSelector(".identity-proposal")).getAttribute("id");
        assertThat(proposal).contains("instagram");
        browser.screenshot("duplicates-identities");
        browser.click(By.cssSelector(".identity-proposal .link-identity"));
        assertThat(flash("Linked instagram account")).contains("Linked instagram account");
        assertThat(browser.driver.findElements(By.id(row))).isEmpty(); // linked: no longer proposed
    }

    @Test
    void theLoyaltyAdminBuildsPreviewsAndActivatesARule() {
        browser.login("loyalty");
        browser.go("/loyalty");
        browser.screenshot("loyalty-rules");
        browser.go("/loyalty/rules/new");
        browser.click(By.id("save-button"));
        assertThat(browser.text(By.id("form-errors"))).contains("not saved");
        assertThat(browser.text(By.id("name-error"))).contains("is required");

        browser.type(By.id("name"), "Double points at Denver " + p);
        browser.select(By.id("trigger"), "a purchase");
        browser.type(By.id("store"), "ST-DEN");
        browser.selectValue(By.id("effect"), "POINTS_PER_UNIT");
        browser.type(By.id("points"), "2");
        browser.click(By.id("preview-button"));
        assertThat(browser.text(By.id("preview"))).contains("Preview", "Customers", "Points");
        assertThat(browser.text(By.id("preview-points"))).matches("[0-9,]+");
        browser.screenshot("loyalty-rule-preview");
        browser.click(By.id("save-button"));
        assertThat(flash("Created")).contains("Created");
        browser.click(By.id("activate"));
        assertThat(flash("is active")).contains("is active");
        assertThat(browser.text(By.id("rule-summary"))).contains("at store ST-DEN", "2 points per currency unit");
        browser.click(By.id("retire"));
        assertThat(flash("retired")).contains("retired");
        browser.go("/loyalty/rewards");
        browser.screenshot("loyalty-rewards");
    }

    @Test
    void hostileSocialTextIsShownAsTextAndNeverRuns() {
        browser.login("admin");
        browser.go("/customers/" + hostileCustomer);
        browser.find(By.id("timeline"));
        assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.text(By.id("timeline"))).contains("<script>window.__xss='script'</script>");
        assertThat(browser.text(By.cssSelector("h1"))).contains("<img src=x onerror=");
        browser.go("/pr/conversations?sentiment=negative");
        browser.find(By.id("inbox"));
        assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.text(By.id("inbox"))).contains("<script>window.__xss='script'</script>");
        assertThat(browser.all(By.cssSelector("#inbox img"))).isEmpty();
        browser.screenshot("hostile-text");
    }
}
