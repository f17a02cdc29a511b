package io.trinity.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Running counts of an import; a row is rejected once however many problems it has. */
final class ImportTally {

    private final List<RowError> errors = new ArrayList<>();
    private final Set<Long> rejectedLines = new HashSet<>();
    private long rowsRead;
    private long rejected;
    private long created;
    private long updated;
    private long unchanged;
    private boolean truncated;

    long rowsRead() {
        return rowsRead;
    }

    void read() {
        rowsRead++;
    }

    void reject(long line, String column, String message) {
        if (rejectedLines.add(line)) {
            rejected++;
        }
        if (errors.size() < CsvImporter.MAX_REPORTED_ERRORS) {
            errors.add(new RowError(line, column, message));
        } else {
            truncated = true;
        }
    }

    /** A problem with the file itself, not one row: reported, but no row is counted for it. */
    void fileError(long line, String message) {
        errors.add(new RowError(line, "", message));
    }

    void count(int created, int updated, int unchanged) {
        this.created += created;
        this.updated += updated;
        this.unchanged += unchanged;
    }

    ImportReport report() {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportReport(rowsRead, created + updated + unchanged, rejected, created, updated, unchanged,
                sorted, truncated);
    }
}
