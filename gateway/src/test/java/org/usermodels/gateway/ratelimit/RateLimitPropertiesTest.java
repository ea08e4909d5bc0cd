package org.usermodels.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How operators set quotas: from the environment, as docs/configuration.md says. */
class RateLimitPropertiesTest {

    @Test
    void bindsATenantsQuotaFromEnvironmentVariables() {
        var properties = bind(Map.of(
                "USERMODELS_GATEWAY_RATE_LIMIT_DEFAULT_QUOTA_REQUESTS_PER_SECOND", "7",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_SLUG", "acme",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_REQUESTS_PER_SECOND", "100",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_BURST", "200",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_1_SLUG", "big-corp",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_1_REQUESTS_PER_SECOND", "50",
                "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_1_BURST", "50"));

        assertThat(properties.defaultQuota()).isEqualTo(new RateLimitProperties.Quota(7, 40));
        assertThat(properties.quotaOf("acme")).isEqualTo(new RateLimitProperties.Quota(100, 200));
        assertThat(properties.quotaOf("big-corp")).isEqualTo(new RateLimitProperties.Quota(50, 50));
        assertThat(properties.quotaOf("globex")).isEqualTo(properties.defaultQuota());
    }

    private static RateLimitProperties bind(Map<String, Object> environment) {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("usermodels.gateway.rate-limit", RateLimitProperties.class);
    }
}
