package org.usermodels.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.domain.IllegalTransition;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.NumberedEvent;

/** The rules a tenant keeps by itself: its one event and its two states. */
class TenantTest {

    private static final TenantId ID = TenantId.of(UUID.randomUUID());

    private static Tenant acme() {
        return new Tenant(ID, "acme", "Acme", List.of("user", "staff"), null, Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void aNewTenantRecordsItsCreation() {
        assertThat(acme().recordedEvents())
                .containsExactly(new NumberedEvent(
                        new DomainEvent.TenantCreated(ID.value(), "acme", "Acme", List.of("user", "staff")), 1));
    }

    @Test
    void aSuspendedTenantCannotBeSuspendedAgainNorAnActiveOneActivated() {
        var tenant = acme();

        assertThatThrownBy(tenant::activate)
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A tenant that is ACTIVE cannot be activated");
        tenant.suspend();
        assertThatThrownBy(tenant::suspend)
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A tenant that is SUSPENDED cannot be suspended");
        assertThat(tenant.status()).isEqualTo(Tenant.Status.SUSPENDED);
        tenant.activate();
        assertThat(tenant.status()).isEqualTo(Tenant.Status.ACTIVE);
    }

    @Test
    void askingForTheStatusATenantHasIsNoTransition() {
        var tenant = acme();

        tenant.changeStatus(Tenant.Status.ACTIVE);
        assertThat(tenant.status()).isEqualTo(Tenant.Status.ACTIVE);
        tenant.changeStatus(Tenant.Status.SUSPENDED);
        tenant.changeStatus(Tenant.Status.SUSPENDED);
        assertThat(tenant.status()).isEqualTo(Tenant.Status.SUSPENDED);
    }
}
