package org.usermodels.user.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.usermodels.user.attribute.AttributeSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an uploaded file one row at a time, holding nothing but the current row: however large the file,
 * the memory it takes is that of its longest row. The bytes must be UTF-8.
 */
abstract sealed class RowReader implements AutoCloseable {

    /** The longest NDJSON line read; a longer one is a row problem, skipped without being held whole. */
    static final int MAX_LINE = 64 * 1024;

    /**
     * The next row, or {@code null} after the last.
     *
     * @throws FileRefused when the file as a whole cannot be read on (not UTF-8, broken CSV quoting)
     */
    abstract @Nullable ImportRow next();

    static RowReader of(ImportFormat format, InputStream in, JsonMapper json, AttributeSchema schema) {
        var reader = new Utf8Reader(in);
        return switch (format) {
            case NDJSON -> new Ndjson(reader, json);
            case CSV -> new Csv(reader, json, schema);
        };
    }

    @Override
    public abstract void close();

    /** Checks every string of a document for text the database cannot store. */
    static @Nullable String textProblem(JsonNode node) {
        if (node.isString()) {
            return TextChecks.problem(node.asString());
        }
        for (var entry : node.properties()) {
            var problem = TextChecks.problem(entry.getKey());
            if (problem == null) {
                problem = textProblem(entry.getValue());
            }
            if (problem != null) {
                return problem;
            }
        }
        if (node.isArray()) {
            for (var element : node) {
                var problem = textProblem(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    static FileRefused notUtf8(long line) {
        return FileRefused.unreadable("The file is not UTF-8 text (line %d).".formatted(line));
    }

    /** One JSON object per line; blank lines are skipped, and rows are numbered by line. */
    static final class Ndjson extends RowReader {

        private final Reader in;
        private final JsonMapper json;
        private int line;
        private boolean endReached;

        Ndjson(Reader in, JsonMapper json) {
            this.in = in;
            this.json = json;
        }

        @Override
        @Nullable ImportRow next() {
            while (!endReached) {
                var text = new StringBuilder();
                boolean tooLong;
                try {
                    tooLong = readLine(text);
                } catch (CharacterCodingException e) {
                    throw notUtf8(line + 1);
                } catch (IOException e) {
                    throw FileRefused.unreadable("The upload broke off: " + e.getMessage());
                }
                line++;
                if (tooLong) {
                    return ImportRow.unreadable(line, "", "is longer than %d characters".formatted(MAX_LINE));
                }
                if (text.toString().isBlank()) {
                    continue;
                }
                try {
                    var node = json.readTree(text.toString());
                    if (!(node instanceof ObjectNode document)) {
                        return ImportRow.unreadable(line, "", "is not a JSON object");
                    }
                    var problem = textProblem(document);
                    return problem == null ? ImportRow.read(line, document) : ImportRow.unreadable(line, "", problem);
                } catch (JacksonException e) {
                    return ImportRow.unreadable(line, "", "is not valid JSON");
                }
            }
            return null;
        }

        /** Reads up to the end of the line; answers whether it was longer than {@link #MAX_LINE}. */
        private boolean readLine(StringBuilder text) throws IOException {
            var tooLong = false;
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return tooLong;
                }
                if (text.length() < MAX_LINE) {
                    if (c != '\r') {
                        text.append((char) c);
                    }
                } else {
                    tooLong = true;
                }
            }
            endReached = true;
            return tooLong;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the request's stream: the container closes it
            }
        }
    }

    /**
     * RFC 4180 CSV: the header row names the columns ({@link CsvColumns}); every other row is one user, an
     * empty cell an absent field. Cells are text; attribute columns are read as their attribute's type reads
     * text, and {@code customer.marketingConsent} as a boolean.
     */
    static final class Csv extends RowReader {

        private final MappingIterator<String[]> records;
        private final JsonMapper json;
        private final AttributeSchema schema;
        private final List<String> header;
        private int row = 1;

        Csv(Reader in, JsonMapper json, AttributeSchema schema) {
            this.json = json;
            this.schema = schema;
            var csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
            try {
                this.records = csv.readerFor(String[].class).readValues(in);
                if (!records.hasNext()) {
                    throw FileRefused.unreadable("The file is empty: a CSV import needs a header row.");
                }
                this.header = List.of(records.next());
            } catch (JacksonException e) {
                throw unreadable(e, 1);
            }
            checkHeader();
        }

        private void checkHeader() {
            var known = CsvColumns.importable(schema);
            var unknown = new LinkedHashSet<String>();
            var seen = new HashSet<String>();
            var repeated = new LinkedHashSet<String>();
            for (var column : header) {
                if (!known.contains(column)) {
                    unknown.add(column);
                }
                if (!seen.add(column)) {
                    repeated.add(column);
                }
            }
            if (!unknown.isEmpty() || !repeated.isEmpty()) {
                throw FileRefused.header(List.copyOf(unknown), List.copyOf(repeated), List.copyOf(known));
            }
            if (!seen.contains("username")) {
                throw FileRefused.header(List.of(), List.of(), List.copyOf(known));
            }
        }

        @Override
        @Nullable ImportRow next() {
            try {
                String[] cells;
                do { // blank lines are skipped, however many there are
                    if (!records.hasNext()) {
                        return null;
                    }
                    cells = records.next();
                    row++;
                } while (cells.length == 1 && cells[0].isEmpty());
                if (cells.length != header.size()) {
                    return ImportRow.unreadable(
                            row, "", "has %d cells where the header names %d".formatted(cells.length, header.size()));
                }
                var document = json.createObjectNode();
                for (var i = 0; i < cells.length; i++) {
                    var cell = cells[i];
                    var column = header.get(i);
                    if (cell.isEmpty() || CsvColumns.EXPORT_ONLY.contains(column)) {
                        continue;
                    }
                    var problem = TextChecks.problem(cell);
                    if (problem != null) {
                        return ImportRow.unreadable(row, column, problem);
                    }
                    put(document, column, cell);
                }
                return ImportRow.read(row, document);
            } catch (JacksonException e) {
                throw unreadable(e, row + 1);
            }
        }

        private void put(ObjectNode document, String column, String cell) {
            if (column.startsWith(CsvColumns.ATTRIBUTE_PREFIX)) {
                var name = column.substring(CsvColumns.ATTRIBUTE_PREFIX.length());
                document.withObjectProperty("attributes").set(name, json.valueToTree(schema.valueFromText(name, cell)));
                return;
            }
            var dot = column.indexOf('.');
            if (dot < 0) {
                document.put(column, cell);
                return;
            }
            var details = document.withObjectProperty(column.substring(0, dot));
            var field = column.substring(dot + 1);
            if (field.equals("marketingConsent") && (cell.equals("true") || cell.equals("false"))) {
                details.put(field, Boolean.parseBoolean(cell));
            } else {
                details.put(field, cell);
            }
        }

        /** The file as a whole refused: bytes that are not UTF-8, or CSV the parser cannot go on from. */
        private static FileRefused unreadable(JacksonException e, int row) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FileRefused refused) {
                    return refused;
                }
                if (cause instanceof CharacterCodingException) {
                    return notUtf8(row);
                }
            }
            var line = e.getLocation() == null || e.getLocation().getLineNr() < 0
                    ? row
                    : e.getLocation().getLineNr();
            return FileRefused.unreadable(
                    "The file is not valid CSV (line %d): %s.".formatted(line, e.getOriginalMessage()));
        }

        @Override
        public void close() {
            records.close();
        }
    }
}
