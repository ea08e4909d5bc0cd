package org.usermodels.benchmarks;

/** Something the benchmark needs did not work: a side answered wrongly, or the system did not start. */
final class BenchmarkFailed extends RuntimeException {

    BenchmarkFailed(String message) {
        super(message);
    }

    BenchmarkFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
