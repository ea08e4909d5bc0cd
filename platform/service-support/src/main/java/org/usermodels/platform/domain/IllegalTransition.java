package org.usermodels.platform.domain;

/**
 * An aggregate refused to move from the state it is in to the one asked for: suspending a suspended tenant,
 * disabling a disabled user. The rule is the aggregate's; {@code ServiceProblemHandler} answers it with 409.
 */
public final class IllegalTransition extends RuntimeException {

    private final String aggregate;
    private final String state;
    private final String action;

    /**
     * @param aggregate what refused, as a client names it ({@code "tenant"}, {@code "user"})
     * @param state the state it is in ({@code "SUSPENDED"})
     * @param action what was asked of it ({@code "suspend"})
     */
    public IllegalTransition(String aggregate, String state, String action) {
        super("A %s that is %s cannot %s".formatted(aggregate, state, action));
        this.aggregate = aggregate;
        this.state = state;
        this.action = action;
    }

    public String aggregate() {
        return aggregate;
    }

    public String state() {
        return state;
    }

    public String action() {
        return action;
    }
}
