package org.usermodels.user.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.attribute.TenantAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes an uploaded file in: streamed row by row into staged rows (never held whole), in one transaction, so
 * that a file refused half-way (over the limit, unreadable) leaves nothing behind. The job is written last,
 * when the rows are counted and the file's fingerprint is known; a worker then processes it.
 *
 * <p>With an {@code Idempotency-Key}, the same key and the same file answer the job the first upload made
 * (marked replayed), another file under that key is refused with 422, whichever upload of two racing ones
 * commits first wins and the other answers its job.
 */
@Service
class ImportUpload {

    private final ImportJobs jobs;
    private final TenantAttributes attributes;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final ImportWorker worker;
    private final JsonMapper json;

    ImportUpload(
            ImportJobs jobs,
            TenantAttributes attributes,
            ImportProperties properties,
            TransactionTemplate transactions,
            ImportWorker worker,
            JsonMapper json) {
        this.jobs = jobs;
        this.attributes = attributes;
        this.properties = properties;
        this.transactions = transactions;
        this.worker = worker;
        this.json = json;
    }

    /** What an upload came to: the job, and whether an earlier upload with the same key made it. */
    record Received(ImportView job, boolean replayed) {}

    /**
     * Stages a file and queues its job.
     *
     * @throws FileRefused (400, 413) for a file that cannot be read, names unknown columns, holds no row or is
     *     over the limits; nothing is kept then
     * @throws ErrorResponseException (422) when the key was used for another file
     */
    Received receive(ImportFormat format, InputStream body, @Nullable String idempotencyKey, UUID caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw InvalidRequest.field("Idempotency-Key", "must hold 1 to 255 characters");
        }
        var input = new MeteredInput(body, properties.maxSize().toBytes());
        if (idempotencyKey != null) {
            var earlier = transactions.execute(status -> jobs.byKey(idempotencyKey));
            if (earlier != null && earlier.isPresent()) {
                drain(input);
                return replay(earlier.get(), input.fingerprint());
            }
        }
        var id = UUID.randomUUID();
        var written = transactions.execute(status -> {
            if (stage(id, format, input, idempotencyKey, caller)) {
                return true;
            }
            status.setRollbackOnly();
            return false;
        });
        if (!Boolean.TRUE.equals(written)) {
            var winner = transactions
                    .execute(status -> jobs.byKey(Objects.requireNonNull(idempotencyKey)))
                    .orElseThrow(() -> new IllegalStateException("the job that took the key vanished"));
            return replay(winner, input.fingerprint());
        }
        worker.wake();
        return new Received(view(id), false);
    }

    /** Stages every row and writes the job; answers false if a job with the key committed first. */
    private boolean stage(
            UUID id, ImportFormat format, MeteredInput input, @Nullable String idempotencyKey, UUID caller) {
        var total = 0;
        var unreadable = 0;
        var batch = new ArrayList<ImportJobs.StagedRow>(properties.stagingBatch());
        try (var reader = RowReader.of(format, input, json, attributes.schema())) {
            for (var row = reader.next(); row != null; row = reader.next()) {
                if (++total > properties.maxRows()) {
                    throw FileRefused.tooManyRows(properties.maxRows());
                }
                if (row.content() == null) {
                    unreadable++;
                }
                batch.add(new ImportJobs.StagedRow(
                        row.row(),
                        UserId.of(UUID.randomUUID()),
                        row.content() == null ? null : json.writeValueAsString(row.content()),
                        row.problems()));
                if (batch.size() == properties.stagingBatch()) {
                    jobs.stage(id, batch);
                    batch.clear();
                }
            }
        }
        if (total == 0) {
            throw FileRefused.empty();
        }
        jobs.stage(id, batch);
        return jobs.create(id, idempotencyKey, input.fingerprint(), format, total, unreadable, caller);
    }

    private Received replay(ImportJobs.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for a different file. Use a new key for a new import.");
            problem.setTitle("Idempotency key reused");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        return new Received(view(earlier.id()), true);
    }

    private ImportView view(UUID id) {
        return transactions
                .execute(status -> jobs.view(id))
                .orElseThrow(() -> new IllegalStateException("import " + id + " vanished"));
    }

    private static void drain(MeteredInput input) {
        try {
            input.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
