package org.usermodels.user.bulk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.Access;

/**
 * {@code /api/users/imports}: bulk imports of users, for tenant administrators ({@code users.manage}).
 *
 * <pre>
 * POST /api/users/imports                 an NDJSON or CSV file, streamed: 202 with the job
 * GET  /api/users/imports                 the tenant's latest jobs
 * GET  /api/users/imports/{id}            a job: status, counts, progress, its first problems
 * GET  /api/users/imports/{id}/problems   all its problems, row by row, a page at a time
 * </pre>
 */
@Tag(name = "Imports", description = "Bulk imports of users from NDJSON or CSV files, run as jobs.")
@RestController
@RequestMapping("/api/users/imports")
@PreAuthorize("@access.has('users.manage')")
class ImportsController {

    static final int MAX_PAGE = 500;

    private final ImportUpload upload;
    private final ImportJobs jobs;

    ImportsController(ImportUpload upload, ImportJobs jobs) {
        this.upload = upload;
        this.jobs = jobs;
    }

    /**
     * Takes a file in and queues its import. The body is read as it arrives, never buffered whole.
     *
     * @throws HttpMediaTypeNotSupportedException (415) for a body that is neither NDJSON nor CSV
     */
    @PostMapping(consumes = {MediaType.APPLICATION_NDJSON_VALUE, "application/ndjson", "text/csv"})
    @Operation(
            operationId = "startImport",
            summary = "Import users from a file",
            description = "An NDJSON file (one user per line, as `POST /api/users` takes them) or a CSV file (a"
                    + " header row naming the columns), UTF-8, read as it arrives. Every row is checked as a"
                    + " single create would be; the job's resource tells how it goes.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                                        schema = @Schema(type = "string", description = "One user per line")),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        description = "A header row, then a user per row"))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "The file is taken in; its rows are imported as a job.",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The job an earlier request with the same `Idempotency-Key` and file started.",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @ApiResponse(
            responseCode = "413",
            description = "The file is larger, or holds more rows, than an import may; nothing of it is kept.")
    ResponseEntity<ImportView> create(
            TenantRef tenant,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        var format = ImportFormat.of(contentType)
                .orElseThrow(() -> new HttpMediaTypeNotSupportedException(
                        contentType, List.of(MediaType.APPLICATION_NDJSON, MediaType.parseMediaType("text/csv"))));
        var charset = contentType.getCharset();
        if (charset != null && !charset.name().equals("UTF-8")) {
            throw InvalidRequest.field("Content-Type", "an import is UTF-8; the charset may be utf-8 or absent");
        }
        var received = upload.receive(
                format,
                request.getInputStream(),
                idempotencyKey,
                Access.caller().id());
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(received.job().id())
                .toUri();
        var response = ResponseEntity.status(received.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(location);
        if (received.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(received.job());
    }

    @GetMapping
    @Operation(operationId = "listImports", summary = "List the tenant's latest imports")
    @ApiResponse(
            responseCode = "200",
            description = "The latest jobs, newest first.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = MAX_PAGE,
                                            schema = @Schema(implementation = ImportView.class))))
    List<ImportView> latest(
            TenantRef tenant,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "20"))
                    @RequestParam(defaultValue = "20")
                    int limit) {
        return jobs.latest(checkedLimit(limit));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "readImport", summary = "Read an import: its status, counts, progress and first problems")
    ImportView read(TenantRef tenant, @PathVariable UUID id) {
        return jobs.view(id).orElseThrow(() -> ImportNotFound.byId(id));
    }

    @GetMapping("/{id}/problems")
    @Operation(operationId = "listImportProblems", summary = "List an import's problems, row by row")
    ImportView.ProblemsPage problems(
            TenantRef tenant,
            @PathVariable UUID id,
            @Parameter(
                            description = "The row the page starts after: the `nextAfter` of the previous page",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "0",
                                            maximum = "" + ImportProperties.MOST_ROWS))
                    @RequestParam(defaultValue = "0")
                    int after,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "100"))
                    @RequestParam(defaultValue = "100")
                    int limit) {
        if (!jobs.exists(id)) {
            throw ImportNotFound.byId(id);
        }
        var page = jobs.problems(id, after, checkedLimit(limit) + 1);
        var more = page.size() > limit;
        var items = more ? page.subList(0, limit) : page;
        return new ImportView.ProblemsPage(
                List.copyOf(items), more ? items.getLast().row() : null);
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequest.field("limit", "must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }
}
