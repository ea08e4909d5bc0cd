package org.usermodels.user.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.FieldProblem;

/**
 * An import job as the API shows it: where it stands, its counts and the problems of its rows.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code COMPLETED} (every row imported or refused) or
 *     {@code FAILED}
 * @param progress processed rows over total rows, from 0 to 1
 * @param lastError why the job waits, when that is not a row's fault (the identity provider did not answer)
 * @param problems the first problems, row by row; {@code null} in lists of jobs
 * @param moreProblems whether there are more than those, at {@code …/imports/{id}/problems}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportView(
        UUID id,

        @Schema(allowableValues = {"QUEUED", "RUNNING", "COMPLETED", "FAILED"})
        String status,

        @Schema(allowableValues = {"ndjson", "csv"}) String format,

        @Schema(minimum = "0", maximum = "" + ImportProperties.MOST_ROWS)
        int totalRows,

        @Schema(minimum = "0", maximum = "" + ImportProperties.MOST_ROWS)
        int processedRows,

        @Schema(minimum = "0", maximum = "" + ImportProperties.MOST_ROWS)
        int importedRows,

        @Schema(minimum = "0", maximum = "" + ImportProperties.MOST_ROWS)
        int failedRows,

        @Schema(minimum = "0", maximum = "1") double progress,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Schema(maxLength = 500) @Nullable String lastError,

        @ArraySchema(maxItems = ImportsController.MAX_PAGE) @Nullable List<RowProblems> problems,

        @Nullable Boolean moreProblems) {

    /** The problems of one row: one entry per field, as {@code POST /api/users} would have answered. */
    record RowProblems(
            @Schema(minimum = "1", maximum = "" + ImportProperties.MOST_ROWS)
            int row,

            @ArraySchema(maxItems = 1000) List<FieldProblem> errors) {}

    /** A page of a job's problems and the row to continue after, {@code null} on the last page. */
    record ProblemsPage(
            @ArraySchema(maxItems = ImportsController.MAX_PAGE)
            List<RowProblems> items,

            @Schema(minimum = "1", maximum = "" + ImportProperties.MOST_ROWS) @Nullable Integer nextAfter) {}

    static ImportView of(
            UUID id,
            String status,
            String format,
            int totalRows,
            int processedRows,
            int importedRows,
            int failedRows,
            @Nullable Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String lastError) {
        return new ImportView(
                id,
                status,
                format,
                totalRows,
                processedRows,
                importedRows,
                failedRows,
                totalRows == 0 ? 1 : Math.round(1000.0 * processedRows / totalRows) / 1000.0,
                Objects.requireNonNull(createdAt, "createdAt"),
                startedAt,
                finishedAt,
                lastError,
                null,
                null);
    }

    ImportView withProblems(List<RowProblems> problems, boolean more) {
        return new ImportView(
                id,
                status,
                format,
                totalRows,
                processedRows,
                importedRows,
                failedRows,
                progress,
                createdAt,
                startedAt,
                finishedAt,
                lastError,
                List.copyOf(problems),
                more);
    }
}
