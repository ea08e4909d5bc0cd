package org.usermodels.user.outbox;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.usermodels.user.identity.KeycloakProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox to profile-service's {@code POST /internal/events}, oldest first, authenticated as the
 * {@code user-service} client (a client-credentials token from Keycloak, renewed when it expires).
 *
 * <p>Delivery is at least once and in order per user: a run locks the oldest undelivered events
 * ({@code for no key update skip locked}, so that several instances share the work), posts each user's events one
 * after the other with a few retries and exponential backoff, several users at once, and marks what arrived as
 * published in the same transaction. An event that cannot be delivered stops its user's later events, so that
 * none overtakes it; the pause before the next run then doubles, up to {@link RelayProperties#maxBackoff()}. The backlog and the failures are metrics
 * ({@code usermodels.outbox.backlog}, {@code usermodels.outbox.delivery.failures}).
 *
 * <p>Each delivery is an observation ({@value #DELIVERY}: a timer, and a span) whose parent is the span that
 * wrote the event, as stored in its {@code trace_parent}; the HTTP call inside it sends a W3C
 * {@code traceparent} of that trace, so profile-service's intake continues the trace of the request that
 * changed the user (docs/observability.md).
 */
@Component
@EnableConfigurationProperties(RelayProperties.class)
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String REGISTRATION = "usermodels-relay";

    /** The observation of one delivery: a timer by event type, and a span in the event's trace. */
    static final String DELIVERY = "usermodels.outbox.delivery";

    /** How long one scheduled run goes on delivering full batches before it lets the next run take over. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final RestClient profileService;
    private final RelayProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final Retry retry;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter delivered;
    private final Counter failures;
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;

    OutboxRelay(
            EntityManager entityManager,
            TransactionTemplate transactions,
            RestClient.Builder http,
            RelayProperties properties,
            KeycloakProperties keycloak,
            JsonMapper json,
            MeterRegistry meters,
            ObservationRegistry observations,
            Tracer tracer,
            Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.observations = observations;
        this.tracer = tracer;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.profileService = http.clone()
                .requestFactory(requests)
                .requestInterceptor(serviceAccountToken(keycloak))
                .build();
        this.retry = Retry.of(
                "outbox-relay",
                RetryConfig.custom()
                        .maxAttempts(properties.attempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.firstBackoff(), 2.0))
                        .build());
        meters.gauge("usermodels.outbox.backlog", backlog);
        this.delivered = meters.counter("usermodels.outbox.delivered");
        this.failures = meters.counter("usermodels.outbox.delivery.failures");
    }

    /**
     * Delivers batch after batch while batches come full, for up to a few seconds, so that a backlog (a bulk
     * import writes an event per user) drains at the pace profile-service takes events, not one batch a tick.
     */
    @Scheduled(fixedDelayString = "${usermodels.outbox.relay.interval:1s}")
    void onSchedule() {
        var until = clock.instant().plus(DRAIN);
        while (properties.enabled() && !clock.instant().isBefore(pausedUntil)) {
            if (relayOnce() < properties.batchSize() || !clock.instant().isBefore(until)) {
                return;
            }
        }
    }

    /**
     * Delivers one batch.
     *
     * @return how many events were delivered
     */
    public int relayOnce() {
        int count;
        try {
            var run = transactions.execute(status -> deliverBatch());
            count = run.delivered();
            if (run.failure() != null) {
                throw run.failure();
            }
            consecutiveFailures = 0;
        } catch (RuntimeException failure) {
            failures.increment();
            consecutiveFailures++;
            var pause = Duration.ofMillis(Math.min(
                    properties.maxBackoff().toMillis(),
                    properties.interval().toMillis() * (1L << Math.min(consecutiveFailures, 16))));
            pausedUntil = clock.instant().plus(pause);
            log.warn(
                    "Outbox delivery failed ({} in a row), next try in {} ms: {}",
                    consecutiveFailures,
                    pause.toMillis(),
                    failure.toString());
            count = 0;
        }
        backlog.set(transactions.execute(
                status -> ((Number) relayQuery("select count(*) from outbox_events where published_at is null")
                                .getSingleResult())
                        .longValue()));
        return count;
    }

    /** How many events wait for delivery, as of the last run. */
    public long backlog() {
        return backlog.get();
    }

    /** What a run did: how many events it delivered, and the failure that stopped some of them. */
    private record Run(int delivered, @Nullable RuntimeException failure) {}

    /**
     * Delivers the oldest events: the events of one user one after the other, in their order, and the users
     * {@link RelayProperties#parallelism()} at a time (order matters per user only, and profile-service puts an
     * early arrival aside until its predecessor comes). A user's event that cannot be delivered holds back that
     * user's later events until the next run; the others' deliveries are marked published all the same, in one
     * statement at the end.
     */
    private Run deliverBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                relayQuery("""
                        select id, tenant_id, aggregate_id, sequence, type, cast(payload as text), occurred_at,
                               trace_parent
                        from outbox_events
                        where published_at is null
                        order by occurred_at, sequence
                        limit :batch
                        for no key update skip locked
                        """).setParameter("batch", properties.batchSize()).getResultList();
        var byAggregate = new LinkedHashMap<Object, List<Object[]>>();
        rows.forEach(row -> byAggregate
                .computeIfAbsent(row[2], aggregate -> new ArrayList<>())
                .add(row));
        var published = new ConcurrentLinkedQueue<UUID>();
        var failure = new AtomicReference<@Nullable RuntimeException>();
        var permits = new Semaphore(properties.parallelism());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var events : byAggregate.values()) {
                permits.acquireUninterruptibly();
                executor.execute(() -> {
                    try {
                        for (var row : events) {
                            deliver(row);
                            published.add((UUID) row[0]);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (!published.isEmpty()) {
            entityManager
                    .createNativeQuery("update outbox_events set published_at = now() where id in (:ids)")
                    .setParameter("ids", List.copyOf(published))
                    .executeUpdate();
            delivered.increment(published.size());
        }
        return new Run(published.size(), failure.get());
    }

    private void deliver(Object[] row) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", row[0]);
        event.put("type", row[4]);
        event.put("tenantId", row[1]);
        event.put("aggregateId", row[2]);
        event.put("sequence", row[3]);
        event.put(
                "occurredAt",
                switch (row[6]) {
                    case Instant instant -> instant;
                    case java.time.OffsetDateTime offset -> offset.toInstant();
                    case Timestamp timestamp -> timestamp.toInstant();
                    default -> throw new IllegalStateException("Unexpected time " + row[6]);
                });
        event.put("payload", json.readTree((String) row[5]));
        deliver(event, (String) row[4], TraceParent.parse((String) row[7]).orElse(null));
    }

    /**
     * Posts one event, with retries, in an observation whose parent is the event's stored trace (when it has
     * one) rather than the current one (the scheduled run's): a delivery belongs to the change it reports.
     */
    private void deliver(Map<String, Object> event, String type, @Nullable TraceParent trace) {
        var delivery = Observation.createNotStarted(DELIVERY, observations)
                .parentObservation(null)
                .contextualName("outbox delivery " + type)
                .lowCardinalityKeyValue("event.type", type)
                .highCardinalityKeyValue("event.id", String.valueOf(event.get("id")))
                .highCardinalityKeyValue("tenant.id", String.valueOf(event.get("tenantId")));
        try (var storedTrace =
                trace == null ? null : tracer.currentTraceContext().newScope(trace.toContext(tracer))) {
            delivery.observe(() -> Retry.decorateRunnable(
                            retry,
                            () -> profileService
                                    .post()
                                    .uri(properties.target())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(event)
                                    .retrieve()
                                    .toBodilessEntity())
                    .run());
        }
    }

    /** A native query in a transaction the outbox's relay policy lets see every tenant's events. */
    private jakarta.persistence.Query relayQuery(String sql) {
        entityManager
                .createNativeQuery("select set_config('app.outbox_relay', 'on', true)")
                .getSingleResult();
        return entityManager.createNativeQuery(sql);
    }

    private static OAuth2ClientHttpRequestInterceptor serviceAccountToken(KeycloakProperties keycloak) {
        var registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(keycloak.url() + "/realms/" + keycloak.realm() + "/protocol/openid-connect/token")
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        return interceptor;
    }
}
