package org.usermodels.user.account;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;

/** The caller's own account. */
@RestController
@RequestMapping("/api/users")
class MeController {

    private final Enrollment enrollment;

    MeController(Enrollment enrollment) {
        this.enrollment = enrollment;
    }

    /** The caller as a user of the tenant their token names; a first-time caller is enrolled. */
    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        return enrollment.currentUser(caller, tenant);
    }

    /** Replaces the caller's locale and time zone. */
    @PutMapping(path = "/me/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserView changePreferences(
            @AuthenticationPrincipal Caller caller, TenantRef tenant, @Valid @RequestBody Preferences preferences) {
        return enrollment.changePreferences(caller, tenant, preferences);
    }
}
