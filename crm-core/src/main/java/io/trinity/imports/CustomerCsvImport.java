package io.trinity.imports;

import io.trinity.customer.CustomerBulkUpsert;
import io.trinity.customer.CustomersChanged;
import org.springframework.context.ApplicationEventPublisher;
import io.trinity.customer.CustomerData;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerValidator;
import io.trinity.customer.UpsertOutcome;
import io.trinity.identity.IdentityDeclarations;
import io.trinity.identity.IdentityDeclarations.Declared;
import io.trinity.identity.Networks;
import io.trinity.shared.FieldError;
import io.trinity.shared.IngestWindow;
import io.trinity.shared.Retries;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from CSV (columns as in the shared fixtures: external_id, first_name, last_name, email, phone,
 * loyalty_number, facebook_id, x_username, street, postal_code, city, region, country, consent_marketing,
 * created_at, birth_date). The Facebook id and X
 * username are the customer's own declaration, so they link those identities.
 */
@Service
public class CustomerCsvImport {

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("externalId", "external_id"), Map.entry("firstName", "first_name"),
            Map.entry("lastName", "last_name"), Map.entry("email", "email"), Map.entry("phone", "phone"),
            Map.entry("loyaltyNumber", "loyalty_number"), Map.entry("locale", "locale"), Map.entry("city", "city"),
            Map.entry("country", "country"), Map.entry("marketingConsent", "consent_marketing"),
            Map.entry("createdAt", "created_at"), Map.entry("birthDate", "birth_date"), Map.entry("street", "street"),
            Map.entry("postalCode", "postal_code"), Map.entry("region", "region"));
    /** Every column a customer file may have. */
    static final Set<String> COLUMNS = Set.of("external_id", "first_name", "last_name", "email", "phone",
            "loyalty_number", "locale", "facebook_id", "x_username", "city", "country", "consent_marketing",
            "created_at", "birth_date", "street", "postal_code", "region");
    private static final Pattern FACEBOOK_ID = Pattern.compile("^[0-9]{1,30}$");
    private static final Pattern X_USERNAME = Pattern.compile("^@?[A-Za-z0-9_]{1,15}$");

    private final CustomerBulkUpsert upsert;
    private final IdentityDeclarations declarations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IngestWindow times;

    CustomerCsvImport(CustomerBulkUpsert upsert, IdentityDeclarations declarations, ApplicationEventPublisher events,
            TransactionTemplate transactions, IngestWindow times) {
        this.times = times;
        this.upsert = upsert;
        this.declarations = declarations;
        this.events = events;
        this.transactions = transactions;
    }

    public ImportReport importCsv(InputStream csv) {
        return importCsv(csv, false);
    }

    /**
     * Imports, or with {@code dryRun} checks the file exactly as an import would (the same validation, the same
     * conflicts with stored customers, the same counts of new and updated) and stores nothing: each chunk is
     * written in a transaction that is rolled back.
     */
    public ImportReport importCsv(InputStream csv, boolean dryRun) {
        Set<String> seenExternalIds = new HashSet<>();
        Map<String, Long> seenLoyalty = new HashMap<>();
        return CsvImporter.run(csv, Set.of("external_id"), COLUMNS, (rows, tally) -> {
            List<Parsed> parsed = new ArrayList<>();
            for (CsvImporter.Row row : rows) {
                Parsed p = parse(row, tally);
                if (p == null) {
                    continue;
                }
                String externalId = p.data().externalId();
                if (!seenExternalIds.add(externalId)) {
                    tally.reject(row.line(), "external_id", "duplicate external_id '" + externalId
                            + "': an earlier row of this file has it");
                    continue;
                }
                if (p.data().loyaltyNumber() != null) {
                    Long earlier = seenLoyalty.putIfAbsent(p.data().loyaltyNumber(), row.line());
                    if (earlier != null) {
                        tally.reject(row.line(), "loyalty_number", "loyalty number '" + p.data().loyaltyNumber()
                                + "' is already used on line " + earlier);
                        continue;
                    }
                }
                parsed.add(p);
            }
            writeChunk(parsed, tally, dryRun);
        });
    }

    private record Parsed(long line, CustomerData data, List<Declared> identities) {
    }

    private Parsed parse(CsvImporter.Row row, ImportTally tally) {
        List<FieldError> errors = new ArrayList<>();
        Boolean consent = null;
        String consentText = row.get("consent_marketing");
        if (consentText != null) {
            try {
                consent = CsvImporter.parseBoolean(consentText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("marketingConsent", e.getMessage()));
            }
        }
        CustomerDraft draft = new CustomerDraft(row.get("external_id"), row.get("first_name"), row.get("last_name"),
                row.get("email"), row.get("phone"), row.get("loyalty_number"), row.get("locale"), row.get("city"),
                row.get("country"), consent, row.get("created_at"), row.get("birth_date"), row.get("street"),
                row.get("postal_code"), row.get("region"));
        CustomerData data = CustomerValidator.clean(draft, times.now(), errors);
        List<Declared> identities = new ArrayList<>();
        String facebookId = row.get("facebook_id");
        if (facebookId != null) {
            if (FACEBOOK_ID.matcher(facebookId.strip()).matches()) {
                identities.add(new Declared(Networks.FACEBOOK, facebookId.strip(), null));
            } else {
                errors.add(new FieldError("facebook_id", "'" + facebookId + "' is not a Facebook user id"));
            }
        }
        String xUsername = row.get("x_username");
        if (xUsername != null) {
            if (X_USERNAME.matcher(xUsername.strip()).matches()) {
                identities.add(new Declared(Networks.X, null, Networks.normaliseHandle(xUsername)));
            } else {
                errors.add(new FieldError("x_username", "'" + xUsername + "' is not an X username"));
            }
        }
        if (!errors.isEmpty() || data == null) {
            errors.forEach(e -> tally.reject(row.line(), COLUMN_OF_FIELD.getOrDefault(e.field(), e.field()),
                    e.message()));
            return null;
        }
        return new Parsed(row.line(), data, identities);
    }

    private void writeChunk(List<Parsed> rows, ImportTally tally, boolean dryRun) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            Retries.onConflict(() -> transactions.execute(status -> {
                write(rows, tally);
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return null;
            }));
        } catch (DataAccessException e) {
            // A conflict the pre-checks could not see (e.g. a concurrent writer): retry row by row so one bad row
            // costs only itself.
            for (Parsed row : rows) {
                try {
                    transactions.executeWithoutResult(status -> {
                        write(List.of(row), tally);
                        if (dryRun) {
                            status.setRollbackOnly();
                        }
                    });
                } catch (DataAccessException single) {
                    tally.reject(row.line(), "", CsvImporter.notStored(row.line(), single));
                }
            }
        }
    }

    /** Pre-checks conflicts with stored customers and identities, then upserts; counts only when it succeeds. */
    private void write(List<Parsed> rows, ImportTally tally) {
        List<Parsed> clean = new ArrayList<>();
        Map<String, String> loyaltyOwners = upsert.loyaltyOwners(rows.stream()
                .map(p -> p.data().loyaltyNumber()).filter(java.util.Objects::nonNull).toList());
        Map<Declared, String> identityOwners = declarations.owners(
                rows.stream().flatMap(p -> p.identities().stream()).toList());
        List<RowError> rejected = new ArrayList<>();
        for (Parsed row : rows) {
            String loyalty = row.data().loyaltyNumber();
            String owner = loyalty == null ? null : loyaltyOwners.get(loyalty);
            if (owner != null && !owner.equals(row.data().externalId())) {
                rejected.add(new RowError(row.line(), "loyalty_number", "loyalty number '" + loyalty
                        + "' belongs to customer " + owner));
                continue;
            }
            RowError identityConflict = null;
            for (Declared identity : row.identities()) {
                String holder = identityOwners.get(identity);
                if (holder != null && !holder.equals(row.data().externalId())) {
                    identityConflict = new RowError(row.line(),
                            identity.network().equals(Networks.FACEBOOK) ? "facebook_id" : "x_username",
                            "this " + identity.network() + " account is linked to customer " + holder);
                }
            }
            if (identityConflict != null) {
                rejected.add(identityConflict);
                continue;
            }
            clean.add(row);
        }
        CustomerBulkUpsert.Result result = upsert.upsert(clean.stream().map(Parsed::data).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Long> changed = new ArrayList<>();
        for (Parsed row : clean) {
            long customerId = result.ids().get(row.data().externalId());
            boolean linked = declarations.declare(customerId, row.identities());
            UpsertOutcome outcome = result.outcomes().get(row.data().externalId());
            if (outcome == UpsertOutcome.CREATED) {
                created++;
                changed.add(customerId);
            } else if (outcome == UpsertOutcome.UPDATED || linked) {
                updated++;
                changed.add(customerId);
            } else {
                unchanged++;
            }
        }
        events.publishEvent(CustomersChanged.of(changed));
        // Only now that every statement succeeded do the figures become part of the report.
        rejected.forEach(e -> tally.reject(e.line(), e.column(), e.message()));
        tally.count(created, updated, unchanged);
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
