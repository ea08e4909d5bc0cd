package org.usermodels.profile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.zaxxer.hikari.HikariDataSource;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.RecordSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * Dozens of tenant schemas migrated in parallel, one of them broken on purpose: its calls answer 503, the
 * others go on, and the actuator endpoint tells an operator which is which. And the same SQL, sent for two
 * tenants, reads each one's own schema.
 */
@ProfileServiceIT
@RecordSql
class TenantSchemasIT {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemasIT.class);

    @LocalServerPort
    int port;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    DataSource application;

    @Autowired
    SqlRecorder sql;

    @Test
    void sendsTheSameSqlForEveryTenantAndLeavesNoConnectionInATenantsSchema() throws SQLException {
        var api = new ProfileServiceApi(port);
        var first = api.createTenant();
        var second = api.createTenant();
        var firstMember = api.createMember(first, "user", "First");
        var secondMember = api.createMember(second, "user", "Second");
        api.as(firstMember.token()).get("/profiles/me").then().statusCode(200);
        api.as(secondMember.token()).get("/profiles/me").then().statusCode(200);

        sql.clear();
        api.as(firstMember.token())
                .get("/profiles/" + firstMember.id())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("First Tester"));
        var forFirst = sql.statements();
        sql.clear();
        api.as(secondMember.token())
                .get("/profiles/" + secondMember.id())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Second Tester"));
        var forSecond = sql.statements();
        api.as(secondMember.token()).get("/profiles/" + firstMember.id()).then().statusCode(404);

        assertThat(forFirst).isNotEmpty().isEqualTo(forSecond);
        assertThat(String.join("\n", forFirst)).doesNotContain("tenant");
        DocumentedSql.matches("schema-per-tenant.md", "profile-by-id", forFirst);

        var hikari = application.unwrap(HikariDataSource.class);
        var connections = new ArrayList<Connection>();
        try {
            for (var i = 0; i < hikari.getMaximumPoolSize(); i++) {
                connections.add(application.getConnection());
            }
            var schemasInPool = new ArrayList<String>();
            for (var connection : connections) {
                schemasInPool.add(connection.getSchema());
            }
            assertThat(schemasInPool).containsOnly(TenantSchemas.TEMPLATE);
        } finally {
            for (var connection : connections) {
                connection.close();
            }
        }
    }

    @Test
    void migratesDozensOfSchemasAndIsolatesTheOneThatFails() {
        var api = new ProfileServiceApi(port);
        var many = new ArrayList<TenantRef>();
        for (var i = 0; i < 30; i++) {
            var tenant = new TenantRef(UUID.randomUUID(), ProfileServiceApi.unique("many"));
            schemas.provision(tenant);
            many.add(tenant);
        }
        var healthy = api.createTenant();
        var healthyMember = api.createMember(healthy, "user", "Fine");
        var broken = api.createTenant();
        var brokenMember = api.createMember(broken, "user", "Unlucky");
        var brokenSchema = TenantSchemas.schemaOf(new TenantRef(broken.id(), broken.slug()));
        new JdbcTemplate(schemas.ownerDataSource())
                .execute("update " + brokenSchema + ".flyway_schema_history set checksum = 42 where version = '1'");

        var took = schemas.migrateAll();
        log.info("Migrated every tenant schema again in {} ms", took.toMillis());

        assertThat(schemas.state(TenantId.of(broken.id())).orElseThrow().status())
                .isEqualTo(SchemaState.Status.FAILED);
        assertThat(schemas.state(TenantId.of(broken.id())).orElseThrow().error())
                .contains("checksum");
        assertThat(many)
                .allSatisfy(tenant -> assertThat(
                                schemas.state(tenant.tenantId()).orElseThrow().status())
                        .isEqualTo(SchemaState.Status.READY));
        api.as(brokenMember.token())
                .get("/profiles/me")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Tenant data unavailable"));
        api.as(healthyMember.token()).get("/profiles/me").then().statusCode(200);

        var platformAdmin = ProfileServiceApi.tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
        RestAssured.given()
                .port(port)
                .auth()
                .oauth2(platformAdmin)
                .get("/actuator/tenantschemas")
                .then()
                .statusCode(200)
                .body("find { it.slug == '" + broken.slug() + "' }.status", equalTo("FAILED"))
                .body("find { it.slug == '" + healthy.slug() + "' }.status", equalTo("READY"))
                .body("status", hasItem("READY"));
        RestAssured.given()
                .port(port)
                .auth()
                .oauth2(healthyMember.token())
                .get("/actuator/tenantschemas")
                .then()
                .statusCode(403);

        RestAssured.given()
                .port(port)
                .auth()
                .oauth2(platformAdmin)
                .post("/internal/tenant-schemas/" + broken.id() + "/repair")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("READY"));
        api.as(brokenMember.token()).get("/profiles/me").then().statusCode(200);
    }

    /**
     * A tenant's first call and its {@code TenantCreated} event may provision its schema at the same moment:
     * each gets the ready schema, which is registered and migrated once.
     */
    @Test
    void oneTenantProvisionedFromSeveralThreadsAtOnceIsMigratedOnce() throws Exception {
        var tenant = new TenantRef(UUID.randomUUID(), ProfileServiceApi.unique("race"));
        var start = new CyclicBarrier(4);
        var states = new ArrayList<SchemaState>();
        try (var executor = Executors.newFixedThreadPool(4)) {
            var results = new ArrayList<Future<SchemaState>>();
            for (var i = 0; i < 4; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return schemas.provision(tenant);
                }));
            }
            for (var result : results) {
                states.add(result.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(states).extracting(SchemaState::status).containsOnly(SchemaState.Status.READY);
        var owner = new JdbcTemplate(schemas.ownerDataSource());
        assertThat(owner.queryForObject(
                        "select count(*) from tenant_schemas where tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(1);
        assertThat(owner.queryForList(
                        "select version from " + TenantSchemas.schemaOf(tenant)
                                + ".flyway_schema_history where version is not null group by version having count(*) > 1",
                        String.class))
                .isEmpty();
        assertThat(owner.queryForObject(
                        "select count(*) from " + TenantSchemas.schemaOf(tenant)
                                + ".flyway_schema_history where success",
                        Integer.class))
                .isPositive();
    }

    /** A tenant whose slug names another tenant's schema gets none: never the other tenant's. */
    @Test
    void aSchemaNameTakenByAnotherTenantIsNotShared() {
        var slug = ProfileServiceApi.unique("twin");
        var first = new TenantRef(UUID.randomUUID(), slug);
        var second = new TenantRef(UUID.randomUUID(), slug);
        assertThat(schemas.provision(first).status()).isEqualTo(SchemaState.Status.READY);

        var state = schemas.provision(second);

        assertThat(state.status()).isEqualTo(SchemaState.Status.FAILED);
        assertThat(state.error()).contains("belongs to another tenant");
        assertThat(schemas.state(first.tenantId()).orElseThrow().status()).isEqualTo(SchemaState.Status.READY);
    }
}
