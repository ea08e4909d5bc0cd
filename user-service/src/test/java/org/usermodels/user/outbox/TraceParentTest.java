package org.usermodels.user.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    @Test
    void readsAndWritesTheW3cForm() {
        var sampled = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01");
        var unsampled = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00");

        assertThat(sampled).contains(new TraceParent(TRACE, SPAN, true));
        assertThat(unsampled).contains(new TraceParent(TRACE, SPAN, false));
        assertThat(sampled.orElseThrow().header()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(unsampled.orElseThrow().header()).isEqualTo("00-" + TRACE + "-" + SPAN + "-00");
    }

    @Test
    void ignoresWhatIsNotAVersion00TraceParent() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01"))
                .as("another version")
                .isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE.toUpperCase() + "-" + SPAN + "-01"))
                .as("upper case")
                .isEmpty();
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN + "-01"))
                .as("zero trace id")
                .isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01"))
                .as("zero span id")
                .isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN)).as("no flags").isEmpty();
    }
}
