package org.usermodels.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every comparison is measured: the sides are interleaved, so that whatever else the machine does at a
 * moment (a JIT compilation, a checkpoint, the other core's work) hits each side alike.
 *
 * <ul>
 *   <li><b>Latency</b>: one request at a time, as a person waiting for a page meets the system. Each round
 *       takes one input (a search term, an id) and sends it to every side, in an order shuffled per round;
 *       the first rounds warm the JIT and the caches up and are not recorded.
 *   <li><b>Throughput</b>: several clients at once, without pause. The sides take turns in slices of a few
 *       seconds (A B A B …), so that both see the same phases of the run.
 * </ul>
 *
 * Times are recorded in microseconds in an HdrHistogram (three significant digits).
 */
final class Measurement {

    private static final Logger log = LoggerFactory.getLogger(Measurement.class);

    private final Http http;
    private final SplittableRandom random;

    Measurement(Http http, long seed) {
        this.http = http;
        this.random = new SplittableRandom(seed);
    }

    /** The latencies of one side. */
    record SideLatency(String side, Histogram micros) {}

    /** A latency comparison: the sides in the order they were given. */
    record Latency(String comparison, List<SideLatency> sides) {

        SideLatency side(String name) {
            return sides.stream()
                    .filter(side -> side.side().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no side " + name + " in " + comparison));
        }
    }

    /** The throughput of one side: requests completed in the time its slices ran, and their latencies. */
    record SideThroughput(String side, long requests, Duration elapsed, Histogram micros) {

        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    record Throughput(String comparison, int clients, List<SideThroughput> sides) {

        SideThroughput side(String name) {
            return sides.stream()
                    .filter(side -> side.side().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no side " + name + " in " + comparison));
        }
    }

    /**
     * Sends each round's input to every side, one request at a time.
     *
     * @param inputs one input per round, shared by the round's sides
     */
    <I> Latency latency(String comparison, List<Side<I>> sides, Supplier<I> inputs, int warmup, int rounds) {
        var histograms = new ArrayList<Histogram>();
        sides.forEach(side -> histograms.add(histogram()));
        var order = new ArrayList<Integer>();
        for (var i = 0; i < sides.size(); i++) {
            order.add(i);
        }
        for (var round = 0; round < warmup + rounds; round++) {
            var input = inputs.get();
            Collections.shuffle(order, new java.util.Random(random.nextLong()));
            for (var index : order) {
                var started = System.nanoTime();
                sides.get(index).call(http, input);
                var micros = (System.nanoTime() - started) / 1_000;
                if (round >= warmup) {
                    histograms.get(index).recordValue(Math.max(1, micros));
                }
            }
        }
        var results = new ArrayList<SideLatency>();
        for (var i = 0; i < sides.size(); i++) {
            results.add(new SideLatency(sides.get(i).name(), histograms.get(i)));
        }
        var latency = new Latency(comparison, List.copyOf(results));
        log.info("{}: {}", comparison, summary(latency));
        return latency;
    }

    /**
     * Lets {@code clients} clients send requests without pause, the sides taking turns in slices.
     *
     * @param inputs called by every client for every request; must be thread-safe
     * @param warmup a first slice per side that is not recorded
     */
    <I> Throughput throughput(
            String comparison,
            List<Side<I>> sides,
            Supplier<I> inputs,
            int clients,
            Duration slice,
            int slicesPerSide,
            boolean warmup) {
        var histograms = new ArrayList<Histogram>();
        var requests = new ArrayList<AtomicLong>();
        var elapsed = new long[sides.size()];
        sides.forEach(side -> {
            histograms.add(histogram());
            requests.add(new AtomicLong());
        });
        var first = warmup ? -1 : 0;
        for (var turn = first; turn < slicesPerSide; turn++) {
            for (var i = 0; i < sides.size(); i++) {
                var index = turn % 2 == 0 ? i : sides.size() - 1 - i;
                var recorded = turn >= 0;
                var nanos = slice(
                        sides.get(index),
                        inputs,
                        clients,
                        slice,
                        recorded ? histograms.get(index) : histogram(),
                        recorded ? requests.get(index) : new AtomicLong());
                if (recorded) {
                    elapsed[index] += nanos;
                }
            }
        }
        var results = new ArrayList<SideThroughput>();
        for (var i = 0; i < sides.size(); i++) {
            results.add(new SideThroughput(
                    sides.get(i).name(), requests.get(i).get(), Duration.ofNanos(elapsed[i]), histograms.get(i)));
        }
        var throughput = new Throughput(comparison, clients, List.copyOf(results));
        log.info("{}: {}", comparison, summary(throughput));
        return throughput;
    }

    private <I> long slice(
            Side<I> side, Supplier<I> inputs, int clients, Duration slice, Histogram histogram, AtomicLong count) {
        var started = System.nanoTime();
        var deadline = started + slice.toNanos();
        var failure = new java.util.concurrent.atomic.AtomicReference<@Nullable RuntimeException>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var client = 0; client < clients; client++) {
                executor.execute(() -> {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        var input = inputs.get();
                        var sent = System.nanoTime();
                        try {
                            side.call(http, input);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                            return;
                        }
                        var micros = (System.nanoTime() - sent) / 1_000;
                        synchronized (histogram) {
                            histogram.recordValue(Math.max(1, micros));
                        }
                        count.incrementAndGet();
                    }
                });
            }
        }
        var failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        return System.nanoTime() - started;
    }

    static Histogram histogram() {
        return new Histogram(Duration.ofMinutes(10).toNanos() / 1_000, 3);
    }

    static String summary(Latency latency) {
        var text = new StringBuilder();
        for (var side : latency.sides()) {
            text.append("%s p50 %.2f ms p99 %.2f ms; "
                    .formatted(
                            side.side(),
                            side.micros().getValueAtPercentile(50) / 1000.0,
                            side.micros().getValueAtPercentile(99) / 1000.0));
        }
        return text.toString();
    }

    static String summary(Throughput throughput) {
        var text = new StringBuilder();
        for (var side : throughput.sides()) {
            text.append("%s %.1f/s (p50 %.2f ms); "
                    .formatted(side.side(), side.perSecond(), side.micros().getValueAtPercentile(50) / 1000.0));
        }
        return text.toString();
    }
}
