package org.usermodels.user.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * Just-in-time enrollment: a user whom Keycloak authenticated as a member of a tenant, and whom this
 * service has not seen yet, becomes a default-model user of that tenant on their first call.
 */
@Service
class Enrollment {

    private static final Logger log = LoggerFactory.getLogger(Enrollment.class);

    private final Users users;

    Enrollment(Users users) {
        this.users = users;
    }

    /** The caller as a user of {@code tenant}, enrolled first if need be. */
    @Transactional
    UserView currentUser(Caller caller, TenantRef tenant) {
        var inserted = users.enrollIfAbsent(
                tenant.id(), caller.id(), caller.username(), caller.email(), caller.givenName(), caller.familyName());
        if (inserted == 1) {
            log.info("Enrolled user {} in tenant {} on first call", caller.id(), tenant.slug());
        }
        var user = users.findInTenant(tenant.id(), caller.id())
                .orElseThrow(() -> new IllegalStateException("enrolled user vanished: " + caller.id()));
        return UserView.of(user, tenant.slug());
    }

    /** Replaces the caller's preferences, enrolling them first if need be. */
    @Transactional
    UserView changePreferences(Caller caller, TenantRef tenant, Preferences preferences) {
        currentUser(caller, tenant);
        var user = users.findInTenant(tenant.id(), caller.id()).orElseThrow();
        user.changePreferences(preferences.parsedLocale(), preferences.parsedTimeZone());
        return UserView.of(user, tenant.slug());
    }
}
