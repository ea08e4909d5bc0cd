package org.usermodels.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current code acts for, bound for a dynamic extent with a {@link ScopedValue}: for a
 * request, the tenant of its verified token ({@link TenantBindingFilter}); for work the service does on a
 * tenant's behalf without such a request (a platform administrator creating a tenant, the reconciler), the
 * tenant it names explicitly with {@link #callAs}.
 *
 * <p>Nothing outside such an extent has a tenant; code that needs one then fails closed.
 */
public final class TenantContext {

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
        return ScopedValue.where(CURRENT, tenant).call(work::get);
    }

    /** Runs {@code work} acting for {@code tenant}, whatever was bound before. */
    public static void runAs(TenantRef tenant, Runnable work) {
        ScopedValue.where(CURRENT, tenant).run(work);
    }

    /** Runs a servlet filter chain (or other throwing work) acting for {@code tenant}. */
    public static <T, X extends Throwable> T callThrowing(TenantRef tenant, ScopedValue.CallableOp<T, X> work)
            throws X {
        return ScopedValue.where(CURRENT, tenant).call(work);
    }
}
