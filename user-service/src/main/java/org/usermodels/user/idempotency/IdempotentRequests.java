package org.usermodels.user.idempotency;

import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.web.InvalidRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a creating request at most once per {@value #HEADER} (per tenant), as the IETF Idempotency-Key draft
 * describes: the first request with a key claims it and its response is kept; a repeat with the same key and
 * the same body gets that response again (with {@code Idempotent-Replayed: true}); a repeat with another body
 * is refused with 422, and one that arrives while the first is still running with 409. A request that fails
 * gives its key back, so the client may retry it.
 *
 * <p>The key is claimed in a transaction of its own, committed before the work starts, so that two
 * concurrent requests with one key cannot both run. A key is kept for {@code usermodels.idempotency.retention}
 * (24 hours) and is free again after it; a claim older than {@code usermodels.idempotency.claim-timeout}
 * without an answer belongs to a request that died, and a repeat takes it over. Every claim names its
 * claimant, so that only the request holding the claim records its answer or gives the key back.
 */
@Service
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;
    private final IdempotencyProperties properties;

    IdempotentRequests(
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            JsonMapper json,
            IdempotencyProperties properties) {
        this.entityManager = entityManager;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.properties = properties;
    }

    /**
     * Runs {@code work} unless a request with this key ran before.
     *
     * @param key the client's key, {@code null} when it sent none (then the work simply runs)
     * @param request what identifies the request besides the key: its body, without secrets
     */
    public ResponseEntity<?> run(@Nullable String key, Object request, Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw InvalidRequest.field(HEADER, "must hold 1 to 255 characters");
        }
        var fingerprint = fingerprint(request);
        var claim = UUID.randomUUID();
        if (!claim(key, fingerprint, claim)) {
            var replayed = replay(key, fingerprint);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            // the key was given back between the claim and the look at it: one more try to claim it
            if (!claim(key, fingerprint, claim)) {
                return replay(key, fingerprint).orElseThrow(IdempotentRequests::inProgress);
            }
        }
        try {
            var response = work.get();
            ownTransaction.executeWithoutResult(status -> entityManager
                    .createNativeQuery("""
                            update idempotency_keys
                            set response_status = :status, response_location = :location,
                                response_body = cast(:body as jsonb)
                            where key = :key and claimed_by = :claim
                            """)
                    .setParameter("status", response.getStatusCode().value())
                    .setParameter(
                            "location",
                            response.getHeaders().getLocation() == null
                                    ? null
                                    : response.getHeaders().getLocation().toString())
                    .setParameter("body", json.writeValueAsString(response.getBody()))
                    .setParameter("key", key)
                    .setParameter("claim", claim)
                    .executeUpdate());
            return response;
        } catch (RuntimeException failure) {
            ownTransaction.executeWithoutResult(status -> entityManager
                    .createNativeQuery(
                            "delete from idempotency_keys where key = :key and claimed_by = :claim and response_status = 0")
                    .setParameter("key", key)
                    .setParameter("claim", claim)
                    .executeUpdate());
            throw failure;
        }
    }

    /**
     * Claims a key: a new one, one past its retention, or one whose claim is older than the claim timeout
     * without an answer (its request died).
     */
    private boolean claim(String key, String fingerprint, UUID claim) {
        Integer claimed = ownTransaction.execute(status -> entityManager
                .createNativeQuery("""
                        insert into idempotency_keys
                            (tenant_id, key, request_fingerprint, response_status, response_body, claimed_by)
                        values (current_tenant(), :key, :fingerprint, 0, '{}', :claim)
                        on conflict (tenant_id, key) do update
                        set request_fingerprint = excluded.request_fingerprint, response_status = 0,
                            response_location = null, response_body = '{}', created_at = now(),
                            claimed_by = excluded.claimed_by
                        where idempotency_keys.created_at < now() - cast(:retention as interval)
                           or (idempotency_keys.response_status = 0
                               and idempotency_keys.created_at < now() - cast(:claimTimeout as interval))
                        """)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("claim", claim)
                .setParameter("retention", interval(properties.retention()))
                .setParameter("claimTimeout", interval(properties.claimTimeout()))
                .executeUpdate());
        return claimed != null && claimed == 1;
    }

    /** The first request's answer again; empty when the key is no longer claimed at all. */
    private Optional<ResponseEntity<?>> replay(String key, String fingerprint) {
        var rows = ownTransaction.execute(status ->
                entityManager.createNativeQuery("""
                        select request_fingerprint, response_status, response_location, cast(response_body as text)
                        from idempotency_keys
                        where key = :key
                        """).setParameter("key", key).getResultList());
        if (rows == null || rows.isEmpty()) {
            return Optional.empty();
        }
        var row = (Object[]) rows.getFirst();
        if (!fingerprint.equals(row[0])) {
            throw problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency key reused",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request.");
        }
        var status = ((Number) row[1]).intValue();
        if (status == 0) {
            throw inProgress();
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotent-Replayed", "true");
        if (row[2] != null) {
            headers.setLocation(URI.create((String) row[2]));
        }
        return Optional.of(ResponseEntity.status(status).headers(headers).body(json.readTree((String) row[3])));
    }

    private static ErrorResponseException inProgress() {
        return problem(
                HttpStatus.CONFLICT,
                "Request in progress",
                "A request with this Idempotency-Key is still being processed. Repeat it in a moment.");
    }

    /** A duration as PostgreSQL reads an {@code interval}. */
    static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private String fingerprint(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
