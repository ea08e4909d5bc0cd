package org.usermodels.profile.events;

import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantBindingFilter;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.profile.profile.ProfileLifecycle;
import org.usermodels.profile.tenancy.SchemaState;
import org.usermodels.profile.tenancy.TenantSchemas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each event once, and each user's events in order:
 *
 * <ol>
 *   <li>an event whose id was applied before is a repeat, and ignored;
 *   <li>the position of the event's aggregate is locked ({@code select … for update}), so that two deliveries
 *       for one user wait for each other;
 *   <li>an event at or below the position is a repeat; one right after it is applied, and then every event
 *       that was waiting for it; one further ahead waits in {@code pending_events} for its predecessors.
 * </ol>
 */
@Service
class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    /** What became of an event. */
    enum Outcome {
        APPLIED,
        REPEATED,
        DEFERRED
    }

    private final TenantSchemas schemas;
    private final ProfileLifecycle profiles;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    EventIntake(
            TenantSchemas schemas,
            ProfileLifecycle profiles,
            EntityManager entityManager,
            TransactionTemplate transactions,
            JsonMapper json) {
        this.schemas = schemas;
        this.profiles = profiles;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.json = json;
    }

    Outcome receive(IncomingEvent event) {
        TenantRef tenant;
        if ("TenantCreated".equals(event.type())) {
            tenant =
                    new TenantRef(event.tenantId(), event.payload().path("slug").asString());
            var state = schemas.provision(tenant);
            if (state.status() == SchemaState.Status.FAILED) {
                throw unavailable("The schema of tenant " + tenant.slug() + " could not be migrated.");
            }
        } else {
            var state = schemas.state(TenantId.of(event.tenantId()))
                    .orElseThrow(() -> unavailable(
                            "Tenant " + event.tenantId() + " is not known here yet; deliver its TenantCreated first."));
            if (state.status() != SchemaState.Status.READY) {
                throw unavailable("The schema of tenant " + state.slug() + " is not ready.");
            }
            tenant = new TenantRef(state.tenantId(), state.slug());
        }
        // The relay's token names no tenant, the event does: its request is counted and traced under it.
        TenantBindingFilter.attributeCurrentRequestTo(tenant);
        return TenantContext.callAs(tenant, () -> {
            var outcome = transactions.execute(status -> process(event));
            log.info(
                    "Event {} {} #{} of {}: {}",
                    event.id(),
                    event.type(),
                    event.sequence(),
                    event.aggregateId(),
                    outcome);
            return outcome;
        });
    }

    private Outcome process(IncomingEvent event) {
        if (alreadyProcessed(event.id())) {
            return Outcome.REPEATED;
        }
        var position = lockPosition(event.aggregateId());
        if (event.sequence() <= position) {
            markProcessed(event.id());
            return Outcome.REPEATED;
        }
        if (event.sequence() > position + 1) {
            entityManager
                    .createNativeQuery("""
                            insert into pending_events (event_id, aggregate_id, sequence, event)
                            values (:id, :aggregate, :sequence, cast(:event as jsonb))
                            on conflict do nothing
                            """)
                    .setParameter("id", event.id())
                    .setParameter("aggregate", event.aggregateId())
                    .setParameter("sequence", event.sequence())
                    .setParameter("event", json.writeValueAsString(event))
                    .executeUpdate();
            log.info(
                    "Event {} #{} of {} arrived before #{}: waiting",
                    event.type(),
                    event.sequence(),
                    event.aggregateId(),
                    position + 1);
            return Outcome.DEFERRED;
        }
        apply(event);
        var applied = event.sequence();
        for (var next = waiting(event.aggregateId(), applied + 1);
                next != null;
                next = waiting(event.aggregateId(), applied + 1)) {
            apply(next);
            entityManager
                    .createNativeQuery("delete from pending_events where event_id = :id")
                    .setParameter("id", next.id())
                    .executeUpdate();
            applied = next.sequence();
        }
        entityManager
                .createNativeQuery(
                        "update event_positions set last_sequence = :applied where aggregate_id = :aggregate")
                .setParameter("applied", applied)
                .setParameter("aggregate", event.aggregateId())
                .executeUpdate();
        return Outcome.APPLIED;
    }

    private void apply(IncomingEvent event) {
        var payload = event.payload();
        switch (event.type()) {
            // a restored user starts with an empty profile, as a new one does: the deletion erased the old one
            case "UserRegistered", "UserRestored" -> {
                var names = (payload.path("firstName").asString("") + " "
                                + payload.path("lastName").asString(""))
                        .strip();
                profiles.register(
                        UserId.of(event.aggregateId()),
                        payload.path("userType").asString("user"),
                        names.isEmpty() ? payload.path("username").asString(null) : names);
            }
            case "UserDeleted" -> profiles.erase(UserId.of(event.aggregateId()));
            default -> log.debug("Event {} needs nothing of profiles", event.type());
        }
        markProcessed(event.id());
    }

    private boolean alreadyProcessed(UUID id) {
        return !entityManager
                .createNativeQuery("select 1 from processed_events where event_id = :id")
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    private void markProcessed(UUID id) {
        entityManager
                .createNativeQuery("insert into processed_events (event_id) values (:id) on conflict do nothing")
                .setParameter("id", id)
                .executeUpdate();
    }

    private long lockPosition(UUID aggregate) {
        entityManager
                .createNativeQuery(
                        "insert into event_positions (aggregate_id, last_sequence) values (:aggregate, 0) on conflict do nothing")
                .setParameter("aggregate", aggregate)
                .executeUpdate();
        return ((Number) entityManager
                        .createNativeQuery(
                                "select last_sequence from event_positions where aggregate_id = :aggregate for update")
                        .setParameter("aggregate", aggregate)
                        .getSingleResult())
                .longValue();
    }

    private @Nullable IncomingEvent waiting(UUID aggregate, long sequence) {
        var rows = entityManager
                .createNativeQuery(
                        "select cast(event as text) from pending_events where aggregate_id = :aggregate and sequence = :sequence")
                .setParameter("aggregate", aggregate)
                .setParameter("sequence", sequence)
                .getResultList();
        return rows.isEmpty() ? null : json.readValue((String) rows.getFirst(), IncomingEvent.class);
    }

    private static ErrorResponseException unavailable(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Not ready for this event");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }
}
