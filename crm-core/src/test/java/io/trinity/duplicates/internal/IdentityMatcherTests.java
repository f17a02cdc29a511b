package io.trinity.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Social accounts proposed for customers by handle evidence, never by a display name alone. Plain Java. */
class IdentityMatcherTests {

    private final Records records = new Records();
    private final IdentityMatcher matcher = new IdentityMatcher();

    private final List<MatchRecord> customers = List.of(
            records.record(1, "Kari", "Nordmann", "kari.n@example.no", null, null, null, null, null, "Oslo", "NO",
                    List.of("x:karitrails")),
            records.record(2, "Ola", "Haugen", "olahaugen77@example.no", null, null, null, null, null, "Bergen", "NO",
                    List.of()),
            records.record(3, "Emma", "Walsh", null, null, null, null, null, null, "Boston", "US", List.of()),
            records.record(4, "Emma", "Walsh", null, null, null, null, null, null, "Denver", "US", List.of()));

    private List<IdentityMatcher.Proposal> propose(IdentityMatcher.Account account) {
        return matcher.propose(customers, List.of(account));
    }

    @Test
    void theSameHandleOnAnotherNetworkIsProposed() {
        List<IdentityMatcher.Proposal> found = propose(new IdentityMatcher.Account(10, "instagram", "@KariTrails",
                "Kari N."));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.record()).isZero();
            assertThat(p.reasons()).extracting(IdentityMatcher.Reason::evidence).contains("same handle on x",
                    "display name close to the name");
        });
        // The network the handle already comes from proves nothing more.
        assertThat(propose(new IdentityMatcher.Account(11, "x", "karitrails", null))).isEmpty();
    }

    @Test
    void aHandleThatIsTheEmailLocalPartIsProposed() {
        assertThat(propose(new IdentityMatcher.Account(12, "instagram", "olahaugen77", "Ola Haugen")))
                .singleElement().satisfies(p -> assertThat(p.record()).isEqualTo(1));
    }

    @Test
    void aHandleSpellingTheNameNeedsAMatchingDisplayNameOfOnePerson() {
        assertThat(propose(new IdentityMatcher.Account(13, "instagram", "olahaugen", "Ola Haugen")))
                .singleElement().satisfies(p -> assertThat(p.score()).isGreaterThanOrEqualTo(IdentityMatcher.THRESHOLD));
        // Two Emma Walshes: the display name tells them apart no better than chance.
        assertThat(propose(new IdentityMatcher.Account(14, "instagram", "emmawalsh", "Emma Walsh"))).isEmpty();
        assertThat(propose(new IdentityMatcher.Account(15, "instagram", "olahaugen", "Sunny Days"))).isEmpty();
    }

    @Test
    void aDisplayNameAloneNeverProposes() {
        assertThat(propose(new IdentityMatcher.Account(16, "instagram", "sunny_days", "Ola Haugen"))).isEmpty();
        assertThat(propose(new IdentityMatcher.Account(17, "facebook", null, "Ola Haugen"))).isEmpty();
    }
}
