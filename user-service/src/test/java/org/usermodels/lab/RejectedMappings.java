package org.usermodels.lab;

import javax.sql.DataSource;
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
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .build();
        var sources = new MetadataSources(registry);
        for (var entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata().buildSessionFactory();
    }
}
