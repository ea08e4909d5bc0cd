package org.usermodels.profile.tenancy;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/tenantschemas}: every tenant schema with its migration state, version, duration and
 * error, for operators (platform administrators). {@link TenantSchemaRepairController} repairs one.
 */
@Component
@Endpoint(id = "tenantschemas", defaultAccess = Access.READ_ONLY)
class TenantSchemasEndpoint {

    private final TenantSchemas schemas;

    TenantSchemasEndpoint(TenantSchemas schemas) {
        this.schemas = schemas;
    }

    @ReadOperation
    List<SchemaState> states() {
        return schemas.states().stream()
                .sorted(Comparator.comparing(SchemaState::slug))
                .toList();
    }
}
