package org.usermodels.user.bulk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How bulk imports are taken in and processed.
 *
 * @param maxRows the most rows one file may hold ({@code USERMODELS_IMPORTS_MAX_ROWS}); a file with more is
 *     refused with 413 and nothing of it is kept
 * @param maxSize the largest file accepted ({@code USERMODELS_IMPORTS_MAX_SIZE}), likewise
 * @param chunkSize how many rows the worker registers at once: one Keycloak import request and one local
 *     transaction per chunk
 * @param workerEnabled whether this instance processes jobs ({@code USERMODELS_IMPORTS_WORKER_ENABLED}); every
 *     instance may, each takes a job of its own
 * @param pollInterval how often an idle worker looks for jobs (an upload on this instance wakes it at once)
 * @param lease how long a worker holds a job without renewing it; a job whose worker died is taken up by
 *     another after that
 * @param retryAfter how long a job waits when the identity provider did not answer, and, times the failures
 *     in a row so far, after a chunk failed for another reason (the fifth such failure stops the job)
 * @param stagingBatch how many rows of an upload go to the staging table in one JDBC batch
 */
@Validated
@ConfigurationProperties("usermodels.imports")
record ImportProperties(
        @DefaultValue("100000") @Min(1) @Max(MOST_ROWS) int maxRows,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("500") @Min(1) @Max(5000) int chunkSize,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("1000") @Min(1) int stagingBatch) {

    /** The most rows any configuration may let a file hold: the bound the API's description states. */
    static final int MOST_ROWS = 1_000_000;
}
