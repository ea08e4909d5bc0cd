package org.usermodels.profile.profile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;

/** The caller's own profile. */
@RestController
@RequestMapping("/api/profiles")
class MeController {

    private final MyProfile myProfile;

    MeController(MyProfile myProfile) {
        this.myProfile = myProfile;
    }

    @GetMapping("/me")
    ProfileView me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        return myProfile.of(caller, tenant);
    }
}
