package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.usermodels.lab.CustomerAsItWas;
import org.usermodels.lab.PartnerAsItWas;
import org.usermodels.lab.ProfileAsItWas;
import org.usermodels.platform.domain.UserId;
import org.usermodels.profile.migration.ScratchTenant;

/**
 * The channels' expand and contract, as a rolling upgrade runs it (docs/migrations.md, "Expand and contract"): the
 * previous release's code (the lab's mapping of profiles as they were) and this release's (the service's own mapping)
 * on a tenant schema between the expand (V3, V4) and the contract (V5), each reading what the other wrote, and then
 * the contract, after which only this release's code starts.
 */
class ContactChannelsMigrationIT {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    final ScratchTenant tenant = ScratchTenant.named("rolling");

    @Test
    void theOldCodeAndTheNewBothReadAndWriteTheExpandedSchemaAndTheContractFollows() {
        tenant.migrateTo("2");
        var customer = UUID.randomUUID();
        var partner = UUID.randomUUID();
        var silent = UUID.randomUUID();
        try (var old = sessionFactory(tenant.application(), OLD_CODE)) {
            old.inTransaction(session -> {
                session.persist(new CustomerAsItWas(customer, "Carol", List.of("EMAIL", "SMS")));
                session.persist(new PartnerAsItWas(partner, "Pat", List.of("PHONE")));
                session.persist(new CustomerAsItWas(silent, "Sid", List.of()));
            });
        }

        tenant.migrateTo("4"); // expand, and the back-fill
        assertThat(channelsInTheNewColumn())
                .containsEntry(customer, "{EMAIL,SMS}")
                .containsEntry(partner, "{PHONE}")
                .containsEntry(silent, "{}");

        var newCustomer = UserId.of(UUID.randomUUID());
        var newPartner = UserId.of(UUID.randomUUID());
        try (var old = sessionFactory(tenant.application(), OLD_CODE);
                var current = sessionFactory(tenant.application(), NEW_CODE)) {
            // this release reads what the previous one wrote, and writes in the new shape
            current.inTransaction(session -> {
                assertThat(session.find(CustomerProfile.class, UserId.of(customer))
                                .channels())
                        .containsExactly(CustomerProfile.Channel.EMAIL, CustomerProfile.Channel.SMS);
                var pat = session.find(PartnerProfile.class, UserId.of(partner));
                assertThat(pat.contactPreferences()).containsExactly(CustomerProfile.Channel.PHONE);
                pat.changeContact(null, List.of(CustomerProfile.Channel.EMAIL));
                var cleo = new CustomerProfile(newCustomer, "Cleo", NOW);
                cleo.changePreferences(null, List.of(CustomerProfile.Channel.POST));
                session.persist(cleo);
            });
            // the previous release reads what this one wrote, and writes in the old shape
            old.inTransaction(session -> {
                assertThat(session.find(ProfileAsItWas.class, newCustomer.value())
                                .channels())
                        .containsExactly("POST");
                assertThat(session.find(ProfileAsItWas.class, partner).channels())
                        .containsExactly("EMAIL");
                session.find(ProfileAsItWas.class, customer).changeChannels(List.of("PHONE"));
                session.persist(new PartnerAsItWas(newPartner.value(), "Percy", List.of("SMS", "POST")));
            });
            current.inTransaction(session -> {
                assertThat(session.find(CustomerProfile.class, UserId.of(customer))
                                .channels())
                        .containsExactly(CustomerProfile.Channel.PHONE);
                assertThat(session.find(PartnerProfile.class, newPartner).contactPreferences())
                        .containsExactly(CustomerProfile.Channel.SMS, CustomerProfile.Channel.POST);
            });
        }

        tenant.migrateTo("latest"); // contract
        try (var current = sessionFactory(tenant.application(), NEW_CODE)) {
            current.inTransaction(session -> {
                assertThat(session.find(CustomerProfile.class, UserId.of(customer))
                                .channels())
                        .containsExactly(CustomerProfile.Channel.PHONE);
                assertThat(session.find(CustomerProfile.class, UserId.of(silent))
                                .channels())
                        .isEmpty();
                assertThat(session.find(CustomerProfile.class, newCustomer).channels())
                        .containsExactly(CustomerProfile.Channel.POST);
                assertThat(session.find(PartnerProfile.class, UserId.of(partner))
                                .contactPreferences())
                        .containsExactly(CustomerProfile.Channel.EMAIL);
                assertThat(session.find(PartnerProfile.class, newPartner).contactPreferences())
                        .containsExactly(CustomerProfile.Channel.SMS, CustomerProfile.Channel.POST);
            });
        }
        assertThatThrownBy(() -> sessionFactory(tenant.application(), OLD_CODE))
                .as("the previous release no longer starts: its columns are gone")
                .isInstanceOf(SchemaManagementException.class)
                .hasMessageContaining("missing column [communication_preferences] in table [profiles]");
    }

    /** The previous release's mapping of profiles, and this release's. */
    static final List<Class<?>> OLD_CODE = List.of(ProfileAsItWas.class, CustomerAsItWas.class, PartnerAsItWas.class);

    static final List<Class<?>> NEW_CODE = List.of(
            Profile.class,
            BasicProfile.class,
            CustomerProfile.class,
            StaffProfile.class,
            PartnerProfile.class,
            Address.class,
            ProfileSkill.class,
            Skill.class);

    private Map<UUID, String> channelsInTheNewColumn() {
        var channels = new java.util.HashMap<UUID, String>();
        tenant.sql()
                .query(
                        "select user_id, contact_channels::text from profiles where contact_channels is not null",
                        rows -> {
                            channels.put(rows.getObject(1, UUID.class), rows.getString(2));
                        });
        return channels;
    }

    /**
     * A session factory of {@code entities} over the schema, validated against it as the service validates its own at
     * every start ({@code ddl-auto: validate}).
     *
     * @throws SchemaManagementException if the mapping and the schema disagree
     */
    private static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities) {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        var sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }
}
