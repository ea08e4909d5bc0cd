package org.usermodels.platform.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/**
 * Registers the ids both services share, {@link UserId} and {@link TenantId}, as {@code uuid} values
 * (found by Hibernate through {@code META-INF/services}).
 */
public final class PlatformIdTypes implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        UuidIdJavaType.register(contributions, new UserIdJavaType());
        UuidIdJavaType.register(contributions, new TenantIdJavaType());
    }

    /** {@link UserId} as the uuid it wraps. */
    public static final class UserIdJavaType extends UuidIdJavaType<UserId> {
        public UserIdJavaType() {
            super(UserId.class, UserId::new, UserId::value);
        }
    }

    /** {@link TenantId} as the uuid it wraps. */
    public static final class TenantIdJavaType extends UuidIdJavaType<TenantId> {
        public TenantIdJavaType() {
            super(TenantId.class, TenantId::new, TenantId::value);
        }
    }
}
