package org.usermodels.user.outbox;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A W3C {@code traceparent} (version 00): the trace an outbox event was written in, stored with the event so
 * that its delivery continues that trace however much later it happens. Kept in the W3C form whatever
 * propagation the services are configured with, because that is the one form every tracing system reads.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param sampled whether the trace is recorded (the {@code 01} flag)
 * @see <a href="https://www.w3.org/TR/trace-context/#traceparent-header">W3C Trace Context</a>
 */
record TraceParent(String traceId, String spanId, boolean sampled) {

    private static final Pattern FORM = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final Pattern ZEROS = Pattern.compile("0+");

    TraceParent {
        if (!traceId.matches("[0-9a-f]{32}") || ZEROS.matcher(traceId).matches()) {
            throw new IllegalArgumentException("Not a trace id: " + traceId);
        }
        if (!spanId.matches("[0-9a-f]{16}") || ZEROS.matcher(spanId).matches()) {
            throw new IllegalArgumentException("Not a span id: " + spanId);
        }
    }

    /** The span {@code tracer} has in scope, empty outside any trace (or when tracing is off). */
    static Optional<TraceParent> current(Tracer tracer) {
        var span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        var context = span.context();
        return valid(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
    }

    /** Reads a stored {@code traceparent}; empty for {@code null} or anything not in the version-00 form. */
    static Optional<TraceParent> parse(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return valid(matcher.group(1), matcher.group(2), (Integer.parseInt(matcher.group(3), 16) & 1) == 1);
    }

    private static Optional<TraceParent> valid(String traceId, String spanId, boolean sampled) {
        try {
            return Optional.of(new TraceParent(traceId, spanId, sampled));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The {@code traceparent} header's value. */
    String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /** This span as the remote parent of spans {@code tracer} starts. */
    TraceContext toContext(Tracer tracer) {
        return tracer.traceContextBuilder()
                .traceId(traceId)
                .spanId(spanId)
                .sampled(sampled)
                .build();
    }
}
