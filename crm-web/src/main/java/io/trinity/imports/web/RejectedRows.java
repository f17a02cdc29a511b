package io.trinity.imports.web;

import io.trinity.imports.ImportReport;
import io.trinity.imports.RowError;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The rows an import rejected, as a CSV to fix and upload again: the file's own header and values, and an
 * {@code error} column saying why. Rows are found by the line they start on, as the import reports them.
 */
final class RejectedRows {

    private RejectedRows() {
    }

    static byte @Nullable [] of(Path file, ImportReport report) {
        Map<Long, List<String>> why = new LinkedHashMap<>();
        for (RowError e : report.errors()) {
            if (e.line() > 1) {
                why.computeIfAbsent(e.line(), k -> new ArrayList<>())
                        .add(e.column() == null || e.column().isBlank() ? e.message() : e.column() + ": " + e.message());
            }
        }
        if (why.isEmpty()) {
            return null;
        }
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Reader reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(in).get();
             Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>(parser.getHeaderNames());
            header.add("error");
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header
                    .toArray(String[]::new)).get())) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    List<String> reasons = why.get(line);
                    if (reasons != null) {
                        List<String> values = new ArrayList<>(record.toList());
                        values.add(String.join("; ", reasons));
                        printer.printRecord(values);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A file the import could not read to the end: the rows found so far are still worth returning.
        }
        return bytes.size() == 0 ? null : bytes.toByteArray();
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
