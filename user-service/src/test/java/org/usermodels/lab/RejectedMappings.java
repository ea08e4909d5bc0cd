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
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .build();
        return new MetadataSources(registry)
                .addAnnotatedClass(BidirectionalUser.class)
                .addAnnotatedClass(BidirectionalGroup.class)
                .addAnnotatedClass(DynamicUser.class)
                .addAnnotatedClass(CountedGroup.class)
                .addAnnotatedClass(LowerCaseEmail.class)
                .addAnnotatedClass(UnversionedGroup.class)
                .addAnnotatedClass(VersionedGroup.class)
                .addAnnotatedClass(UnbatchedGroup.class)
                .buildMetadata()
                .buildSessionFactory();
    }
}
