package org.usermodels.user.attribute;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The current tenant's attribute definitions (Hibernate's {@code @TenantId} adds the tenant to each query). */
interface AttributeDefinitions extends Repository<AttributeDefinition, String> {

    List<AttributeDefinition> findAllByOrderByPositionAsc();

    AttributeDefinition save(AttributeDefinition definition);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from AttributeDefinition")
    int deleteAllOfTenant();

    /** Serialises redefinitions of the current tenant's attributes until the transaction ends. */
    @Query(
            nativeQuery = true,
            value =
                    "select 1 from (select pg_advisory_xact_lock(hashtextextended('attributes:' || current_tenant(), 0))) lock")
    Integer lock();
}
