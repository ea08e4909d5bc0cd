package org.usermodels.benchmarks;

import java.net.http.HttpRequest;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One side of a comparison: the request it sends for a round's input, and what a right answer is. A side
 * that answers wrongly is not measured: the run stops (a benchmark of error pages would prove nothing).
 *
 * @param name how the report names the side, e.g. {@code usermodels via gateway}
 * @param request the request for an input
 * @param expectedStatus the status every answer must have
 * @param check what else a right answer satisfies, e.g. that a search found someone
 * @param <I> the input of a round, e.g. a search term
 */
record Side<I>(String name, Function<I, HttpRequest> request, int expectedStatus, Predicate<Http.Answer> check) {

    static <I> Side<I> of(String name, Function<I, HttpRequest> request, int expectedStatus) {
        return new Side<>(name, request, expectedStatus, answer -> true);
    }

    Side<I> checking(Predicate<Http.Answer> check) {
        return new Side<>(name, request, expectedStatus, check);
    }

    /** Sends the side's request for {@code input} and fails unless the answer is right. */
    Http.Answer call(Http http, I input) {
        var request = request().apply(input);
        var answer = http.send(request);
        if (answer.status() != expectedStatus || !check.test(answer)) {
            throw new BenchmarkFailed("%s: %s %s answered %d (expected %d): %s"
                    .formatted(
                            name,
                            request.method(),
                            request.uri(),
                            answer.status(),
                            expectedStatus,
                            Http.abbreviate(answer.text())));
        }
        return answer;
    }
}
