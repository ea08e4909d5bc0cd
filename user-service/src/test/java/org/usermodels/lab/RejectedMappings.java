package org.usermodels.lab;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** A session factory of the lab's mappings, over a database of the service (its tables, as they are). */
public final class RejectedMappings {

    private RejectedMappings() {}

    /** Maps the lab's entities onto {@code dataSource}'s tables. */
    public static SessionFactory over(DataSource dataSource) {
        return mapping(
                dataSource,
                BidirectionalUser.class,
                BidirectionalGroup.class,
                DynamicUser.class,
                CountedGroup.class,
                LowerCaseEmail.class,
                UnversionedGroup.class,
                VersionedGroup.class,
                UnbatchedGroup.class,
                ConvertedAttributes.class,
                ImmutableAttributes.class);
    }

    /**
     * Maps only {@code entities} onto {@code dataSource}'s tables: for a mapping Hibernate may refuse.
     *
     * @throws RuntimeException whatever Hibernate throws when it builds the mapping
     */
    public static SessionFactory mapping(DataSource dataSource, Class<?>... entities) {
        return mapping(dataSource, Map.of(), entities);
    }

    /**
     * Maps only {@code entities} onto {@code dataSource}'s tables with further Hibernate settings: its schema tools
     * ({@code hibernate.hbm2ddl.auto}, the schema-generation scripts) run while the factory is built.
     *
     * @throws RuntimeException whatever Hibernate throws when it builds the mapping or runs its schema tools
     */
    public static SessionFactory mapping(DataSource dataSource, Map<String, Object> settings, Class<?>... entities) {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySettings(settings)
                .build();
        var sources = new MetadataSources(registry);
        for (var entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata().buildSessionFactory();
    }

    /**
     * Makes {@code session}'s transaction act for {@code tenant}, as the service's transaction manager does for its
     * own: row-level security then shows the lab's mappings that tenant's rows.
     */
    public static void actFor(Session session, UUID tenant) {
        session.createNativeQuery("select set_config('app.tenant_id', :tenant, true)", String.class)
                .setParameter("tenant", tenant.toString())
                .getSingleResult();
    }

    /** The recorded statements without the one of {@link #actFor}: what a mapping itself sent. */
    public static List<String> sentByTheMapping(List<String> statements) {
        return statements.stream()
                .filter(statement -> !statement.contains("set_config"))
                .toList();
    }
}
