package io.trinity.activity;

import io.trinity.customer.CustomerRef;
import io.trinity.identity.Networks;
import io.trinity.shared.FieldError;
import io.trinity.shared.TextRules;
import io.trinity.shared.TimeWindow;
import io.trinity.shared.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an activity draft is acceptable. Text is kept exactly as written (it is data: escaped when
 * shown, never interpreted) but bounded in size; control characters other than line breaks and tabs are refused.
 */
public final class ActivityValidator {

    public static final int MAX_TEXT = 50_000;
    public static final int MAX_METRICS = 10_000;
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\p{L}\\p{N}._:/#@+-]{1,200}$");
    private static final Pattern SHORT_ID = Pattern.compile("^[\\p{L}\\p{N}._:@-]{1,100}$");

    private ActivityValidator() {
    }

    public static @Nullable ValidActivity clean(ActivityDraft draft, TimeWindow window, List<FieldError> errors) {
        int before = errors.size();
        String network = null;
        if (blank(draft.network())) {
            errors.add(new FieldError("network", "is required"));
        } else {
            try {
                network = Networks.normalise(draft.network());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("network", e.getMessage()));
            }
        }
        String externalId = draft.externalId() == null ? null : draft.externalId().strip();
        if (blank(externalId)) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId", "must be 1-200 letters, digits or . _ : / # @ + -"));
        }
        ActivityType type = null;
        if (blank(draft.type())) {
            errors.add(new FieldError("type", "is required"));
        } else {
            try {
                type = ActivityType.parse(draft.type());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", e.getMessage()));
            }
        }
        OffsetDateTime occurredAt = null;
        if (blank(draft.occurredAt())) {
            errors.add(new FieldError("occurredAt", "is required"));
        } else {
            try {
                occurredAt = Timestamps.parse(draft.occurredAt());
                if (!window.check(occurredAt, "occurredAt", errors)) {
                    occurredAt = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("occurredAt", e.getMessage()));
            }
        }
        CustomerRef actorCustomer = null;
        String actorUserId = null;
        String actorHandle = null;
        ActivityDraft.Actor actor = draft.actor();
        if (actor == null) {
            errors.add(new FieldError("actor", "is required"));
        } else {
            boolean byCustomer = actor.customerId() != null || !blank(actor.customerExternalId())
                    || !blank(actor.email());
            boolean byIdentity = !blank(actor.networkUserId()) || !blank(actor.handle());
            if (byCustomer && byIdentity) {
                errors.add(new FieldError("actor", "name a customer or a network identity, not both"));
            } else if (byCustomer) {
                List<FieldError> refErrors = new ArrayList<>();
                actorCustomer = CustomerRef.named(actor.customerId(), actor.customerExternalId(),
                        actor.email(), refErrors);
                refErrors.forEach(e -> errors.add(new FieldError("actor", e.message())));
            } else if (byIdentity) {
                actorUserId = blank(actor.networkUserId()) ? null : actor.networkUserId().strip();
                actorHandle = blank(actor.handle()) ? null : Networks.normaliseHandle(actor.handle());
                if (actorUserId != null && !SHORT_ID.matcher(actorUserId).matches()) {
                    errors.add(new FieldError("actor.networkUserId", "is not a network user id"));
                }
                if (actorHandle != null && !SHORT_ID.matcher(actorHandle).matches()) {
                    errors.add(new FieldError("actor.handle", "is not a handle"));
                }
            } else {
                errors.add(new FieldError("actor",
                        "give customerId, customerExternalId, email, networkUserId or handle"));
            }
        }
        CustomerRef targetCustomer = null;
        String targetPost = null;
        String targetStore = null;
        ActivityDraft.Target target = draft.target();
        if (target != null) {
            boolean byCustomer = target.customerId() != null || !blank(target.customerExternalId());
            int kinds = (byCustomer ? 1 : 0) + (blank(target.postId()) ? 0 : 1) + (blank(target.storeId()) ? 0 : 1);
            if (kinds > 1) {
                errors.add(new FieldError("target", "name one target: a customer, a postId or a storeId"));
            } else if (byCustomer) {
                List<FieldError> refErrors = new ArrayList<>();
                targetCustomer = CustomerRef.named(target.customerId(), target.customerExternalId(), null,
                        refErrors);
                refErrors.forEach(e -> errors.add(new FieldError("target", e.message())));
            } else if (!blank(target.postId())) {
                targetPost = target.postId().strip();
                if (!EXTERNAL_ID.matcher(targetPost).matches()) {
                    errors.add(new FieldError("target.postId", "is not a post id"));
                }
            } else if (!blank(target.storeId())) {
                targetStore = target.storeId().strip();
                if (!SHORT_ID.matcher(targetStore).matches()) {
                    errors.add(new FieldError("target.storeId", "is not a store id"));
                }
            }
        }
        String text = draft.text();
        if (text != null) {
            if (text.length() > MAX_TEXT) {
                errors.add(new FieldError("text", "is longer than " + MAX_TEXT + " characters"));
            } else if (!TextRules.isStorable(text, true)) {
                errors.add(new FieldError("text", "contains control characters or broken Unicode"));
            }
        }
        String metrics = draft.metricsJson();
        if (metrics != null && metrics.length() > MAX_METRICS) {
            errors.add(new FieldError("metrics", "is larger than " + MAX_METRICS + " characters"));
        }
        Sentiment sentiment = null;
        if (!blank(draft.sentiment())) {
            try {
                sentiment = Sentiment.parse(draft.sentiment());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sentiment", e.getMessage()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ValidActivity(network, externalId, type, occurredAt, actorCustomer, actorUserId, actorHandle,
                targetCustomer, targetPost, targetStore, text, metrics, sentiment);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
