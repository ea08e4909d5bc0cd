package org.usermodels.profile.access;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How profile-service reaches user-service for the caller's permissions.
 *
 * @param url user-service as this service reaches it ({@code USERMODELS_USER_SERVICE_URL})
 * @param permissionsCacheTimeToLive how long a caller's permissions are trusted without asking again: a
 *     revoked permission may still be used this long
 * @param timeout how long the question may take; on failure the caller gets no extra permission
 */
@ConfigurationProperties("usermodels.user-service")
public record UserServiceProperties(
        @DefaultValue("http://localhost:8081") URI url,
        @DefaultValue("30s") Duration permissionsCacheTimeToLive,
        @DefaultValue("3s") Duration timeout) {}
