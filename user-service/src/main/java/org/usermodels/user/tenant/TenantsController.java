package org.usermodels.user.tenant;

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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/tenants}: platform administrators manage tenants. */
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

    @GetMapping
    List<TenantView> list() {
        return provisioning.list();
    }

    @GetMapping("/{slug}")
    TenantView read(@PathVariable String slug) {
        return provisioning.find(slug);
    }

    /** What may change about a tenant; absent fields stay as they are. */
    record TenantChange(
            @Nullable @Size(min = 1, max = 200) String displayName,
            @Nullable String status) {}

    @PatchMapping(
            path = "/{slug}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    TenantView change(@PathVariable String slug, @Valid @RequestBody TenantChange change) {
        return provisioning.change(slug, change.displayName(), change.status());
    }
}
