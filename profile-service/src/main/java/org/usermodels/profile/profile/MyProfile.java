package org.usermodels.profile.profile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;

/** The caller's own profile, created empty on their first call. */
@Service
class MyProfile {

    private final Profiles profiles;

    MyProfile(Profiles profiles) {
        this.profiles = profiles;
    }

    @Transactional
    ProfileView of(Caller caller, TenantRef tenant) {
        profiles.createEmptyIfAbsent(tenant.id(), caller.id());
        return profiles.findInTenant(tenant.id(), caller.id())
                .map(profile -> ProfileView.of(profile, tenant.slug()))
                .orElseThrow(() -> new IllegalStateException("created profile vanished: " + caller.id()));
    }
}
