package org.usermodels.user.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.web.InvalidRequest;

/** {@code /api/tenants}: platform administrators manage tenants. */
@Tag(name = "Tenants", description = "Tenants, for platform administrators: an organization in Keycloak each.")
@RestController
@RequestMapping("/api/tenants")
@PreAuthorize("hasRole('platform-admin')")
class TenantsController {

    private final TenantProvisioning provisioning;

    TenantsController(TenantProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    /** 201 with {@code Location} for a new tenant; 200 with the same tenant for an identical repeat. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createTenant",
            summary = "Create a tenant",
            description = "Creates the tenant, its organization in Keycloak, its built-in groups and, if given, its"
                    + " first administrator. Repeating the same request answers 200 with the same tenant.")
    @ApiResponse(responseCode = "201", description = "The tenant, created.")
    @ApiResponse(responseCode = "200", description = "The same tenant, created by an identical earlier request.")
    @ApiResponse(responseCode = "409", description = "The slug is taken by a tenant created otherwise.")
    ResponseEntity<TenantView> create(@Valid @RequestBody NewTenant request) {
        var outcome = provisioning.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{slug}")
                .buildAndExpand(outcome.tenant().slug())
                .toUri();
        return outcome.created()
                ? ResponseEntity.created(location).body(outcome.tenant())
                : ResponseEntity.ok().location(location).body(outcome.tenant());
    }

    /** The largest page of tenants. */
    static final int MAX_PAGE = 500;

    @GetMapping
    @Operation(
            operationId = "listTenants",
            summary = "List tenants",
            description = "Tenants in slug order, a page at a time: pass the last slug of a page as `after`.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of tenants.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = MAX_PAGE,
                                            schema = @Schema(implementation = TenantView.class))))
    List<TenantView> list(
            @Parameter(description = "The slug the page starts after", schema = @Schema(maxLength = 40))
                    @RequestParam(required = false)
                    @Nullable String after,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "" + MAX_PAGE))
                    @RequestParam(defaultValue = "" + MAX_PAGE)
                    int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequest.field("limit", "must be between 1 and " + MAX_PAGE);
        }
        return provisioning.list(after, limit);
    }

    @GetMapping("/{slug}")
    @Operation(operationId = "readTenant", summary = "Read a tenant")
    TenantView read(
            @Parameter(schema = @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")) @PathVariable String slug) {
        return provisioning.find(slug);
    }

    /** What may change about a tenant; absent fields stay as they are. */
    record TenantChange(
            @Nullable @Size(min = 1, max = 200) String displayName,

            @Schema(allowableValues = {"ACTIVE", "SUSPENDED"}) @Nullable String status) {}

    @PatchMapping(
            path = "/{slug}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(
            operationId = "changeTenant",
            summary = "Rename, suspend or reactivate a tenant",
            description = "A merge patch: absent fields stay as they are.")
    TenantView change(
            @Parameter(schema = @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")) @PathVariable String slug,
            @Valid @RequestBody TenantChange change) {
        return provisioning.change(slug, change.displayName(), change.status());
    }
}
