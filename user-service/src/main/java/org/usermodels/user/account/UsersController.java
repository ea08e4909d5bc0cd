package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Objects;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.openapi.MergePatch;
import org.usermodels.platform.openapi.Versioned;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import org.usermodels.user.idempotency.IdempotentRequests;
import tools.jackson.databind.JsonNode;

/** {@code /api/users}: the tenant's users, in all three user models. */
@Tag(name = "Users", description = "The tenant's users, in its user model: default, custom attributes, or user types.")
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
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "Creates the user in Keycloak (a member of the tenant's organization) and here, in the"
                    + " tenant's user model; `type` chooses the user type where the tenant has types.")
    @ApiResponse(
            responseCode = "201",
            description = "The user, created.",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "409", description = "The username or email is taken in the tenant.")
    @Versioned
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
    @Operation(
            operationId = "searchUsers",
            summary = "Search the tenant's users",
            description = "A page of users, by a search term (`q`: username, email and names, accent- and"
                    + " case-insensitively, misspellings too) and filters; `attr.<name>=<value>` filters by a"
                    + " searchable custom attribute. Pages follow `next` as `cursor`.")
    UserSearch.Page search(
            TenantRef tenant,
            @Parameter(schema = @Schema(allowableValues = {"user", "customer", "staff", "partner"}))
                    @RequestParam(required = false)
                    @Nullable String type,
            @Parameter(schema = @Schema(allowableValues = {"ACTIVE", "DISABLED"}))
                    @RequestParam(required = false)
                    @Nullable String status,
            @Parameter(description = "Only members of this group") @RequestParam(required = false) @Nullable UUID group,
            @Parameter(
                            description = "Words to find in usernames, emails and names",
                            schema = @Schema(maxLength = UserSearch.MAX_TERM))
                    @RequestParam(required = false)
                    @Nullable String q,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"username", "-username", "dateJoined", "-dateJoined"},
                                            defaultValue = "username"))
                    @RequestParam(required = false)
                    @Nullable String sort,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + UserSearch.MAX_LIMIT,
                                            defaultValue = "20"))
                    @RequestParam(required = false)
                    @Nullable Integer limit,
            @Parameter(
                            description = "The `next` of the previous page",
                            schema = @Schema(maxLength = UserSearch.MAX_CURSOR))
                    @RequestParam(required = false)
                    @Nullable String cursor,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        var attributeFilters = new LinkedHashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (name.startsWith("attr.") && !values.isEmpty()) {
                attributeFilters.put(name.substring("attr.".length()), values.getFirst());
            }
        });
        return search.search(new UserSearch.Query(type, status, group, q, attributeFilters, sort, limit, cursor));
    }

    @GetMapping("/stats")
    @Operation(operationId = "userStatistics", summary = "Count the tenant's users by type, status and month")
    UserStatistics.Stats stats(TenantRef tenant) {
        return statistics.stats();
    }

    /** The caller as a user of their tenant; a first-time caller is enrolled. */
    @GetMapping("/me")
    @Operation(operationId = "readMe", summary = "Read the caller as a user of their tenant")
    @Versioned
    ResponseEntity<UserView> me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        var user = currentUser.me(caller, tenant);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PatchMapping(
            path = "/me",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            operationId = "changeMe",
            summary = "Change the caller's own user",
            description = "A JSON Merge Patch (RFC 7396) of the fields a user may change of themselves.")
    @MergePatch(UserEdit.class)
    @Versioned
    ResponseEntity<UserView> patchMe(
            @AuthenticationPrincipal Caller caller,
            TenantRef tenant,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        currentUser.enrollIfNew(caller, tenant);
        var changed = patch(tenant, caller.id(), ifMatch, patch);
        var view = Objects.requireNonNull(changed.getBody(), "a patch answers the user");
        return ResponseEntity.ok().headers(changed.getHeaders()).body(view.in(tenant));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "readUser", summary = "Read a user")
    @Versioned
    ResponseEntity<UserView> read(TenantRef tenant, @PathVariable UUID id, WebRequest request) {
        var user = administration.read(UserId.of(id));
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
    @Operation(
            operationId = "changeUser",
            summary = "Change a user",
            description = "A JSON Merge Patch (RFC 7396): the fields it names are set, those it sets to null are"
                    + " cleared; `If-Match` names the version it is based on.")
    @ApiResponse(responseCode = "200", description = "The user, changed.")
    @ApiResponse(responseCode = "409", description = "The new username or email is taken in the tenant.")
    @MergePatch(UserEdit.class)
    @Versioned
    ResponseEntity<UserView> patch(
            TenantRef tenant,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        var user = administration.patch(UserId.of(id), Versions.required(ifMatch), patch);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteUser",
            summary = "Delete a user",
            description = "Deletes the user here and in Keycloak; their profile is erased through events.")
    void delete(TenantRef tenant, @PathVariable UUID id) {
        administration.delete(UserId.of(id));
    }
}
