package org.usermodels.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAnAcceptableInboundId() {
        assertThat(RequestIds.acceptOrGenerate("client-chosen-id-42")).isEqualTo("client-chosen-id-42");
    }

    @Test
    void replacesMissingOrUnsafeIds() {
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("short")).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("line\nbreak-injected-into-logs"))
                .hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("x".repeat(65))).hasSize(36);
    }
}
