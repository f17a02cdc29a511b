package io.trinity.activity;

import io.trinity.shared.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityValidatorTests {

    static final TimeWindow NOW = TimeWindow.around(java.time.Instant.parse("2026-12-01T00:00:00Z"));

    static ActivityDraft.Actor byHandle(String handle) {
        return new ActivityDraft.Actor(null, null, null, null, handle);
    }

    @Test
    void twitterIsXAndHandlesLoseTheirAt() {
        List<FieldError> errors = new ArrayList<>();
        ValidActivity a = ActivityValidator.clean(new ActivityDraft("Twitter", "2124050976219516768", "mention",
                "2026-11-22T19:12:44.000Z", byHandle("@IngridPaddles"), null, "hi", null, null), NOW, errors);
        assertThat(errors).isEmpty();
        assertThat(a.network()).isEqualTo("x");
        assertThat(a.type()).isEqualTo(ActivityType.MENTION);
        assertThat(a.actorHandle()).isEqualTo("IngridPaddles");
    }

    @Test
    void hostileTextIsKeptVerbatim() {
        List<FieldError> errors = new ArrayList<>();
        String text = "<script>alert('x')</script>\"><img src=x onerror=alert(document.domain)>";
        ValidActivity a = ActivityValidator.clean(new ActivityDraft("facebook", "c1", "COMMENT",
                "2026-11-20T16:05:12+00:00", byHandle("someone"), null, text, null, null), NOW, errors);
        assertThat(a.text()).isEqualTo(text);
    }

    @Test
    void aTargetIsOneThing() {
        List<FieldError> errors = new ArrayList<>();
        ActivityValidator.clean(new ActivityDraft("x", "1", "SHARE", "2026-11-20T16:05:12Z", byHandle("a"),
                new ActivityDraft.Target(null, "C1", "post", null), null, null, null), NOW, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("target");
    }

    @Test
    void oversizedTextIsRefused() {
        List<FieldError> errors = new ArrayList<>();
        ActivityValidator.clean(new ActivityDraft("x", "1", "POST", "2026-11-20T16:05:12Z", byHandle("a"), null,
                "x".repeat(ActivityValidator.MAX_TEXT + 1), null, null), NOW, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("text");
    }
}
