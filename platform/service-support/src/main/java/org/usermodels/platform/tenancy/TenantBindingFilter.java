package org.usermodels.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.usermodels.platform.security.Caller;

/**
 * Binds the tenant of a request's verified token to {@link TenantContext} for the rest of the request, when
 * the token names exactly one organization. It runs after Spring Security has authenticated the request.
 *
 * <p>A request whose token names no organization or several runs without a tenant; tenant-scoped endpoints
 * (those that take a {@link TenantRef}) refuse it with 403, and nothing it does can reach a tenant's data.
 *
 * <p>The tenant also stays on the request as an attribute ({@link #of}), where it outlives the binding: the
 * request's metrics are tagged with it after the filter chain has returned.
 */
public final class TenantBindingFilter extends OncePerRequestFilter {

    /** The request attribute holding the {@link TenantRef} the request was bound to. */
    public static final String ATTRIBUTE = TenantBindingFilter.class.getName() + ".tenant";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Caller caller
                && caller.organizations().size() == 1) {
            var tenant = caller.organizations().getFirst();
            request.setAttribute(ATTRIBUTE, tenant);
            try {
                TenantContext.<Void, Exception>callThrowing(tenant, () -> {
                    chain.doFilter(request, response);
                    return null;
                });
            } catch (ServletException | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Attributes the request being served to a tenant its token does not name, because the tenant comes from
     * what the request carries (an event another service delivers): its metrics and span are tagged with it.
     * Outside a request it does nothing. It binds no {@link TenantContext}; the caller does that.
     */
    public static void attributeCurrentRequestTo(TenantRef tenant) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            current.getRequest().setAttribute(ATTRIBUTE, tenant);
        }
    }

    /** The tenant a request was bound to, {@code null} when its token named none (or several). */
    public static @Nullable TenantRef of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof TenantRef tenant ? tenant : null;
    }
}
