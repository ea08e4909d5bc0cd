package org.usermodels.platform.persistence;

import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.java.UUIDJavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.descriptor.jdbc.UUIDJdbcType;
import org.hibernate.type.internal.BasicTypeImpl;
import org.jspecify.annotations.Nullable;

/**
 * A typed id (a record wrapping one {@link UUID}) as Hibernate stores it: a basic value in a {@code uuid}
 * column, bound and read as the {@code UUID} itself, so that a typed id changes no statement. An entity's
 * {@code @Id UserId id}, a repository's {@code findById(UserId)} and a query's {@code :id} parameter all go
 * through this type; what it binds is the UUID.
 *
 * <p>Each id type has a subclass, registered for the id's class by a {@code TypeContributor} with
 * {@link #register} (so it applies wherever the class appears, a parameter included), for instance:
 *
 * <pre>{@code
 * public final class UserIdJavaType extends UuidIdJavaType<UserId> {
 *     public UserIdJavaType() { super(UserId.class, UserId::new, UserId::value); }
 * }
 * }</pre>
 *
 * <p>Why a Java type and not the alternatives: a JPA {@code AttributeConverter} may not convert an id, and an
 * {@code @EmbeddedId} would turn every {@code u.id} of a query into {@code u.id.value}.
 *
 * @param <I> the id type
 */
public abstract class UuidIdJavaType<I> extends AbstractClassJavaType<I> {

    private final Function<UUID, I> wrapper;
    private final Function<I, UUID> unwrapper;

    protected UuidIdJavaType(Class<I> type, Function<UUID, I> wrapper, Function<I, UUID> unwrapper) {
        super(type, ImmutableMutabilityPlan.instance(), Comparator.comparing(unwrapper));
        this.wrapper = wrapper;
        this.unwrapper = unwrapper;
    }

    /**
     * Registers an id type with Hibernate: as a Java type, which binds and reads it wherever it appears, and as a
     * basic type of the {@code uuid} column type, which Hibernate looks up by class for a tenant id
     * ({@code @TenantId}).
     */
    public static void register(TypeContributions contributions, UuidIdJavaType<?> type) {
        contributions.contributeJavaType(type);
        // the dialect's own uuid type where it registered one before the contributors run, the standard one else
        // (the registry maps its code to the configured preference only after them)
        var registered =
                contributions.getTypeConfiguration().getJdbcTypeRegistry().findDescriptor(SqlTypes.UUID);
        var uuid = registered != null ? registered : UUIDJdbcType.INSTANCE;
        contributions.contributeType(
                new BasicTypeImpl<>(type, uuid), type.getJavaTypeClass().getName());
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        return UUIDJavaType.INSTANCE.getRecommendedJdbcType(indicators);
    }

    @Override
    public long getDefaultSqlLength(Dialect dialect, JdbcType jdbcType) {
        return UUIDJavaType.INSTANCE.getDefaultSqlLength(dialect, jdbcType);
    }

    @Override
    @SuppressWarnings("NullAway") // Hibernate's contract: null in, null out
    public <X> X unwrap(@Nullable I value, Class<X> type, WrapperOptions options) {
        return UUIDJavaType.INSTANCE.unwrap(value == null ? null : unwrapper.apply(value), type, options);
    }

    @Override
    @SuppressWarnings("NullAway") // Hibernate's contract: null in, null out
    public <X> I wrap(@Nullable X value, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (getJavaTypeClass().isInstance(value)) {
            return getJavaTypeClass().cast(value);
        }
        return wrapper.apply(UUIDJavaType.INSTANCE.wrap(value, options));
    }

    @Override
    public String toString(I value) {
        return unwrapper.apply(value).toString();
    }

    @Override
    public I fromString(CharSequence string) {
        return wrapper.apply(UUID.fromString(string.toString()));
    }
}
