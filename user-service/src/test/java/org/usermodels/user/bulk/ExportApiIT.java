package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code GET /api/users/export}: what a client sees when it asks wrongly, and when the export fails half-way. */
@UserServiceIT
class ExportApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /**
     * An {@code Accept} header the service cannot read (malformed, or more than 50 types) counts as none, so
     * that the export is NDJSON, and an error is still a problem with its body, never an empty 4xx (which is
     * what Spring's own negotiation answers).
     */
    @Test
    void anAcceptHeaderThatCannotBeReadCountsAsNone() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var tooMany = String.join(", ", Collections.nCopies(51, "text/plain"));

        for (var accept : java.util.List.of(tooMany, "not a media type;;")) {
            api.as(tenant.adminToken())
                    .header("Accept", accept)
                    .get("/users/export")
                    .then()
                    .statusCode(200)
                    .contentType("application/x-ndjson")
                    .body(containsString(tenant.adminUsername()));
            api.as(tenant.adminToken())
                    .header("Accept", accept)
                    .get("/users/" + java.util.UUID.randomUUID())
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("title", org.hamcrest.Matchers.notNullValue());
        }
    }

    /**
     * The export's database connection is cut while the client is still reading (the service is held up by a
     * client that reads slowly, so the export's transaction is open): the client must see the response end in
     * an error, never a well-formed file that silently lacks its last users.
     */
    @Test
    void anExportThatFailsHalfWayEndsInAnErrorNotInAShortFile() throws Exception {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        // far more than the socket buffers hold, so that the service is still reading users when it is cut off
        var rows = new TenantSql(dataSource);
        for (var part : java.util.List.of("cut-a", "cut-b", "cut-c")) {
            rows.insertUsers(tenant.id(), part, 9_999);
        }
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/export"))
                .header("Authorization", "Bearer " + tenant.adminToken())
                .build();

        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var body = response.body()) {
            assertThat(body.readNBytes(1024)).hasSize(1024);
            var jdbc = new JdbcTemplate(dataSource);
            await().atMost(Duration.ofSeconds(20)).until(() -> terminateTheExport(jdbc));

            assertThatThrownBy(() -> readToTheEnd(body))
                    .as("reading an export whose query failed")
                    .isInstanceOf(IOException.class);
        }
        api.as(tenant.adminToken()).get("/users/export").then().statusCode(200).body(containsString("cut-c-9999"));
    }

    /** Ends the backend of the open export transaction (waiting, between two fetches, for the client). */
    private static boolean terminateTheExport(JdbcTemplate jdbc) {
        var ended = jdbc.queryForObject("""
                select count(*) from (
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where datname = current_database() and usename = current_user and pid <> pg_backend_pid()
                      and state = 'idle in transaction' and query like '%from%users%'
                ) terminated
                """, Long.class);
        return ended != null && ended > 0;
    }

    private static void readToTheEnd(InputStream body) throws IOException {
        var buffer = new byte[64 * 1024];
        while (body.read(buffer) >= 0) {
            // the rest of the file, or the error
        }
    }
}
