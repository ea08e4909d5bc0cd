package org.usermodels.platform.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.demodata.DemoData.Report;
import org.usermodels.platform.demodata.DemoData.TenantReport;

class ReportTest {

    @Test
    void printsWhatChangedPerTenantAndEveryAccountWithItsTenant() {
        var report = new Report(List.of(
                new TenantReport("acme", List.of("created user bugs", "created the group support")),
                new TenantReport("globex", List.of())));
        var buffer = new ByteArrayOutputStream();

        report.printTo(new PrintStream(buffer, true, StandardCharsets.UTF_8), List.of(DemoTenants.ACME));

        assertThat(report.changedNothing()).isFalse();
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("acme     created user bugs; created the group support")
                .contains("globex   already seeded, nothing changed")
                .containsPattern("wile +Wile-demo-1 +acme \\(tenant admin\\)")
                .containsPattern("bugs +Bugs-demo-1 +acme\\n");
    }

    @Test
    void nothingChangedWhenNoTenantChanged() {
        assertThat(new Report(List.of(new TenantReport("acme", List.of()))).changedNothing())
                .isTrue();
    }
}
