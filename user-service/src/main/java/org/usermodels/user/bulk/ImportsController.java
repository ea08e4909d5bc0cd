package org.usermodels.user.bulk;

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
    ResponseEntity<ImportView> create(
            TenantRef tenant,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
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
    List<ImportView> latest(TenantRef tenant, @RequestParam(defaultValue = "20") int limit) {
        return jobs.latest(checkedLimit(limit));
    }

    @GetMapping("/{id}")
    ImportView read(TenantRef tenant, @PathVariable UUID id) {
        return jobs.view(id).orElseThrow(() -> ImportNotFound.byId(id));
    }

    @GetMapping("/{id}/problems")
    ImportView.ProblemsPage problems(
            TenantRef tenant,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int after,
            @RequestParam(defaultValue = "100") int limit) {
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
