package org.usermodels.profile.tenancy;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/tenantschemas}: every tenant schema with its migration state, version, duration and
 * error, for operators. Exposed like the other actuator endpoints (behind the management configuration).
 */
@Component
@Endpoint(id = "tenantschemas")
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
