package org.usermodels.user.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.idempotency.IdempotentRequests;

/** {@code /api/groups}: the tenant's groups, their members and permissions. */
@Tag(name = "Groups", description = "The tenant's groups, their members, and the permissions they give.")
@RestController
@RequestMapping("/api/groups")
class GroupsController {

    private final GroupAdministration groups;
    private final IdempotentRequests idempotent;

    GroupsController(GroupAdministration groups, IdempotentRequests idempotent) {
        this.groups = groups;
        this.idempotent = idempotent;
    }

    /** A group's name: what creating and renaming take. */
    record GroupName(@NotBlank @Size(max = 100) String name) {}

    @GetMapping
    @Operation(operationId = "listGroups", summary = "List the tenant's groups")
    @ApiResponse(
            responseCode = "200",
            description = "Every group of the tenant (at most " + GroupAdministration.MAX_GROUPS + ").",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = GroupAdministration.MAX_GROUPS,
                                            schema = @Schema(implementation = GroupView.Summary.class))))
    List<GroupView.Summary> list(TenantRef tenant) {
        return groups.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createGroup", summary = "Create a group")
    @ApiResponse(
            responseCode = "201",
            description = "The group, created.",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The name is taken in the tenant, or the tenant has as many groups as it may.")
    ResponseEntity<?> create(
            TenantRef tenant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody GroupName request) {
        return idempotent.run(idempotencyKey, request, () -> {
            var group = groups.create(request.name().strip());
            var location = ServletUriComponentsBuilder.fromCurrentRequest()
                    .path("/{id}")
                    .buildAndExpand(group.id())
                    .toUri();
            return ResponseEntity.created(location).body(group);
        });
    }

    @GetMapping("/{id}")
    @Operation(operationId = "readGroup", summary = "Read a group")
    GroupView read(TenantRef tenant, @PathVariable UUID id) {
        return groups.read(new GroupId(id));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "renameGroup", summary = "Rename a group")
    @ApiResponse(responseCode = "200", description = "The group, renamed.")
    @ApiResponse(responseCode = "409", description = "The name is taken, or the group is built in.")
    GroupView rename(TenantRef tenant, @PathVariable UUID id, @Valid @RequestBody GroupName request) {
        return groups.rename(new GroupId(id), request.name().strip());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteGroup", summary = "Delete a group")
    @ApiResponse(responseCode = "409", description = "The group is built in.")
    void delete(TenantRef tenant, @PathVariable UUID id) {
        groups.delete(new GroupId(id));
    }

    @PutMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "addGroupMember", summary = "Add a user to a group")
    void addMember(TenantRef tenant, @PathVariable UUID id, @PathVariable UUID userId) {
        groups.addMember(new GroupId(id), UserId.of(userId));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeGroupMember", summary = "Remove a user from a group")
    void removeMember(TenantRef tenant, @PathVariable UUID id, @PathVariable UUID userId) {
        groups.removeMember(new GroupId(id), UserId.of(userId));
    }

    @PutMapping("/{id}/permissions/{permission}")
    @Operation(operationId = "grantGroupPermission", summary = "Grant a group a permission")
    GroupView grant(TenantRef tenant, @PathVariable UUID id, @PathVariable PermissionCode permission) {
        return groups.grant(new GroupId(id), permission);
    }

    @DeleteMapping("/{id}/permissions/{permission}")
    @Operation(operationId = "revokeGroupPermission", summary = "Revoke a permission granted to a group")
    GroupView revoke(TenantRef tenant, @PathVariable UUID id, @PathVariable PermissionCode permission) {
        return groups.revoke(new GroupId(id), permission);
    }
}
