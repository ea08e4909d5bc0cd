package org.usermodels.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark suite at a tiny scale, so that it cannot rot: every phase and comparison runs against
 * the real system (Keycloak on PostgreSQL, the three services), every side must answer right, and the report
 * and its charts are written. Nothing here is about time: the numbers of a smoke run mean nothing.
 */
class BenchmarkSmokeIT {

    @Test
    void everyComparisonRunsAndTheReportIsWritten() throws Exception {
        var repository = Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
        var directory = repository.resolve("benchmarks/target/smoke-report");
        var scale = Scenarios.Scale.smoke();

        var page = Benchmarks.run(repository, scale, directory, false);

        var report = Files.readString(page);
        assertThat(report)
                .contains("## Targets", "## Latency, one request at a time", "## Throughput", "## Bulk import")
                .contains(
                        "### search @ 40 users",
                        "### read by id @ 40 users",
                        "### pages (page 1 and page 2) @ 40 users",
                        "### ORM tax, read by id @ 40 users",
                        "### ORM tax, deep page @ 40 users",
                        "### isolation cost, search @ 40 users",
                        "### create one user",
                        "### read by id in one tenant @ 1 tenant",
                        "### read by id in one tenant @ 4 tenants")
                .contains(Scenarios.KEYCLOAK_REALM_SEARCH, Scenarios.KEYCLOAK_ORGANIZATION_SEARCH, Scenarios.TWIN);
        assertThat(report.lines().filter(line -> line.endsWith("| pass |") || line.contains("**missed**")))
                .as("every target judged")
                .hasSizeGreaterThanOrEqualTo(10);
        for (var chart : new String[] {"search.png", "read-by-id.png", "orm-tax.png", "writes.png"}) {
            var file = directory.resolve("usermodels-vs-keycloak").resolve(chart);
            assertThat(file).exists();
            assertThat(Files.size(file)).as(chart).isGreaterThan(5_000);
        }
    }
}
