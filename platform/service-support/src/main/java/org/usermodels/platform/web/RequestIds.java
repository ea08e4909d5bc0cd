package org.usermodels.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request id that ties together the gateway's and the services' logs and error bodies for one call.
 *
 * <p>The gateway accepts a client's {@value #HEADER} when it is a short token of safe characters (so it can
 * correlate with the client's own logs), otherwise it generates one; either way it forwards the id to the
 * service, which does the same for calls that reach it directly.
 */
public final class RequestIds {

    /** The header that carries the id on requests and responses. */
    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the logging MDC and in problem responses. */
    public static final String KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {}

    /** The inbound id when it is acceptable, else a new random one. */
    public static String acceptOrGenerate(@Nullable String inbound) {
        if (inbound != null && ACCEPTABLE.matcher(inbound).matches()) {
            return inbound;
        }
        return UUID.randomUUID().toString();
    }
}
