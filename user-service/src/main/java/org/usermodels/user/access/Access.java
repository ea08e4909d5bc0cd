package org.usermodels.user.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.security.Caller;

/**
 * Decides what the caller may do in their tenant, from their effective permissions. Each request reads
 * them once.
 *
 * <p>Controllers of collections check with {@code @PreAuthorize("@access.has('users.view')")}; code that
 * takes an id first finds the object (404 if the tenant has none with that id, never 403) and then calls
 * {@link #requireSelfOr}.
 *
 * <p>Every question is answered from this feature's own tables (groups, memberships, grants), each in one
 * statement; no other feature's table is read here, and no other feature reads these.
 */
@Component("access")
public class Access {

    private static final String CACHE = Access.class.getName() + ".permissions";

    private final GroupMembers members;
    private final TransactionTemplate transactions;

    Access(GroupMembers members, TransactionTemplate transactions) {
        this.members = members;
        this.transactions = transactions;
    }

    /**
     * Where a user stands in the tenant: the groups they belong to, by name, and their effective permissions,
     * sorted.
     */
    public record Standing(List<GroupView.Ref> groups, List<String> permissions) {}

    /**
     * The user's effective permissions in the current tenant: those granted directly and those of every
     * group they belong to, in one statement. (Inside the caller's transaction when there is one: the
     * tenant's row-level security needs a transaction that names the tenant, and a query outside one would
     * see no permission at all.)
     */
    public Set<String> effectivePermissions(UserId user) {
        return Set.copyOf(inTransaction(() -> members.effectivePermissions(user)));
    }

    /** The user's groups and effective permissions, in one statement. */
    public Standing standing(UserId user) {
        var rows = inTransaction(() -> members.standing(user));
        var groups = new ArrayList<GroupView.Ref>();
        var permissions = new ArrayList<String>();
        for (var row : rows) {
            var id = row.getId();
            if (id != null) {
                groups.add(new GroupView.Ref(id, row.getName()));
            } else {
                permissions.add(row.getName());
            }
        }
        groups.sort(Comparator.comparing(GroupView.Ref::name));
        permissions.sort(Comparator.naturalOrder());
        return new Standing(List.copyOf(groups), List.copyOf(permissions));
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
     * Lets the caller through when {@code user} is the caller themselves or they hold the permission.
     *
     * @throws AccessDeniedException (403) otherwise
     */
    public void requireSelfOr(UserId user, String permission) {
        if (!isSelf(user)) {
            require(permission);
        }
    }

    public boolean isSelf(UserId user) {
        return caller().id().equals(user.value());
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
        var permissions = effectivePermissions(UserId.of(caller().id()));
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

    private <T> T inTransaction(Supplier<T> query) {
        var result = transactions.execute(status -> query.get());
        if (result == null) {
            throw new IllegalStateException("A query of access answered nothing");
        }
        return result;
    }
}
