package org.usermodels.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.usermodels.platform.security.Caller;

/**
 * Binds the tenant of a request's verified token to {@link TenantContext} for the rest of the request, when
 * the token names exactly one organization. It runs after Spring Security has authenticated the request.
 *
 * <p>A request whose token names no organization or several runs without a tenant; tenant-scoped endpoints
 * (those that take a {@link TenantRef}) refuse it with 403, and nothing it does can reach a tenant's data.
 */
public final class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Caller caller
                && caller.organizations().size() == 1) {
            try {
                TenantContext.<Void, Exception>callThrowing(
                        caller.organizations().getFirst(), () -> {
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
}
