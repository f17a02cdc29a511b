package io.trinity.order;

import io.trinity.shared.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.customer.CustomerRef;
import io.trinity.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderValidatorTests {

    static final TimeWindow NOW = TimeWindow.around(java.time.Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aRefundIsANegativeAmount() {
        List<FieldError> errors = new ArrayList<>();
        ValidOrder refund = OrderValidator.clean(new OrderDraft("NW-58102-R1", null, "CUST-0004", null,
                "2026-10-02T15:00:00Z", "-189.00", "USD", "web", null), NOW, errors);
        assertThat(errors).isEmpty();
        assertThat(refund.amount().minor()).isEqualTo(-18900);
        assertThat(refund.customer()).isEqualTo(CustomerRef.byExternalId("CUST-0004"));
        assertThat(refund.channel()).isEqualTo(Channel.WEB);
    }

    @Test
    void theCustomerMustBeNamedExactlyOnce() {
        List<FieldError> none = new ArrayList<>();
        OrderValidator.clean(new OrderDraft("A", null, null, null, "2026-01-01T00:00:00Z", "1", "USD", "web", null),
                NOW, none);
        assertThat(none).extracting(FieldError::field).containsExactly("customer");
        List<FieldError> two = new ArrayList<>();
        OrderValidator.clean(new OrderDraft("A", 1L, "C", null, "2026-01-01T00:00:00Z", "1", "USD", "web", null),
                NOW, two);
        assertThat(two).extracting(FieldError::message).singleElement().asString().contains("only one");
    }

    @Test
    void emailReferencesAreCaseInsensitive() {
        assertThat(CustomerRef.byEmail("Sofia.Rossi@Example.com")).isEqualTo(CustomerRef.byEmail("sofia.rossi@example.com"));
    }

    @Test
    void everyMissingOrMalformedFieldIsReported() {
        List<FieldError> errors = new ArrayList<>();
        OrderValidator.clean(new OrderDraft(null, null, "C", null, "yesterday", "1", "ZZZ", "fax", "bad store id!"),
                NOW, errors);
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("externalId", "orderedAt", "currency", "channel", "storeId");
    }

    @Test
    void implausibleOrderTimesAreRefusedWithTheirFieldAlone() {
        for (String when : new String[] {"9999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
            "2026-12-02T00:00:01Z", "2026-06-30T12:00:00+18:00", "2026-06-30T12:00:00-14:30"}) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(OrderValidator.clean(new OrderDraft("A", null, "C", null, when, "1", "USD", "web", null), NOW,
                    errors)).as(when).isNull();
            assertThat(errors).as(when).extracting(FieldError::field).containsExactly("orderedAt");
        }
        List<FieldError> errors = new ArrayList<>();
        assertThat(OrderValidator.clean(new OrderDraft("A", null, "C", null, "2026-12-01T23:59:59+14:00", "1", "USD",
                "web", null), NOW, errors)).isNotNull();
        assertThat(errors).isEmpty();
        // A spreadsheet's plain date is that day's midnight UTC.
        ValidOrder byDate = OrderValidator.clean(new OrderDraft("A", null, "C", null, "2026-11-01", "1", "USD", "web",
                null), NOW, errors);
        assertThat(errors).isEmpty();
        assertThat(byDate.orderedAt().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void absurdAmountsAreRefusedWithoutBeingExpanded() {
        for (String amount : new String[] {"1e1000000", "1e10000000", "1E+999999999", "-1e10000000", "1e-10000000",
            "0.000000000000000000000000000000000000001", "1".repeat(41)}) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(OrderValidator.clean(new OrderDraft("A", null, "C", null, "2026-06-30T12:00:00Z", amount, "USD",
                    "web", null), NOW, errors)).as(amount).isNull();
            assertThat(errors).as(amount).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("amount");
                assertThat(e.message()).hasSizeLessThan(200);
            });
        }
        List<FieldError> errors = new ArrayList<>();
        assertThat(OrderValidator.clean(new OrderDraft("A", null, "C", null, "2026-06-30T12:00:00Z", "1.2995E+2",
                "USD", "web", null), NOW, errors).amount().minor()).isEqualTo(12995);
    }
}
