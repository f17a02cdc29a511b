package io.trinity.imports;

import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.BatchResult;
import io.trinity.shared.ItemError;
import io.trinity.shared.Retries;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports orders from CSV (order_id, customer_external_id, ordered_at, amount, currency, channel, store_id; a
 * negative amount is a refund). Each chunk goes through the same {@link OrderIngest} as the API, so both accept
 * and refuse the same things.
 */
@Service
public class OrderCsvImport {

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "externalId", "order_id", "customer", "customer_external_id",
            "customerExternalId", "customer_external_id", "customerId", "customer_id", "email", "email",
            "orderedAt", "ordered_at", "amount", "amount", "currency", "currency", "channel", "channel",
            "storeId", "store_id");

    /** Every column an order file may have. */
    static final Set<String> COLUMNS = Set.of("order_id", "customer_external_id", "customer_id", "email", "ordered_at",
            "amount", "currency", "channel", "store_id");

    private final OrderIngest ingest;
    private final TransactionTemplate transactions;

    OrderCsvImport(OrderIngest ingest, TransactionTemplate transactions) {
        this.ingest = ingest;
        this.transactions = transactions;
    }

    public ImportReport importCsv(InputStream csv) {
        return importCsv(csv, false);
    }

    /** Imports, or with {@code dryRun} checks the file as an import would and rolls every chunk back. */
    public ImportReport importCsv(InputStream csv, boolean dryRun) {
        Set<String> seen = new HashSet<>();
        return CsvImporter.run(csv, Set.of("order_id", "ordered_at", "amount", "currency", "channel"), COLUMNS,
                (rows, tally) -> {
                    List<CsvImporter.Row> fresh = new ArrayList<>();
                    for (CsvImporter.Row row : rows) {
                        String id = row.get("order_id");
                        if (id != null && !seen.add(id.strip())) {
                            tally.reject(row.line(), "order_id", "duplicate order_id '" + id.strip()
                                    + "': an earlier row of this file has it");
                        } else {
                            fresh.add(row);
                        }
                    }
                    writeChunk(fresh, tally, dryRun);
                });
    }

    private void writeChunk(List<CsvImporter.Row> rows, ImportTally tally, boolean dryRun) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            BatchResult result = Retries.onConflict(() -> transactions.execute(status -> {
                BatchResult written = ingest.ingest(drafts(rows));
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return written;
            }));
            record(rows, result, tally);
        } catch (DataAccessException e) {
            for (CsvImporter.Row row : rows) {
                try {
                    record(List.of(row), transactions.execute(status -> {
                        BatchResult written = ingest.ingest(drafts(List.of(row)));
                        if (dryRun) {
                            status.setRollbackOnly();
                        }
                        return written;
                    }), tally);
                } catch (DataAccessException single) {
                    tally.reject(row.line(), "", CsvImporter.notStored(row.line(), single));
                }
            }
        }
    }

    private static List<OrderDraft> drafts(List<CsvImporter.Row> rows) {
        return rows.stream().map(OrderCsvImport::draft).toList();
    }

    private static OrderDraft draft(CsvImporter.Row row) {
        Long customerId = null;
        String id = row.get("customer_id");
        if (id != null) {
            try {
                customerId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                customerId = -1L; // cannot match anyone; reported as an unknown customer
            }
        }
        return new OrderDraft(row.get("order_id"), customerId, row.get("customer_external_id"), row.get("email"),
                row.get("ordered_at"), row.get("amount"), row.get("currency"), row.get("channel"),
                row.get("store_id"));
    }

    private static void record(List<CsvImporter.Row> rows, BatchResult result, ImportTally tally) {
        for (ItemError error : result.errors()) {
            tally.reject(rows.get(error.index()).line(), COLUMN_OF_FIELD.getOrDefault(error.field(), error.field()),
                    error.message());
        }
        tally.count(result.created(), result.updated(), result.unchanged());
    }
}
