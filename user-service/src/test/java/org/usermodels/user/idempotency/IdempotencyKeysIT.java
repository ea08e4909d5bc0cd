package org.usermodels.user.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Idempotency keys as the IETF draft has them: they expire after the retention, a claim whose request died is
 * taken over after the claim timeout, and only the claimant records its answer. Ages are set in the database,
 * never waited for.
 */
@UserServiceIT
class IdempotencyKeysIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdempotentRequests requests;

    @Autowired
    IdempotencyKeyPurge purge;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;
    TenantSql sql;

    @BeforeEach
    void tenant() {
        api = new UserServiceApi(port);
        tenant = api.createTenant();
        sql = new TenantSql(dataSource);
    }

    @Test
    void aClaimWithoutAnAnswerPastTheTimeoutIsTakenOverByTheRepeat() {
        var key = UUID.randomUUID().toString();
        var request = body();
        create(key, request).then().statusCode(201);
        // as if the first request had claimed the key and died before it answered
        age(key, "response_status = 0, created_at = now() - interval '2 minutes'");

        // the repeat runs the work again, which finds the username the first run took: the work's own 409,
        // not the key's "in progress", and the failed run gives the key back
        create(key, request)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Idempotent-Replayed", nullValue())
                .body("title", not(equalTo("Request in progress")));
        assertThat(sql.count(tenant.id(), "select count(*) from idempotency_keys where key = ?", key))
                .isZero();
    }

    @Test
    void aFreshClaimWithoutAnAnswerIsInProgress() {
        var key = UUID.randomUUID().toString();
        var request = body();
        create(key, request).then().statusCode(201);
        age(key, "response_status = 0");

        create(key, request)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Request in progress"));
    }

    @Test
    void aKeyPastItsRetentionIsFreeForANewRequest() {
        var key = UUID.randomUUID().toString();
        var first = create(key, body()).then().statusCode(201).extract().<String>path("id");
        age(key, "created_at = now() - interval '25 hours'");

        var second = create(key, body()).then().statusCode(201).extract();

        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.<String>path("id")).isNotEqualTo(first);
        // and the key now answers for the second request
        assertThat(sql.query(
                        tenant.id(),
                        String.class,
                        "select response_body ->> 'id' from idempotency_keys where key = ?",
                        key))
                .isEqualTo(second.<String>path("id"));
    }

    @Test
    void onlyTheClaimantRecordsItsAnswer() throws Exception {
        var key = UUID.randomUUID().toString();
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var working = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var slow = CompletableFuture.supplyAsync(() -> TenantContext.callAs(
                ref,
                () -> requests.run(key, Map.of("n", 1), () -> {
                    working.countDown();
                    await(release);
                    return ResponseEntity.status(201).body(Map.of("by", "the first request"));
                })));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        // the first request is taken for dead: its claim is older than the timeout
        age(key, "created_at = now() - interval '2 minutes'");

        var retry = TenantContext.callAs(
                ref,
                () -> requests.run(
                        key, Map.of("n", 1), () -> ResponseEntity.status(201).body(Map.of("by", "the retry"))));
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(sql.query(
                        tenant.id(),
                        String.class,
                        "select response_body ->> 'by' from idempotency_keys where key = ?",
                        key))
                .isEqualTo("the retry");
        var replay = TenantContext.callAs(
                ref,
                () -> requests.run(
                        key, Map.of("n", 1), () -> ResponseEntity.status(500).build()));
        assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void thePurgeRemovesExpiredKeysOfEveryTenantAndKeepsTheRest() {
        var other = api.createTenant();
        var expired = UUID.randomUUID().toString();
        var expiredElsewhere = UUID.randomUUID().toString();
        var kept = UUID.randomUUID().toString();
        create(expired, body()).then().statusCode(201);
        create(kept, body()).then().statusCode(201);
        api.as(other.adminToken())
                .header("Idempotency-Key", expiredElsewhere)
                .contentType(ContentType.JSON)
                .body(body())
                .post("/users")
                .then()
                .statusCode(201);
        age(expired, "created_at = now() - interval '25 hours'");
        sql.query(
                other.id(),
                Integer.class,
                "with aged as (update idempotency_keys set created_at = now() - interval '25 hours' where key = ?"
                        + " returning 1) select count(*)::int from aged",
                expiredElsewhere);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(sql.count(tenant.id(), "select count(*) from idempotency_keys where key in (?, ?)", expired, kept))
                .isEqualTo(1);
        assertThat(sql.count(tenant.id(), "select count(*) from idempotency_keys where key = ?", kept))
                .isEqualTo(1);
        assertThat(sql.count(other.id(), "select count(*) from idempotency_keys where key = ?", expiredElsewhere))
                .isZero();
    }

    private Response create(String key, Map<String, Object> body) {
        return api.as(tenant.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/users");
    }

    /** Changes the stored key as time and a crash would have. */
    private void age(String key, String assignments) {
        var changed = sql.query(
                tenant.id(),
                Integer.class,
                "with aged as (update idempotency_keys set " + assignments + " where key = ? returning 1)"
                        + " select count(*)::int from aged",
                key);
        assertThat(changed).isEqualTo(1);
    }

    private static Map<String, Object> body() {
        var username = UserServiceApi.unique("idem");
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "user");
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("firstName", "Ida");
        body.put("lastName", "Empotent");
        return body;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
