package io.trinity.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.core.customer.CustomerRef;
import io.trinity.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderValidatorTests {

    @Test
    void aRefundIsANegativeAmount() {
        List<FieldError> errors = new ArrayList<>();
        ValidOrder refund = OrderValidator.clean(new OrderDraft("NW-58102-R1", null, "CUST-0004", null,
                "2026-10-02T15:00:00Z", "-189.00", "USD", "web", null), errors);
        assertThat(errors).isEmpty();
        assertThat(refund.amount().minor()).isEqualTo(-18900);
        assertThat(refund.customer()).isEqualTo(CustomerRef.byExternalId("CUST-0004"));
        assertThat(refund.channel()).isEqualTo(Channel.WEB);
    }

    @Test
    void theCustomerMustBeNamedExactlyOnce() {
        List<FieldError> none = new ArrayList<>();
        OrderValidator.clean(new OrderDraft("A", null, null, null, "2026-01-01T00:00:00Z", "1", "USD", "web", null),
                none);
        assertThat(none).extracting(FieldError::field).containsExactly("customer");
        List<FieldError> two = new ArrayList<>();
        OrderValidator.clean(new OrderDraft("A", 1L, "C", null, "2026-01-01T00:00:00Z", "1", "USD", "web", null),
                two);
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
                errors);
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("externalId", "orderedAt", "currency", "channel", "storeId");
    }
}
