package org.usermodels.platform.observability;

import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * The {@value #KEY} tag of the HTTP server metrics: the slug of the tenant whose verified token the request
 * carried, or {@value #NONE} (no token, a token naming no organization or several, a probe).
 *
 * <p>A tag multiplies the number of time series by the number of its values, so only bounded values may
 * become tags: tenants are few (they are created by a platform administrator) and are a tag; user ids,
 * request ids and trace ids never are (they go into logs and spans instead).
 */
public final class TenantTag {

    /** The tag's name. */
    public static final String KEY = "tenant";

    /** The tag's value for a request that acts for no tenant. */
    public static final String NONE = "none";

    private TenantTag() {}

    /** The tag for a request bound to {@code tenant}, {@code null} for none. */
    public static KeyValue of(@Nullable TenantRef tenant) {
        return KeyValue.of(KEY, tenant == null ? NONE : tenant.slug());
    }
}
