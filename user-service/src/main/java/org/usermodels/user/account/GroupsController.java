package org.usermodels.user.account;

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
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.idempotency.IdempotentRequests;

/** {@code /api/groups}: the tenant's groups, their members and permissions. */
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
    List<GroupView.Summary> list(TenantRef tenant) {
        return groups.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
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
    GroupView read(TenantRef tenant, @PathVariable UUID id) {
        return groups.read(id);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    GroupView rename(TenantRef tenant, @PathVariable UUID id, @Valid @RequestBody GroupName request) {
        return groups.rename(id, request.name().strip());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(TenantRef tenant, @PathVariable UUID id) {
        groups.delete(id);
    }

    @PutMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addMember(TenantRef tenant, @PathVariable UUID id, @PathVariable UUID userId) {
        groups.addMember(id, userId);
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(TenantRef tenant, @PathVariable UUID id, @PathVariable UUID userId) {
        groups.removeMember(id, userId);
    }

    @PutMapping("/{id}/permissions/{permission}")
    GroupView grant(TenantRef tenant, @PathVariable UUID id, @PathVariable String permission) {
        return groups.grant(id, permission);
    }

    @DeleteMapping("/{id}/permissions/{permission}")
    GroupView revoke(TenantRef tenant, @PathVariable UUID id, @PathVariable String permission) {
        return groups.revoke(id, permission);
    }
}
