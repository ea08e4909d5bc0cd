package org.usermodels.user.reconciliation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link IdentityReconciler} every {@code usermodels.reconciler.interval} (10 minutes), first after
 * {@code usermodels.reconciler.initial-delay} (2 minutes). Off with {@code usermodels.reconciler.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "usermodels.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class ReconcilerSchedule {

    private final IdentityReconciler reconciler;

    ReconcilerSchedule(IdentityReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(
            fixedDelayString = "${usermodels.reconciler.interval:PT10M}",
            initialDelayString = "${usermodels.reconciler.initial-delay:PT2M}")
    void run() {
        reconciler.reconcileAll();
    }
}
