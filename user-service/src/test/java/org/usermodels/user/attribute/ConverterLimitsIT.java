package org.usermodels.user.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.lab.ConvertedAttributes;
import org.usermodels.lab.ConvertedId;
import org.usermodels.lab.ImmutableAttributes;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * What a JPA converter cannot do, or does at a price, provoked in the lab on the users' table
 * (docs/custom-fields.md, "What a converter cannot do").
 */
@UserServiceIT
class ConverterLimitsIT {

    static final String USER = "where username = 'converted-0001'";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aConverterOnAnIdIsRefusedWhenTheMappingIsBuilt() {
        assertThatThrownBy(() -> RejectedMappings.mapping(dataSource, ConvertedId.class))
                .hasMessageContaining("'AttributeConverter' not allowed for attribute 'id'");
    }

    @Test
    void aConvertedMapChangedInPlaceIsWrittenBecauseHibernateComparesItWithAConvertedCopy() {
        var tenant = aUser();
        try (var lab = RejectedMappings.over(dataSource)) {
            var inPlace = updates(lab, tenant, session -> {
                session.createSelectionQuery("from ConvertedAttributes " + USER, ConvertedAttributes.class)
                        .getSingleResult()
                        .putInPlace("site", "Basel");
                return null;
            });

            assertThat(inPlace).singleElement().asString().contains("attributes=?");
            DocumentedSql.matches("custom-fields.md", "converted-map-changed", inPlace);
        }
    }

    @Test
    void aMapMarkedImmutableIsWrittenOnlyWhenReplaced() {
        var tenant = aUser();
        try (var lab = RejectedMappings.over(dataSource)) {
            var inPlace = updates(lab, tenant, session -> {
                session.createSelectionQuery("from ImmutableAttributes " + USER, ImmutableAttributes.class)
                        .getSingleResult()
                        .putInPlace("site", "Basel");
                return null;
            });
            var replaced = updates(lab, tenant, session -> {
                session.createSelectionQuery("from ImmutableAttributes " + USER, ImmutableAttributes.class)
                        .getSingleResult()
                        .replace("site", "Zurich");
                return null;
            });

            assertThat(inPlace).as("the change made in place is lost").isEmpty();
            assertThat(replaced).singleElement().asString().contains("attributes=?");
        }
    }

    private String aUser() {
        var tenant = new UserServiceApi(port).createTenant();
        new TenantSql(dataSource).insertUsers(tenant.id(), "converted", 1);
        return tenant.id().toString();
    }

    private List<String> updates(SessionFactory lab, String tenant, Function<Session, Object> change) {
        return sql
                .record(() -> lab.fromTransaction(session -> {
                    RejectedMappings.actFor(session, UUID.fromString(tenant));
                    change.apply(session);
                    session.flush();
                    return null;
                }))
                .statements()
                .stream()
                .filter(statement -> statement.startsWith("update"))
                .toList();
    }
}
