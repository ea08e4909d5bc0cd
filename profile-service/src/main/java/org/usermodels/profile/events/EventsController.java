package org.usermodels.profile.events;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.security.Caller;

/**
 * {@code POST /internal/events}: where user-service's relay delivers events. Only the {@code user-service}
 * client may call it (its client-credentials token); the gateway does not route {@code /internal}. Answers 200
 * for an event applied or repeated, 202 for one that waits for its predecessors, 503 when the tenant's schema
 * is not ready (the relay tries again later).
 */
@RestController
@RequestMapping("/internal/events")
class EventsController {

    static final String PUBLISHER = "user-service";

    private final EventIntake intake;

    EventsController(EventIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<Void> receive(@AuthenticationPrincipal Caller caller, @Valid @RequestBody IncomingEvent event) {
        if (!PUBLISHER.equals(caller.clientId())) {
            throw new AccessDeniedException("Only user-service delivers events");
        }
        return switch (intake.receive(event)) {
            case APPLIED, REPEATED -> ResponseEntity.ok().build();
            case DEFERRED -> ResponseEntity.accepted().build();
        };
    }
}
