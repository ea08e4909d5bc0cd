package org.usermodels.user.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.user.account.NewUser;
import org.usermodels.user.account.UserRegistration;
import org.usermodels.user.identity.IdentityUnavailable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes import jobs, one at a time on this instance, in a thread of its own (so that a long import never
 * holds up the scheduled work of the outbox relay or the reconciler). Several instances share the jobs: each
 * takes a job with a lease it renews after every chunk, and a job whose worker died is taken up by another
 * once the lease runs out, from its first pending row.
 *
 * <p>A chunk is registered through {@link UserRegistration#registerAll}: checked as single creations are,
 * its identities imported into Keycloak in one request, its users written in one transaction together with
 * what became of its rows. When Keycloak does not answer, the job waits and tries the same chunk again.
 */
@Component
@EnableConfigurationProperties(ImportProperties.class)
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    /** A job whose chunks fail this often in a row for reasons that are neither a row's nor Keycloak's stops. */
    static final int MAX_FAILURES = 5;

    private final ImportJobs jobs;
    private final UserRegistration registration;
    private final TransactionTemplate transactions;
    private final ImportProperties properties;
    private final JsonMapper json;
    private final Semaphore wakeUp = new Semaphore(0);
    /** This worker, as the lease of the job it runs names it. */
    private final UUID holder = UUID.randomUUID();

    private volatile boolean running;
    private @Nullable Thread thread;

    ImportWorker(
            ImportJobs jobs,
            UserRegistration registration,
            TransactionTemplate transactions,
            ImportProperties properties,
            JsonMapper json) {
        this.jobs = jobs;
        this.registration = registration;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
    }

    /** Tells the worker a job is waiting, so that it need not wait for its next look. */
    void wake() {
        wakeUp.release();
    }

    @Override
    public void start() {
        if (!properties.workerEnabled()) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("import-worker").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        var worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                var found = runOnce();
                if (!found) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Import worker failed; it goes on after a pause", e);
                try {
                    Thread.sleep(properties.pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Processes the oldest job that no live worker holds, to its end (or until it must wait).
     *
     * @return whether there was such a job
     */
    boolean runOnce() {
        var next = transactions.execute(status -> jobs.unfinished(1));
        if (next == null || next.isEmpty()) {
            return false;
        }
        var job = next.getFirst();
        TenantContext.runAs(new TenantRef(job.tenantId(), job.tenantSlug()), () -> process(job.id()));
        return true;
    }

    private void process(UUID id) {
        if (!Boolean.TRUE.equals(transactions.execute(status -> jobs.claim(id, holder, properties.lease())))) {
            return;
        }
        log.info("Import {} started or resumed", id);
        while (running) {
            var rows = transactions.execute(status -> jobs.pending(id, properties.chunkSize()));
            if (rows == null || rows.isEmpty()) {
                if (Boolean.TRUE.equals(transactions.execute(status -> jobs.completeIfDone(id)))) {
                    log.info("Import {} completed", id);
                }
                return;
            }
            try {
                processChunk(id, rows);
            } catch (LeaseLost lost) {
                log.warn("Import {} was taken over by another worker; this one leaves it", id);
                return;
            } catch (IdentityUnavailable unavailable) {
                transactions.executeWithoutResult(status -> jobs.postpone(
                        id,
                        "The identity provider did not answer; the import goes on when it does.",
                        properties.retryAfter()));
                log.warn("Import {} waits for the identity provider: {}", id, unavailable.toString());
                return;
            } catch (RuntimeException failure) {
                var failures = transactions.execute(status -> jobs.failedOnce(
                        id, "The service failed on a chunk of this import; it tries again.", properties.retryAfter()));
                log.error("A chunk of import {} failed ({} in a row)", id, failures, failure);
                if (failures != null && failures >= MAX_FAILURES) {
                    transactions.executeWithoutResult(status -> jobs.fail(
                            id,
                            "The import stopped: the service failed on it %d times in a row.".formatted(MAX_FAILURES)));
                }
                return;
            }
            if (!Boolean.TRUE.equals(transactions.execute(status -> jobs.renew(id, holder, properties.lease())))) {
                log.warn("Import {} was taken over by another worker; this one leaves it", id);
                return;
            }
        }
    }

    private void processChunk(UUID id, List<ImportJobs.StagedRow> rows) {
        var planned = new ArrayList<UserRegistration.Planned>(rows.size());
        var unreadable = new ArrayList<UserRegistration.Outcome>();
        for (var row : rows) {
            try {
                planned.add(new UserRegistration.Planned(
                        row.userId(), row.row(), json.readValue(Objects.requireNonNull(row.content()), NewUser.class)));
            } catch (JacksonException e) {
                unreadable.add(new UserRegistration.Outcome(row.userId(), row.row(), false, List.of(problemOf(e))));
            }
        }
        if (planned.isEmpty()) {
            transactions.executeWithoutResult(status -> jobs.settle(id, holder, properties.lease(), unreadable));
            return;
        }
        var first = new AtomicBoolean(true);
        registration.registerAll(planned, outcomes -> {
            var settled = new ArrayList<>(outcomes);
            if (first.getAndSet(false)) {
                settled.addAll(unreadable);
            }
            jobs.settle(id, holder, properties.lease(), settled);
        });
    }

    /** A row whose values have the wrong type, named as a single creation's 400 names the field. */
    private static FieldProblem problemOf(JacksonException e) {
        if (e instanceof DatabindException wrong && !wrong.getPath().isEmpty()) {
            var field = new StringBuilder();
            for (var reference : wrong.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return new FieldProblem(field.toString(), "has a value of the wrong type or format");
        }
        return new FieldProblem("", "is not a user this service can read");
    }
}
