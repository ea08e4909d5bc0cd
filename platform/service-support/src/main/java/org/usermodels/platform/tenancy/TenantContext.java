package org.usermodels.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The tenant the current code acts for, bound for a dynamic extent with a {@link ScopedValue}: for a
 * request, the tenant of its verified token ({@link TenantBindingFilter}); for work the service does on a
 * tenant's behalf without such a request (a platform administrator creating a tenant, the reconciler), the
 * tenant it names explicitly with {@link #callAs}.
 *
 * <p>Nothing outside such an extent has a tenant; code that needs one then fails closed.
 *
 * <p>Every log line written within an extent carries the tenant's slug under the logging MDC key
 * {@value #LOG_KEY} (docs/observability.md). The MDC is a thread local: work handed to another thread does
 * not take it along, while the scoped value goes with a {@code StructuredTaskScope}'s forks.
 */
public final class TenantContext {

    /** The key of the tenant's slug in the logging MDC. */
    public static final String LOG_KEY = "tenant";

    private static final ScopedValue<TenantRef> CURRENT = ScopedValue.newInstance();

    private TenantContext() {}

    /** The tenant bound to the current extent, empty outside one. */
    public static Optional<TenantRef> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /**
     * The tenant bound to the current extent.
     *
     * @throws IllegalStateException outside a tenant's extent
     */
    public static TenantRef require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant is bound to this code"));
    }

    /** Runs {@code work} acting for {@code tenant}, whatever was bound before, and answers its result. */
    public static <T> T callAs(TenantRef tenant, Supplier<T> work) {
        return callThrowing(tenant, work::get);
    }

    /** Runs {@code work} acting for {@code tenant}, whatever was bound before. */
    public static void runAs(TenantRef tenant, Runnable work) {
        callThrowing(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** Runs a servlet filter chain (or other throwing work) acting for {@code tenant}. */
    public static <T, X extends Throwable> T callThrowing(TenantRef tenant, ScopedValue.CallableOp<T, X> work)
            throws X {
        var outer = MDC.get(LOG_KEY);
        MDC.put(LOG_KEY, tenant.slug());
        try {
            return ScopedValue.where(CURRENT, tenant).call(work);
        } finally {
            if (outer == null) {
                MDC.remove(LOG_KEY);
            } else {
                MDC.put(LOG_KEY, outer);
            }
        }
    }
}
