package org.usermodels.user.twin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The twins' switch, and the connection of their side without isolation.
 *
 * @param enabled whether {@code /twin/**} is served ({@code USERMODELS_BENCHMARK_TWINS_ENABLED}); off by default
 * @param unisolated a role that bypasses row-level security, for {@code ?isolation=none}: the twin then sends
 *     no {@code set_config} and filters by tenant itself, as an application without isolation would; absent,
 *     only {@code ?isolation=rls} is served
 */
@ConfigurationProperties("usermodels.benchmark.twins")
record TwinProperties(
        @DefaultValue("false") boolean enabled, @Nullable Connection unisolated) {

    record Connection(String url, String username, String password) {}
}
