package io.trinity.imports;

import java.util.List;

/**
 * Outcome of one CSV import. {@code imported} counts rows accepted (created, updated or already up to date), so
 * {@code rowsRead = imported + rejected}. At most {@link CsvImporter#MAX_REPORTED_ERRORS} errors are listed;
 * {@code rejected} is always the full count.
 */
public record ImportReport(long rowsRead, long imported, long rejected, long created, long updated, long unchanged,
        List<RowError> errors, boolean errorsTruncated) {
}
