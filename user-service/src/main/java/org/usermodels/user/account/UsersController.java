package org.usermodels.user.account;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import org.usermodels.user.idempotency.IdempotentRequests;
import tools.jackson.databind.JsonNode;

/** {@code /api/users}: the tenant's users, in all three user models. */
@RestController
@RequestMapping("/api/users")
class UsersController {

    private final UserRegistration registration;
    private final UserAdministration administration;
    private final CurrentUser currentUser;
    private final UserSearch search;
    private final UserStatistics statistics;
    private final IdempotentRequests idempotent;

    UsersController(
            UserRegistration registration,
            UserAdministration administration,
            CurrentUser currentUser,
            UserSearch search,
            UserStatistics statistics,
            IdempotentRequests idempotent) {
        this.registration = registration;
        this.administration = administration;
        this.currentUser = currentUser;
        this.search = search;
        this.statistics = statistics;
        this.idempotent = idempotent;
    }

    /** Creates a user; see {@link UserRegistration#register}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@access.has('users.manage')")
    ResponseEntity<?> create(
            TenantRef tenant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody NewUser request) {
        return idempotent.run(idempotencyKey, request.withoutSecrets(), () -> {
            var user = registration.register(request, Set.of());
            var location = ServletUriComponentsBuilder.fromCurrentRequest()
                    .path("/{id}")
                    .buildAndExpand(user.id())
                    .toUri();
            return ResponseEntity.created(location)
                    .eTag(Versions.etag(user.version()))
                    .body(user);
        });
    }

    /** Searches the tenant's users; see {@link UserSearch}. */
    @GetMapping
    UserSearch.Page search(
            TenantRef tenant,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID group,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam MultiValueMap<String, String> parameters) {
        var attributeFilters = new LinkedHashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (name.startsWith("attr.") && !values.isEmpty()) {
                attributeFilters.put(name.substring("attr.".length()), values.getFirst());
            }
        });
        return search.search(new UserSearch.Query(type, status, group, q, attributeFilters, sort, limit, cursor));
    }

    @GetMapping("/stats")
    UserStatistics.Stats stats(TenantRef tenant) {
        return statistics.stats();
    }

    /** The caller as a user of their tenant; a first-time caller is enrolled. */
    @GetMapping("/me")
    ResponseEntity<UserView> me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        var user = currentUser.me(caller, tenant);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PatchMapping(
            path = "/me",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<UserView> patchMe(
            @AuthenticationPrincipal Caller caller,
            TenantRef tenant,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        currentUser.enrollIfNew(caller, tenant);
        var changed = patch(tenant, caller.id(), ifMatch, patch);
        return ResponseEntity.ok()
                .headers(changed.getHeaders())
                .body(changed.getBody().in(tenant));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> read(TenantRef tenant, @PathVariable UUID id, WebRequest request) {
        var user = administration.read(id);
        var etag = Versions.etag(user.version());
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(user);
    }

    /** Changes a user with a JSON Merge Patch; {@code If-Match} must name the version it is based on. */
    @PatchMapping(
            path = "/{id}",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<UserView> patch(
            TenantRef tenant,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        var user = administration.patch(id, Versions.required(ifMatch), patch);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(TenantRef tenant, @PathVariable UUID id) {
        administration.delete(id);
    }

    /** The user's effective permissions (direct ∪ through groups). */
    @GetMapping("/{id}/permissions")
    List<String> permissions(TenantRef tenant, @PathVariable UUID id) {
        return administration.permissions(id);
    }

    @PutMapping("/{id}/permissions/{permission}")
    List<String> grant(TenantRef tenant, @PathVariable UUID id, @PathVariable String permission) {
        return administration.grant(id, permission);
    }

    @DeleteMapping("/{id}/permissions/{permission}")
    List<String> revoke(TenantRef tenant, @PathVariable UUID id, @PathVariable String permission) {
        return administration.revoke(id, permission);
    }
}
