package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usermodels.user.attribute.AttributeSchema;
import tools.jackson.databind.json.JsonMapper;

/** Reading uploaded files row by row: what spreadsheets and editors really write. */
class RowReaderTest {

    static final JsonMapper json = JsonMapper.builder().build();

    static List<ImportRow> rows(ImportFormat format, InputStream in) {
        var rows = new ArrayList<ImportRow>();
        try (var reader = RowReader.of(format, in, json, AttributeSchema.empty())) {
            for (var row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<ImportRow> rows(ImportFormat format, String text) {
        return rows(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfItsFirstColumn() {
        var rows = rows(ImportFormat.CSV, "\uFEFFusername,email\nada,ada@example.org\n");

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().content()).isNotNull();
        assertThat(rows.getFirst().content().get("username").asString()).isEqualTo("ada");
    }

    @Test
    void aByteOrderMarkThatArrivesAloneIsDroppedToo() {
        // the mark in a read of its own, as a slow upload can deliver it
        var mark = new ByteArrayInputStream("\uFEFF".getBytes(StandardCharsets.UTF_8));
        var rest = new ByteArrayInputStream("{\"username\": \"ada\"}\n".getBytes(StandardCharsets.UTF_8));

        var rows = rows(ImportFormat.NDJSON, new SequenceInputStream(mark, rest));

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().problems()).isEmpty();
        assertThat(rows.getFirst().row()).isOne();
    }

    @Test
    void anyNumberOfBlankLinesIsSkippedAndCountedInTheRowNumbers() {
        var csv = "username\n" + "\n".repeat(200_000) + "ada\n";
        var ndjson = "\n".repeat(200_000) + "{\"username\": \"ada\"}\n";

        assertThat(rows(ImportFormat.CSV, csv))
                .singleElement()
                .extracting(ImportRow::row)
                .isEqualTo(200_002);
        assertThat(rows(ImportFormat.NDJSON, ndjson))
                .singleElement()
                .extracting(ImportRow::row)
                .isEqualTo(200_001);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLineAfterTheLinesBefore() {
        var bytes = new ByteArrayInputStream(
                "{\"username\": \"ada\"}\n{\"username\": \"b\u00e9\"}\n{\"username\": \"x\u00ff\"}\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> rows(ImportFormat.NDJSON, bytes))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.getBody().getDetail())
                                .isEqualTo("The file is not UTF-8 text (line 2)."));
    }
}
