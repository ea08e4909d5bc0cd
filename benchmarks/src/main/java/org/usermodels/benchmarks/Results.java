package org.usermodels.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a run measured, in the order it was measured, for the report. */
final class Results {

    final Map<String, Measurement.Latency> latencies = new LinkedHashMap<>();
    final Map<String, Measurement.Throughput> throughputs = new LinkedHashMap<>();
    final List<Bulk> bulks = new ArrayList<>();
    final Map<String, String> notes = new LinkedHashMap<>();

    /**
     * One round of bulk imports of the same people on each side.
     *
     * @param ours our import, from upload to its job's end (Keycloak and PostgreSQL, both written)
     * @param keycloak Keycloak's partial import alone
     * @param keycloakWithMemberships Keycloak's partial import and the organization memberships, the same state
     *     in Keycloak as ours leaves there
     */
    record Bulk(int users, Duration ours, Duration keycloak, Duration keycloakWithMemberships) {}

    Measurement.Latency add(Measurement.Latency latency) {
        latencies.put(latency.comparison(), latency);
        return latency;
    }

    Measurement.Throughput add(Measurement.Throughput throughput) {
        throughputs.put(throughput.comparison(), throughput);
        return throughput;
    }

    Measurement.Latency latency(String comparison) {
        var latency = latencies.get(comparison);
        if (latency == null) {
            throw new IllegalArgumentException("not measured: " + comparison);
        }
        return latency;
    }

    Measurement.Throughput throughput(String comparison) {
        var throughput = throughputs.get(comparison);
        if (throughput == null) {
            throw new IllegalArgumentException("not measured: " + comparison);
        }
        return throughput;
    }

    /** Users per second of each side, over every round. */
    double bulkRate(java.util.function.Function<Bulk, Duration> side) {
        var users = bulks.stream().mapToLong(Bulk::users).sum();
        var seconds = bulks.stream()
                .mapToDouble(bulk -> side.apply(bulk).toNanos() / 1e9)
                .sum();
        return users / seconds;
    }
}
