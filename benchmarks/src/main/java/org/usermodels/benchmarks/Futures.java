package org.usermodels.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Tasks run side by side whose failures must fail the run, not vanish with an ignored {@link Future}. */
final class Futures {

    private Futures() {}

    /** Waits for every task and throws the first failure among them, if any. */
    static void requireAll(List<? extends Future<?>> tasks) {
        for (var task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure
                        ? failure
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the tasks", e);
            }
        }
    }
}
