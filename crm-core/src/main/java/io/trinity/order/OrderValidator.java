package io.trinity.order;

import io.trinity.customer.CustomerRef;
import io.trinity.shared.FieldError;
import io.trinity.shared.Money;
import io.trinity.shared.TimeWindow;
import io.trinity.shared.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Decides whether an order draft is acceptable, for the API and CSV imports alike. Plain Java. */
public final class OrderValidator {

    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\p{L}\\p{N}._:/#@+-]{1,100}$");
    private static final Pattern STORE_ID = Pattern.compile("^[\\p{L}\\p{N}._-]{1,50}$");

    private OrderValidator() {
    }

    public static @Nullable ValidOrder clean(OrderDraft draft, TimeWindow window, List<FieldError> errors) {
        int before = errors.size();
        String externalId = trim(draft.externalId());
        if (externalId == null) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId", "must be 1-100 letters, digits or . _ : / # @ + -"));
        }
        CustomerRef ref = CustomerRef.named(draft.customerId(), draft.customerExternalId(), draft.email(), errors);
        OffsetDateTime orderedAt = null;
        if (trim(draft.orderedAt()) == null) {
            errors.add(new FieldError("orderedAt", "is required"));
        } else {
            try {
                orderedAt = Timestamps.parse(draft.orderedAt());
                if (!window.check(orderedAt, "orderedAt", errors)) {
                    orderedAt = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("orderedAt", e.getMessage()));
            }
        }
        Money amount = null;
        if (trim(draft.amount()) == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (trim(draft.currency()) == null) {
            errors.add(new FieldError("currency", "is required"));
        } else {
            try {
                amount = Money.parse(draft.amount(), draft.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(e.getMessage().contains("currency") ? "currency" : "amount", e.getMessage()));
            }
        }
        Channel channel = null;
        if (trim(draft.channel()) == null) {
            errors.add(new FieldError("channel", "is required (store, web or app)"));
        } else {
            try {
                channel = Channel.parse(draft.channel());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("channel", e.getMessage()));
            }
        }
        String storeId = trim(draft.storeId());
        if (storeId != null && !STORE_ID.matcher(storeId).matches()) {
            errors.add(new FieldError("storeId", "must be 1-50 letters, digits, '.', '_' or '-'"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ValidOrder(externalId, ref, orderedAt, amount, channel, storeId);
    }

    static @Nullable String trim(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
