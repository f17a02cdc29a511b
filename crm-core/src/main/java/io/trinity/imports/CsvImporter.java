package io.trinity.imports;

import io.trinity.shared.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Shared streaming mechanics of the CSV imports: UTF-8 decoding that refuses malformed bytes, header checks, the
 * physical line of each record, chunking. Feature importers supply what a chunk means.
 */
final class CsvImporter {

    static final int CHUNK = 1_000;
    static final int MAX_REPORTED_ERRORS = 1_000;
    static final long MAX_ROWS = 1_000_000;

    /** One data row with the physical line it starts on. */
    record Row(long line, CSVRecord record) {

        String get(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value;
        }
    }

    interface ChunkHandler {
        void handle(List<Row> chunk, ImportTally tally);
    }

    private CsvImporter() {
    }

    /**
     * Streams {@code input} in chunks to {@code handler}. A header that lacks a {@code required} column, or names one
     * that is not {@code known}, refuses the whole file before any row is stored: a column Trinity would ignore
     * (say {@code street} in a customer file) is data the user expects to keep, so it is never dropped in silence.
     */
    static ImportReport run(InputStream input, Set<String> required, Set<String> known, ChunkHandler handler) {
        ImportTally tally = new ImportTally();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(input, decoder), 64 * 1024);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = required.stream()
                    .filter(column -> header.keySet().stream().noneMatch(h -> h.strip().equals(column)))
                    .sorted().toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "the header lacks column(s) " + String.join(", ", missing)
                        + "; found " + String.join(", ", header.keySet()));
            }
            List<String> unknown = header.keySet().stream().map(String::strip).filter(h -> !known.contains(h))
                    .map(h -> h.isEmpty() ? "(a column without a name)" : "'" + shorten(h) + "'").toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("file", "the header names column(s) Trinity does not import: "
                        + String.join(", ", unknown) + ". Nothing was imported; remove or rename them (known columns: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            int columns = header.size();
            List<Row> chunk = new ArrayList<>(CHUNK);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    tally.fileError(line, "the file is not valid CSV from here on (" + reason(e)
                            + "); rows before line " + line + " were processed, nothing after it");
                    break;
                }
                if (tally.rowsRead() >= MAX_ROWS) {
                    tally.fileError(line, "the file has more than " + MAX_ROWS + " rows; the rest was not read");
                    break;
                }
                tally.read();
                if (record.size() != columns) {
                    tally.reject(line, "", "has " + record.size() + " fields where the header has " + columns);
                    continue;
                }
                chunk.add(new Row(line, record));
                if (chunk.size() == CHUNK) {
                    handler.handle(chunk, tally);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                handler.handle(chunk, tally);
            }
        } catch (UncheckedIOException e) {
            tally.fileError(0, "the file could not be read: " + reason(e));
        } catch (IOException e) {
            throw new InvalidInputException("file", "the file could not be read as CSV: " + reason(e));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", "the header is not usable: " + e.getMessage());
        }
        return tally.report();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * What a row that the database refused is told: not the database's own words (they name tables and
     * constraints), but that it was not stored; the cause goes to the log.
     */
    static String notStored(long line, RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(CsvImporter.class).warn("CSV line {} could not be stored: {}", line,
                CustomerCsvImport.rootMessage(e));
        return "could not be stored (the database refused the row; the server log has the details)";
    }

    static Boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }
}
