package org.usermodels.user.tenant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.usermodels.platform.domain.TenantId;

/** All tenants. */
interface Tenants extends Repository<Tenant, TenantId> {

    Optional<Tenant> findById(TenantId id);

    Optional<Tenant> findBySlug(String slug);

    /** A page of tenants in slug order, those after {@code slug}. */
    List<Tenant> findBySlugGreaterThanOrderBySlugAsc(String slug, Limit limit);

    List<Tenant> findByStatus(Tenant.Status status);

    Tenant save(Tenant tenant);

    /**
     * Takes in a tenant that Keycloak knows and this service does not, in one statement that is safe when two
     * first requests race. A placeholder slug left by migration V2 is replaced with the real one.
     *
     * @return {@code true} if the tenant was inserted, {@code false} if its placeholder slug was replaced,
     *     empty if it was known already ({@code xmax = 0} tells a fresh row from an updated one)
     */
    @Query(nativeQuery = true, value = """
                    insert into tenants (id, slug, display_name)
                    values (:id, :slug, :slug)
                    on conflict (id) do update
                        set slug = excluded.slug, display_name = excluded.display_name
                        where tenants.slug like 'tenant-%' and tenants.slug <> excluded.slug
                    returning (xmax = 0)
                    """)
    Optional<Boolean> takeIn(TenantId id, String slug);
}
