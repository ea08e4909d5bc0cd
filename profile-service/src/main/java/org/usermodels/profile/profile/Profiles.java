package org.usermodels.profile.profile;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** All profiles; every method names the tenant it works in. */
interface Profiles extends Repository<Profile, UUID> {

    /**
     * Creates an empty profile for a user unless one exists, in one statement that is safe when two first
     * requests race.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    insert into profiles (user_id, tenant_id)
                    values (:userId, :tenantId)
                    on conflict (tenant_id, user_id) do nothing
                    """)
    int createEmptyIfAbsent(UUID tenantId, UUID userId);

    @Query("""
            select p from Profile p
            where p.tenantId = :tenantId and p.userId = :userId
            """)
    Optional<Profile> findInTenant(UUID tenantId, UUID userId);
}
