package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * The SQL of docs/repositories.md: query methods by their name, the three ways to cut a result into pages and the
 * count each costs, projections fixed and chosen by the caller, and the Specifications a real endpoint composes.
 */
@UserServiceIT
class RepositoriesSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void queryMethodsPagesAndProjectionsSendTheirSql() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        for (var i = 0; i < 4; i++) {
            api.createUser(tenant); // last name "User", as every user the helper creates
        }
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var tour = new JpaRepositoryFactory(entityManager).getRepository(UserRepositoryTour.class);
        var byUsername = PageRequest.of(0, 2, Sort.by("username"));

        var derived =
                recorded(ref, () -> tour.findByStatusAndLastNameIgnoreCaseOrderByUsername(UserStatus.ACTIVE, "user"));
        var page = recorded(ref, () -> tour.findByStatus(UserStatus.ACTIVE, byUsername));
        var slice = recorded(ref, () -> tour.findSliceByStatus(UserStatus.ACTIVE, byUsername));
        var first = recorded(
                ref, () -> tour.findFirst2ByStatusOrderByUsernameAsc(UserStatus.ACTIVE, ScrollPosition.keyset()));
        var window = recorded(
                ref,
                () -> tour.findFirst2ByStatusOrderByUsernameAsc(
                        UserStatus.ACTIVE, first.result().positionAt(1)));
        var contacts =
                recorded(ref, () -> tour.findByLastNameOrderByUsername("User", UserRepositoryTour.Contact.class));
        var names = recorded(ref, () -> tour.findByLastNameOrderByUsername("User", UserRepositoryTour.Names.class));

        assertThat(derived.result())
                .hasSize(4)
                .allSatisfy(user -> assertThat(user.getLastName()).isEqualTo("User"));
        assertThat(page.result().getContent()).hasSize(2);
        assertThat(page.result().getTotalElements())
                .as("counted: the four and the administrator")
                .isEqualTo(5);
        assertThat(page.statements()).as("the page's rows, then the count").hasSize(2);
        assertThat(page.statements().get(1)).startsWith("select count(");
        assertThat(slice.result().getContent()).hasSize(2);
        assertThat(slice.result().hasNext()).isTrue();
        assertThat(slice.statements()).as("no count").singleElement().asString().doesNotContain("count(");
        assertThat(first.result().hasNext()).isTrue();
        assertThat(window.result().getContent())
                .extracting(UserRepositoryTour.Names::getUsername)
                .doesNotContainAnyElementsOf(first.result().getContent().stream()
                        .map(UserRepositoryTour.Names::getUsername)
                        .toList());
        assertThat(window.statements()).singleElement().asString().contains("username>?");
        assertThat(contacts.result())
                .hasSize(4)
                .allSatisfy(contact -> assertThat(contact.email()).endsWith("@example.org"));
        assertThat(names.result()).hasSize(4);
        DocumentedSql.matches("repositories.md", "derived-query", derived.statements());
        DocumentedSql.matches("repositories.md", "page", page.statements());
        DocumentedSql.matches("repositories.md", "slice", slice.statements());
        DocumentedSql.matches("repositories.md", "window", window.statements());
        DocumentedSql.matches("repositories.md", "dto-projection", contacts.statements());
        DocumentedSql.matches("repositories.md", "interface-projection", names.statements());
    }

    @Test
    void theSearchEndpointComposesSpecificationsAndTheTenantListIsADerivedQuery() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant("user", "staff");
        api.createUser(
                tenant,
                "staff",
                Map.of("staff", Map.of("employeeNumber", UserServiceApi.unique("E"), "hireDate", "2021-03-01")));
        String group = api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Night shift"))
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        var composed = recordedCall(
                () -> api.as(tenant.adminToken())
                        .queryParam("type", "staff")
                        .queryParam("status", "ACTIVE")
                        .queryParam("group", group)
                        .get("/users")
                        .then()
                        .statusCode(200),
                statement -> statement.contains("from users"));
        var tenants = recordedCall(
                () -> api.as(api.platformAdminToken())
                        .queryParam("after", "a")
                        .queryParam("limit", 2)
                        .get("/tenants")
                        .then()
                        .statusCode(200),
                statement -> statement.contains("from tenants"));

        assertThat(composed).singleElement().asString().contains("exists", "status=?", "type");
        assertThat(tenants).singleElement().asString().contains("slug>?", "fetch first");
        DocumentedSql.matches("repositories.md", "specifications-composed", composed);
        DocumentedSql.matches("repositories.md", "derived-limit", tenants);
    }

    private <T> SqlRecorder.Recorded<T> recorded(TenantRef tenant, Supplier<T> query) {
        // recorded inside the transaction, so after the set_config that began it
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> sql.record(query)));
    }

    private List<String> recordedCall(Runnable call, Predicate<String> kept) {
        sql.clear();
        call.run();
        return sql.statements().stream().filter(kept).toList();
    }
}
