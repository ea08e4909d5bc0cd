package org.usermodels.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service accepts ({@link RequestInputFilter}).
 *
 * @param maxBodySize the largest body of any call ({@code USERMODELS_WEB_MAX_BODY_SIZE}); a larger one is 413
 * @param largeBodyPaths paths (patterns such as {@code /api/users/imports}) whose calls check a limit of their
 *     own instead
 */
@ConfigurationProperties("usermodels.web")
public record RequestLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<String> largeBodyPaths) {}
