package org.usermodels.user.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * {@code /api/users/{id}/permissions}: a user's effective permissions, and those granted to them directly. The
 * path is the users', the rows are access's: this controller serves it beside the users feature's own.
 */
@Tag(name = "Users", description = "The tenant's users, in its user model: default, custom attributes, or user types.")
@RestController
@RequestMapping("/api/users/{id}/permissions")
class UserPermissionsController {

    private final PermissionGrants grants;

    UserPermissionsController(PermissionGrants grants) {
        this.grants = grants;
    }

    /** The user's effective permissions (direct ∪ through groups). */
    @GetMapping
    @Operation(operationId = "listUserPermissions", summary = "List a user's effective permissions")
    @ApiResponse(
            responseCode = "200",
            description = "The user's effective permissions, sorted.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = 64,
                                            schema = @Schema(maxLength = 64, pattern = Permissions.PATTERN))))
    List<String> permissions(TenantRef tenant, @PathVariable UUID id) {
        return grants.permissions(UserId.of(id));
    }

    @PutMapping("/{permission}")
    @Operation(operationId = "grantUserPermission", summary = "Grant a user a permission")
    @ApiResponse(
            responseCode = "200",
            description = "The user's effective permissions, sorted.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = 64,
                                            schema = @Schema(maxLength = 64, pattern = Permissions.PATTERN))))
    List<String> grant(TenantRef tenant, @PathVariable UUID id, @PathVariable PermissionCode permission) {
        return grants.grant(UserId.of(id), permission);
    }

    @DeleteMapping("/{permission}")
    @Operation(operationId = "revokeUserPermission", summary = "Revoke a permission granted to a user")
    @ApiResponse(
            responseCode = "200",
            description = "The user's effective permissions, sorted.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = 64,
                                            schema = @Schema(maxLength = 64, pattern = Permissions.PATTERN))))
    List<String> revoke(TenantRef tenant, @PathVariable UUID id, @PathVariable PermissionCode permission) {
        return grants.revoke(UserId.of(id), permission);
    }
}
