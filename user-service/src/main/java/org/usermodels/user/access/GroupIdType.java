package org.usermodels.user.access;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.usermodels.platform.persistence.UuidIdJavaType;

/**
 * Registers {@link GroupId} as the {@code uuid} it wraps (found by Hibernate through {@code META-INF/services}),
 * as the platform registers {@code UserId} and {@code TenantId}.
 */
public final class GroupIdType implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        UuidIdJavaType.register(contributions, new GroupIdJavaType());
    }

    /** {@link GroupId} as the uuid it wraps. */
    public static final class GroupIdJavaType extends UuidIdJavaType<GroupId> {
        public GroupIdJavaType() {
            super(GroupId.class, GroupId::new, GroupId::value);
        }
    }
}
