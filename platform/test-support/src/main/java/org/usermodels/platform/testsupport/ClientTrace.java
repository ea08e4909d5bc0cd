package org.usermodels.platform.testsupport;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A trace as a client starts it, for tests that send a W3C {@code traceparent} and then look for its trace
 * id in what the services log, store or send on (docs/observability.md).
 *
 * @param traceId 32 hex digits, random
 * @param spanId the client's span, 16 hex digits, random: the services' spans are its descendants
 */
public record ClientTrace(String traceId, String spanId) {

    /** A new trace, sampled. */
    public static ClientTrace random() {
        return new ClientTrace(hex(16), hex(8));
    }

    /** The {@code traceparent} header's value. */
    public String traceParent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** A traceparent of a span in this trace other than the client's: the shape a descendant's must have. */
    public String descendantPattern() {
        return "00-" + traceId + "-(?!" + spanId + ")[0-9a-f]{16}-01";
    }

    /** Random lower-case hex digits, e.g. for unique request ids. */
    public static String hex(int bytes) {
        var random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
