package org.usermodels.lab;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** A session factory of the rejected mappings, over a database of the service (its tables, as they are). */
public final class RejectedMappings {

    private RejectedMappings() {}

    /** Maps {@link BidirectionalUser} and {@link BidirectionalGroup} onto {@code dataSource}'s tables. */
    public static SessionFactory over(DataSource dataSource) {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .build();
        return new MetadataSources(registry)
                .addAnnotatedClass(BidirectionalUser.class)
                .addAnnotatedClass(BidirectionalGroup.class)
                .buildMetadata()
                .buildSessionFactory();
    }
}
