package org.usermodels.profile.tenancy;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.domain.TenantId;

/**
 * {@code POST /internal/tenant-schemas/{tenantId}/repair}: once the cause of a failed migration is fixed, a
 * platform administrator repairs the schema's history and migrates it again. Not routed by the gateway.
 */
@RestController
class TenantSchemaRepairController {

    private final TenantSchemas schemas;

    TenantSchemaRepairController(TenantSchemas schemas) {
        this.schemas = schemas;
    }

    @PostMapping("/internal/tenant-schemas/{tenantId}/repair")
    @PreAuthorize("hasRole('platform-admin')")
    SchemaState repair(@PathVariable UUID tenantId) {
        return schemas.repair(TenantId.of(tenantId));
    }
}
