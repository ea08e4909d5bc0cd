package org.usermodels.user.access;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.usermodels.platform.security.Caller;

/**
 * Decides what the caller may do in their tenant, from their effective permissions. Each request reads
 * them once.
 *
 * <p>Controllers of collections check with {@code @PreAuthorize("@access.has('users.view')")}; code that
 * takes an id first finds the object (404 if the tenant has none with that id, never 403) and then calls
 * {@link #requireSelfOr}.
 */
@Component("access")
public class Access {

    private static final String CACHE = Access.class.getName() + ".permissions";

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;

    Access(EntityManager entityManager, TransactionTemplate transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /**
     * The user's effective permissions in the current tenant: those granted directly and those of every
     * group they belong to, in one statement. (Inside the caller's transaction when there is one: the
     * tenant's row-level security needs a transaction that names the tenant, and a query outside one would
     * see no permission at all.)
     */
    @SuppressWarnings("unchecked")
    public Set<String> effectivePermissions(UUID userId) {
        return transactions.execute(status -> Set.copyOf(new HashSet<>((List<String>) entityManager
                .createNativeQuery("""
                        select up.permission_code
                        from user_permissions up
                        where up.user_id = :user
                        union
                        select gp.permission_code
                        from group_permissions gp
                        join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
                        where gm.user_id = :user
                        """, String.class)
                .setParameter("user", userId)
                .getResultList())));
    }

    /** Whether the caller holds the permission in their tenant. */
    public boolean has(String permission) {
        return callerPermissions().contains(permission);
    }

    /**
     * Lets the caller through when they hold the permission.
     *
     * @throws AccessDeniedException (403) otherwise
     */
    public void require(String permission) {
        if (!has(permission)) {
            throw new AccessDeniedException("Needs the permission " + permission);
        }
    }

    /**
     * Lets the caller through when {@code userId} is the caller themselves or they hold the permission.
     *
     * @throws AccessDeniedException (403) otherwise
     */
    public void requireSelfOr(UUID userId, String permission) {
        if (!caller().id().equals(userId)) {
            require(permission);
        }
    }

    public boolean isSelf(UUID userId) {
        return caller().id().equals(userId);
    }

    /** The authenticated caller. */
    public static Caller caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AccessDeniedException("No authenticated caller");
    }

    @SuppressWarnings("unchecked")
    private Set<String> callerPermissions() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Set<?> cached) {
            return (Set<String>) cached;
        }
        var permissions = effectivePermissions(caller().id());
        if (request != null) {
            request.setAttribute(CACHE, permissions, RequestAttributes.SCOPE_REQUEST);
        }
        return permissions;
    }

    /** Forgets the caller's permissions read in this request, after they changed. */
    public void forget() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
