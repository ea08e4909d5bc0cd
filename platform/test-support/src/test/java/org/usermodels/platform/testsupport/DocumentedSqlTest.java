package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentedSqlTest {

    static final List<String> STATEMENTS = List.of("select u.id from users u where u.tenant_id=?");

    @TempDir
    Path docs;

    @Test
    void acceptsASnippetThatShowsTheRecordedSql() throws Exception {
        var chapter =
                chapter("<!-- sql:s -->\n```sql\n" + DocumentedSql.format(STATEMENTS) + "\n```\n<!-- /sql:s -->\n");

        assertThatCode(() -> DocumentedSql.matches(chapter, "s", STATEMENTS)).doesNotThrowAnyException();
    }

    @Test
    void rejectsASnippetThatShowsOtherSql() throws Exception {
        var chapter = chapter("<!-- sql:s -->\n```sql\nselect 1;\n```\n<!-- /sql:s -->\n");

        assertThatThrownBy(() -> DocumentedSql.matches(chapter, "s", STATEMENTS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("usermodels.docs.update");
    }

    @Test
    void rejectsAChapterWithoutTheSnippet() throws Exception {
        var chapter = chapter("no markers here\n");

        assertThatThrownBy(() -> DocumentedSql.matches(chapter, "s", STATEMENTS))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void formatsStatementsForReading() {
        assertThat(DocumentedSql.format(STATEMENTS))
                .startsWith("select")
                .contains("\n    from\n        users u")
                .endsWith(";")
                .doesNotContain(" \n");
    }

    private Path chapter(String text) throws Exception {
        var file = docs.resolve("chapter.md");
        Files.writeString(file, "# Chapter\n\n" + text);
        return file;
    }
}
