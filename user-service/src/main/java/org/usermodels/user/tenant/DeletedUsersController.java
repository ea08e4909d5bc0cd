package org.usermodels.user.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.platform.web.Versions;
import org.usermodels.user.account.UserRestoration;
import org.usermodels.user.account.UserView;

/**
 * {@code /api/tenants/{slug}/deleted-users}: a platform administrator's view of a tenant's deleted users, and the
 * way to bring one back. The tenant is the one the path names, acted for explicitly; the caller's own token names
 * no tenant of theirs here, and a tenant administrator may not call it (a deletion is final for the tenant).
 */
@Tag(name = "Tenants")
@RestController
@RequestMapping("/api/tenants/{slug}/deleted-users")
@PreAuthorize("hasRole('platform-admin')")
class DeletedUsersController {

    private final TenantProvisioning provisioning;
    private final UserRestoration restoration;

    DeletedUsersController(TenantProvisioning provisioning, UserRestoration restoration) {
        this.provisioning = provisioning;
        this.restoration = restoration;
    }

    @GetMapping
    @Operation(
            operationId = "listDeletedUsers",
            summary = "List a tenant's deleted users",
            description = "The users deleted in the tenant, the most recently deleted first; pages follow `next` as"
                    + " `cursor`.")
    UserRestoration.Page list(
            @Parameter(schema = @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")) @PathVariable String slug,
            @Parameter(
                            description = "The `next` of the previous page",
                            schema = @Schema(maxLength = UserRestoration.MAX_CURSOR))
                    @RequestParam(required = false)
                    @Nullable String cursor,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + UserRestoration.MAX_LIMIT,
                                            defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit) {
        if (limit < 1 || limit > UserRestoration.MAX_LIMIT) {
            throw InvalidRequest.field("limit", "must be between 1 and " + UserRestoration.MAX_LIMIT);
        }
        return actingFor(slug, () -> restoration.deleted(cursor, limit));
    }

    @PostMapping("/{id}/restore")
    @Operation(
            operationId = "restoreDeletedUser",
            summary = "Restore a deleted user",
            description = "Brings the user back with the same id, type, names and attributes: active, a member of the"
                    + " tenant's `members` group, in Keycloak again without a password (they choose one at their"
                    + " next login); profile-service starts an empty profile. Answers `409` when another user took the"
                    + " username, email address or a unique attribute value since the deletion.")
    ResponseEntity<UserView> restore(
            @Parameter(schema = @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")) @PathVariable String slug,
            @PathVariable UUID id) {
        var user = actingFor(slug, () -> restoration.restore(UserId.of(id)));
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    private <T> T actingFor(String slug, Supplier<T> work) {
        var tenant = provisioning.find(slug);
        return TenantContext.callAs(new TenantRef(tenant.id(), tenant.slug()), work);
    }
}
