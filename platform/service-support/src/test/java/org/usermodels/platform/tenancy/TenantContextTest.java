package org.usermodels.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantContextTest {

    static final TenantRef ACME = new TenantRef(UUID.randomUUID(), "acme");
    static final TenantRef GLOBEX = new TenantRef(UUID.randomUUID(), "globex");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void logsTheTenantOfTheExtentAndRestoresTheOuterOne() {
        var seen = TenantContext.callAs(ACME, () -> {
            var inner = TenantContext.callAs(GLOBEX, () -> MDC.get(TenantContext.LOG_KEY));
            return inner + "," + MDC.get(TenantContext.LOG_KEY);
        });

        assertThat(seen).isEqualTo("globex,acme");
        assertThat(MDC.get(TenantContext.LOG_KEY)).isNull();
        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void forgetsTheTenantWhenTheWorkFails() {
        assertThatThrownBy(() -> TenantContext.runAs(ACME, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(MDC.get(TenantContext.LOG_KEY)).isNull();
    }
}
