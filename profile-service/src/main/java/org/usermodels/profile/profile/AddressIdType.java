package org.usermodels.profile.profile;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.usermodels.platform.persistence.UuidIdJavaType;

/**
 * Registers {@link AddressId} as the {@code uuid} it wraps (found by Hibernate through {@code META-INF/services}),
 * as the platform registers {@code UserId}.
 */
public final class AddressIdType implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        UuidIdJavaType.register(contributions, new AddressIdJavaType());
    }

    /** {@link AddressId} as the uuid it wraps. */
    public static final class AddressIdJavaType extends UuidIdJavaType<AddressId> {
        public AddressIdJavaType() {
            super(AddressId.class, AddressId::new, AddressId::value);
        }
    }
}
