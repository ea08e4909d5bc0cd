package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.account.UserRegistration;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * The lease on an import job, as two workers meet it: one whose lease ran out while it was still busy, and the
 * one that took the job over. The job is made and held from the first statement on (in one transaction), so
 * that the service's own worker never sees it unheld.
 */
@UserServiceIT
class ImportLeaseIT {

    static final Duration HOUR = Duration.ofHours(1);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ImportJobs jobs;

    @Autowired
    TransactionTemplate transactions;

    UserServiceApi.Tenant tenant;
    TenantSql sql;
    final UUID job = UUID.randomUUID();
    final UUID late = UUID.randomUUID();
    final UUID current = UUID.randomUUID();
    final List<ImportJobs.StagedRow> rows = List.of(
            new ImportJobs.StagedRow(1, UserId.of(UUID.randomUUID()), "{\"username\": \"one\"}", List.of()),
            new ImportJobs.StagedRow(
                    2, UserId.of(UUID.randomUUID()), "{\"username\": \"two\", \"password\": \"secret-2\"}", List.of()));

    @BeforeEach
    void aJobHeldByTheLateWorker() {
        tenant = new UserServiceApi(port).createTenant();
        sql = new TenantSql(dataSource);
        assertThat(inTenant(() -> {
                    jobs.stage(job, rows);
                    jobs.create(job, null, "0".repeat(64), ImportFormat.NDJSON, 2, 0, tenant.adminId());
                    return jobs.claim(job, late, HOUR);
                }))
                .isTrue();
    }

    @AfterEach
    void jobGivenUp() {
        inTenant(() -> {
            jobs.fail(job, "the test is over");
            return null;
        });
    }

    @Test
    void aWorkerWhoseLeaseRanOutRecordsNothingOnceAnotherTookTheJobOver() {
        assertThat(inTenant(() -> jobs.claim(job, current, HOUR)))
                .as("nobody takes a job whose lease runs")
                .isFalse();

        // the late worker's lease runs out; the other takes the job over
        assertThat(inTenant(() -> {
                    sql.jdbc()
                            .update(
                                    "update user_imports set lease_until = now() - interval '1 second' where id = ?",
                                    job);
                    return jobs.claim(job, current, HOUR);
                }))
                .isTrue();

        assertThat(inTenant(() -> jobs.renew(job, late, HOUR))).isFalse();
        assertThatThrownBy(() -> inTenant(() -> {
                    jobs.settle(job, late, HOUR, List.of(imported(rows.getFirst())));
                    return null;
                }))
                .isInstanceOf(LeaseLost.class);
        assertThat(pending()).as("the late worker's rows are still pending").isEqualTo(2);
        assertThat(inTenant(() -> jobs.renew(job, current, HOUR))).isTrue();
    }

    @Test
    void aRowSettledTwiceCountsOnce() {
        inTenant(() -> {
            jobs.settle(job, late, HOUR, List.of(imported(rows.getFirst())));
            jobs.settle(job, late, HOUR, List.of(imported(rows.getFirst())));
            return null;
        });

        var view = inTenant(() -> jobs.view(job)).orElseThrow();
        assertThat(view.processedRows()).isOne();
        assertThat(view.importedRows()).isOne();
        assertThat(pending()).isOne();
    }

    @Test
    void eachFailureInARowMakesTheJobWaitLongerAndAFailedJobKeepsNoRowContent() {
        var first = inTenant(() -> jobs.failedOnce(job, "failed", Duration.ofMinutes(1)));
        var second = inTenant(() -> jobs.failedOnce(job, "failed", Duration.ofMinutes(1)));

        assertThat(List.of(first, second)).containsExactly(1, 2);
        assertThat(sql.count(
                        tenant.id(),
                        "select count(*) from user_imports where id = ? and lease_until > now() + interval '110 seconds'",
                        job))
                .as("the second failure waits twice the first's time")
                .isOne();

        inTenant(() -> {
            jobs.fail(job, "given up");
            return null;
        });
        assertThat(sql.count(tenant.id(), "select count(*) from user_import_rows where import_id = ?", job))
                .isEqualTo(2);
        assertThat(sql.count(
                        tenant.id(),
                        "select count(*) from user_import_rows where import_id = ? and content is not null",
                        job))
                .as("rows of a failed job, passwords included")
                .isZero();
    }

    long pending() {
        return sql.count(
                tenant.id(), "select count(*) from user_import_rows where import_id = ? and status = 'PENDING'", job);
    }

    static UserRegistration.Outcome imported(ImportJobs.StagedRow row) {
        return new UserRegistration.Outcome(row.userId(), row.row(), true, List.of());
    }

    <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAs(
                new TenantRef(tenant.id(), tenant.slug()), () -> transactions.execute(status -> work.get()));
    }
}
