package org.usermodels.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.persistence.PlatformIdTypes.UserIdJavaType;

/** A typed id reaches JDBC as the UUID it wraps, and comes back from it as itself. */
class UuidIdJavaTypeTest {

    static final UUID VALUE = UUID.fromString("0b8e5a64-45f4-4c33-9f3e-2f3d8a1c7d10");
    final UserIdJavaType type = new UserIdJavaType();

    @Test
    void bindsTheUuidItWrapsAndReadsItBack() {
        var id = UserId.of(VALUE);

        assertThat(type.unwrap(id, UUID.class, null)).isEqualTo(VALUE);
        assertThat(type.unwrap(id, String.class, null)).isEqualTo(VALUE.toString());
        assertThat(type.wrap(VALUE, null)).isEqualTo(id);
        assertThat(type.wrap(VALUE.toString(), null)).isEqualTo(id);
        assertThat(type.wrap(id, null)).isSameAs(id);
    }

    @Test
    void nullStaysNull() {
        assertThat(type.unwrap(null, UUID.class, null)).isNull();
        assertThat(type.wrap(null, null)).isNull();
    }

    @Test
    void itsTextIsTheUuidsAndOrdersAsTheUuidsDo() {
        var other = UserId.of(new UUID(0, 1));

        assertThat(type.toString(UserId.of(VALUE))).isEqualTo(VALUE.toString());
        assertThat(type.fromString(VALUE.toString())).isEqualTo(UserId.of(VALUE));
        assertThat(type.getComparator().compare(other, UserId.of(VALUE)))
                .isEqualTo(other.value().compareTo(VALUE));
    }
}
