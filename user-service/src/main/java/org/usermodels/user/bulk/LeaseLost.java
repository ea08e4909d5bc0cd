package org.usermodels.user.bulk;

import java.util.UUID;

/**
 * A worker's lease on an import job ran out and another worker holds the job now: what this one was about to
 * record must not commit, and it leaves the job alone.
 */
final class LeaseLost extends RuntimeException {

    LeaseLost(UUID importId) {
        super("Import " + importId + " is held by another worker now");
    }
}
