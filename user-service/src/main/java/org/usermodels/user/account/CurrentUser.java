package org.usermodels.user.account;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.access.GroupAdministration;

/**
 * The caller as a user of their tenant. A user whom Keycloak authenticated as a member of the tenant and
 * whom this service has not seen yet (created directly in Keycloak, say) is enrolled just in time, as a
 * default-model user and member of the tenant's {@code members} group, with a {@code UserRegistered} event.
 */
@Service
class CurrentUser {

    private static final Logger log = LoggerFactory.getLogger(CurrentUser.class);

    private final Users users;
    private final GroupAdministration groups;
    private final UserAdministration administration;

    CurrentUser(Users users, GroupAdministration groups, UserAdministration administration) {
        this.users = users;
        this.groups = groups;
        this.administration = administration;
    }

    /** The caller, enrolled first if need be. */
    @Transactional
    UserView me(Caller caller, TenantRef tenant) {
        enrollIfNew(caller, tenant);
        return administration.read(caller.userId()).in(tenant);
    }

    /** Enrolls the caller if this tenant has no row for them yet; answers whether it did. */
    @Transactional
    boolean enrollIfNew(Caller caller, TenantRef tenant) {
        var inserted = users.enrollIfAbsent(
                        caller.userId(), caller.username(), caller.email(), caller.givenName(), caller.familyName())
                == 1;
        if (inserted) {
            var user = users.findById(caller.userId()).orElseThrow();
            user.enrolled();
            users.save(user); // with the UserRegistered it recorded
            groups.enrol(List.of(caller.userId()), Set.of());
            log.info("Enrolled user {} in tenant {} on first call", caller.id(), tenant.slug());
        }
        return inserted;
    }
}
