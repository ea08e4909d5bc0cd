package org.usermodels.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    static final UUID ACME = UUID.fromString("6f1c1b8e-27a4-4d35-9a9f-1d2f3c4b5a60");
    static final UUID GLOBEX = UUID.fromString("0d9c8b7a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");

    @Test
    void readsTheMapShapeWithIdsOrderedBySlug() {
        var claim = Map.of("globex", Map.of("id", GLOBEX.toString()), "acme", Map.of("id", ACME.toString()));

        assertThat(OrganizationClaim.parse(claim))
                .containsExactly(new TenantRef(ACME, "acme"), new TenantRef(GLOBEX, "globex"));
    }

    @Test
    void noClaimMeansNoOrganization() {
        assertThat(OrganizationClaim.parse(null)).isEmpty();
    }

    @Test
    void rejectsTheListShapeOfAMapperWithoutIds() {
        assertThatThrownBy(() -> OrganizationClaim.parse(List.of("acme")))
                .isInstanceOf(OrganizationClaim.MalformedOrganizationClaim.class)
                .hasMessageContaining("must add organization ids");
    }

    @Test
    void rejectsEntriesWithoutAUuid() {
        assertThatThrownBy(() -> OrganizationClaim.parse(Map.of("acme", Map.of())))
                .isInstanceOf(OrganizationClaim.MalformedOrganizationClaim.class);
        assertThatThrownBy(() -> OrganizationClaim.parse(Map.of("acme", Map.of("id", "not-a-uuid"))))
                .isInstanceOf(OrganizationClaim.MalformedOrganizationClaim.class);
    }
}
