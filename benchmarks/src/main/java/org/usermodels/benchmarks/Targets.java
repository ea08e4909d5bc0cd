package org.usermodels.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of issue #9, each a ratio of one run's numbers, judged against its limit. A target a run did
 * not measure (a smoke run has no 100k step) is left out rather than passed.
 */
final class Targets {

    /**
     * One target as measured.
     *
     * @param measured the ratio (or difference) the run gave
     * @param limit what the target asks
     * @param atLeast whether {@code measured} must be at least (true) or at most (false) the limit
     */
    record Target(String name, String how, double measured, double limit, boolean atLeast, String unit) {

        boolean passed() {
            return atLeast ? measured >= limit : measured <= limit;
        }

        /** How far a missed target is from its limit, as a factor. */
        double missedBy() {
            return atLeast ? limit / measured : measured / limit;
        }
    }

    private Targets() {}

    static List<Target> judge(Results results, List<String> steps) {
        var targets = new ArrayList<Target>();
        // the search is judged at 10k and 100k users, every step but the first (a smoke run's only step)
        for (var step : steps.size() == 1 ? steps : steps.subList(1, steps.size())) {
            searchTargets(results, step, targets);
        }
        var first = steps.getFirst();
        var read = results.latencies.get("read by id @ " + first);
        if (read != null) {
            var ours = p50(read, Scenarios.OURS_DIRECT);
            var keycloak = p50(read, Scenarios.KEYCLOAK_READ);
            targets.add(new Target(
                    "read by id, direct, at most ⅓ of Keycloak's (p50)",
                    "read by id @ " + first,
                    ours / keycloak,
                    1.0 / 3,
                    false,
                    "×"));
            targets.add(new Target(
                    "the gateway adds at most 1 ms at p50",
                    "read by id @ " + first,
                    p50(read, Scenarios.OURS_GATEWAY) - ours,
                    1.0,
                    false,
                    "ms"));
        }
        var readLoad = results.throughputs.get("read by id under load @ " + first);
        if (readLoad != null) {
            targets.add(new Target(
                    "the gateway keeps at least 85 % of direct throughput",
                    "read by id under load @ " + first,
                    readLoad.side(Scenarios.OURS_GATEWAY).perSecond()
                            / readLoad.side(Scenarios.OURS_DIRECT).perSecond(),
                    0.85,
                    true,
                    "×"));
        }
        var create = results.throughputs.get("create one user");
        if (create != null) {
            targets.add(new Target(
                    "creating one user at least 0.5× Keycloak's own create",
                    "create one user",
                    create.side(Scenarios.OURS_DIRECT).perSecond()
                            / create.side(Scenarios.KEYCLOAK_CREATE).perSecond(),
                    0.5,
                    true,
                    "×"));
            if (!results.bulks.isEmpty()) {
                var bulk = results.bulkRate(Results.Bulk::ours);
                targets.add(new Target(
                        "bulk import at least 20× the one-by-one API",
                        "bulk import, create one user",
                        bulk / create.side(Scenarios.OURS_DIRECT).perSecond(),
                        20,
                        true,
                        "×"));
                targets.add(new Target(
                        "bulk import at least 0.8× Keycloak's partial import",
                        "bulk import",
                        bulk / results.bulkRate(Results.Bulk::keycloak),
                        0.8,
                        true,
                        "×"));
            }
        }
        for (var step : steps) {
            for (var endpoint : Scenarios.TWINNED) {
                var tax = results.throughputs.get("ORM tax, " + endpoint + " @ " + step);
                if (tax != null) {
                    targets.add(new Target(
                            endpoint + " at least 0.7× its JdbcTemplate twin @ " + step,
                            tax.comparison(),
                            tax.side(Scenarios.ORM).perSecond()
                                    / tax.side(Scenarios.TWIN).perSecond(),
                            0.7,
                            true,
                            "×"));
                }
            }
            for (var endpoint : Scenarios.ISOLATED) {
                var isolation = results.throughputs.get("isolation cost, " + endpoint + " @ " + step);
                if (isolation != null) {
                    targets.add(new Target(
                            "row-level security and @TenantId cost at most 1.1×, " + endpoint + " @ " + step,
                            isolation.comparison(),
                            isolation.side(Scenarios.TWIN_UNISOLATED).perSecond()
                                    / isolation.side(Scenarios.TWIN).perSecond(),
                            1.1,
                            false,
                            "×"));
                }
            }
        }
        return targets;
    }

    private static void searchTargets(Results results, String step, List<Target> targets) {
        var search = results.latencies.get("search @ " + step);
        if (search == null) {
            return;
        }
        for (var percentile : new int[] {50, 99}) {
            var ours = search.side(Scenarios.OURS_DIRECT).micros().getValueAtPercentile(percentile);
            var keycloak = Math.min(
                    search.side(Scenarios.KEYCLOAK_REALM_SEARCH).micros().getValueAtPercentile(percentile),
                    search.side(Scenarios.KEYCLOAK_ORGANIZATION_SEARCH).micros().getValueAtPercentile(percentile));
            targets.add(new Target(
                    "search p%d at least 5× lower than Keycloak's better search @ %s".formatted(percentile, step),
                    search.comparison(),
                    (double) keycloak / ours,
                    5,
                    true,
                    "×"));
        }
    }

    static double p50(Measurement.Latency latency, String side) {
        return latency.side(side).micros().getValueAtPercentile(50) / 1000.0;
    }
}
