package org.usermodels.user.access;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link PermissionCode} as the API description shows it, wherever an operation takes one: a string, one of
 * the catalog's codes. Described once here, where each operation once listed the codes itself. (Spring binds a
 * path variable to a {@code PermissionCode} through its constructor; a code outside the catalog is refused there,
 * and answered 400 with the reason.)
 */
@Configuration(proxyBeanMethods = false)
class PermissionCodeSchema {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(PermissionCode.class, new StringSchema()._enum(Permissions.ALL));
    }
}
