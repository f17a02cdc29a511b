package io.trinity.customer;

import io.trinity.shared.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValidatorTests {

    static final TimeWindow NOW = TimeWindow.around(java.time.Instant.parse("2026-12-01T00:00:00Z"));

    static CustomerDraft draft(String externalId, String email, String country, String locale, String createdAt) {
        return new CustomerDraft(externalId, " Åse ", "Nygård", email, null, null, locale, "Tromsø", country, true,
                createdAt, null, null, null, null);
    }

    @Test
    void aCleanDraftIsTrimmedAndNormalised() {
        List<FieldError> errors = new ArrayList<>();
        CustomerData data = CustomerValidator.clean(
                draft("CUST-0101", "ase.nygard@example.com", "no", "nb-no", "2025-08-14T09:20:00+02:00"), NOW, errors);
        assertThat(errors).isEmpty();
        assertThat(data.firstName()).isEqualTo("Åse");
        assertThat(data.country()).isEqualTo("NO");
        assertThat(data.locale()).isEqualTo("nb-NO");
        assertThat(data.createdAt().toInstant()).hasToString("2025-08-14T07:20:00Z");
    }

    @Test
    void eachProblemIsNamedByItsField() {
        assertThat(CustomerValidator.check(draft(null, "rosa.delgado(at)example.org", "Norway", "!!",
                "31/02/2025 10:00"), NOW))
                .extracting(FieldError::field)
                .containsExactly("externalId", "email", "locale", "country", "createdAt");
    }

    @Test
    void anEmailNeedsADomainWithADot() {
        assertThat(CustomerValidator.check(draft("X", "a@b", null, null, null), NOW)).hasSize(1);
        assertThat(CustomerValidator.check(draft("X", "a b@example.com", null, null, null), NOW)).hasSize(1);
        assertThat(CustomerValidator.check(draft("X", "Sofia.Rossi@Example.com", null, null, null), NOW)).isEmpty();
    }

    @Test
    void aTimestampWithoutAnOffsetIsRefused() {
        assertThat(CustomerValidator.check(draft("X", null, null, null, "2025-08-14T09:20:00"), NOW))
                .extracting(FieldError::field).containsExactly("createdAt");
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        CustomerDraft draft = new CustomerDraft("X", "Ann\nMarie", null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(CustomerValidator.check(draft, NOW)).extracting(FieldError::field).containsExactly("firstName");
    }
}
