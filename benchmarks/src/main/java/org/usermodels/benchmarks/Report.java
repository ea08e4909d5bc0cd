package org.usermodels.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Writes a run's report: a Markdown page of tables (p50, p99, throughput and the ratios), the targets with
 * pass or fail, and charts drawn by JFreeChart as PNG files beside it.
 */
final class Report {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)
    };

    private final Results results;
    private final Environment environment;
    private final Scenarios.Scale scale;
    private final List<String> steps;

    Report(Results results, Environment environment, Scenarios.Scale scale, List<String> steps) {
        this.results = results;
        this.environment = environment;
        this.scale = scale;
        this.steps = steps;
    }

    /** The machine and the versions a run measured. */
    record Environment(
            String date,
            String cpu,
            int cores,
            String memory,
            String os,
            String java,
            String postgres,
            String keycloak,
            Duration elapsed) {}

    /** Writes {@code <directory>/<name>.md} and its charts; answers the page. */
    Path write(Path directory, String name) {
        try {
            Files.createDirectories(directory.resolve(name));
            var page = directory.resolve(name + ".md");
            Files.writeString(page, markdown(directory.resolve(name), name));
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdown(Path charts, String name) throws IOException {
        var text = new StringBuilder();
        text.append("# Benchmark: usermodels against Keycloak and against JdbcTemplate\n\n");
        text.append("Written by `bin/benchmark` (")
                .append(scale.name())
                .append(" run) on ")
                .append(environment.date())
                .append(", in ")
                .append(environment.elapsed().toMinutes())
                .append(" minutes. How the numbers are measured, and what ")
                .append("they mean, is [docs/performance.md](../performance.md); every comparison ran its sides ")
                .append("interleaved in the same run, so the ratios are what to read.\n\n");
        text.append("| | |\n|---|---|\n");
        text.append("| Machine | ")
                .append(environment.cpu())
                .append(", ")
                .append(environment.cores())
                .append(" cores, ")
                .append(environment.memory())
                .append(" |\n");
        text.append("| System | ").append(environment.os()).append(" |\n");
        text.append("| Java | ").append(environment.java()).append(" |\n");
        text.append("| PostgreSQL | ").append(environment.postgres()).append(" (one server for every database) |\n");
        text.append("| Keycloak | ").append(environment.keycloak()).append(", its state in PostgreSQL |\n");
        text.append("| Load | one request at a time for latencies; ")
                .append(scale.clients())
                .append(" clients at once for throughputs, sides taking turns in slices of ")
                .append(scale.slice().toMillis())
                .append(" ms |\n\n");

        text.append("## Targets\n\n| Target | Measured | Limit | |\n|---|---|---|---|\n");
        for (var target : Targets.judge(results, steps)) {
            text.append("| ")
                    .append(target.name())
                    .append(" | ")
                    .append(number(target.measured()))
                    .append(' ')
                    .append(target.unit())
                    .append(" | ")
                    .append(target.atLeast() ? "≥ " : "≤ ")
                    .append(number(target.limit()))
                    .append(' ')
                    .append(target.unit())
                    .append(" | ")
                    .append(target.passed() ? "pass" : "**missed** (by %s×)".formatted(number(target.missedBy())))
                    .append(" |\n");
        }
        text.append("\nStatements per request (at most 3 besides the tenant's `set_config`, whatever the page size) ")
                .append("are asserted by `StatementCountIT`, not measured here. What bounds each missed target on ")
                .append("this machine is in [performance.md](../performance.md#targets-missed-and-why).\n\n");

        text.append("## Latency, one request at a time\n\n");
        for (var latency : results.latencies.values()) {
            text.append("### ").append(latency.comparison()).append("\n\n");
            text.append("| Side | p50 | p95 | p99 | ratio to first (p50) |\n|---|---|---|---|---|\n");
            var first = latency.sides().getFirst().micros().getValueAtPercentile(50);
            for (var side : latency.sides()) {
                var histogram = side.micros();
                text.append("| ")
                        .append(side.side())
                        .append(" | ")
                        .append(ms(histogram.getValueAtPercentile(50)))
                        .append(" | ")
                        .append(ms(histogram.getValueAtPercentile(95)))
                        .append(" | ")
                        .append(ms(histogram.getValueAtPercentile(99)))
                        .append(" | ")
                        .append(number((double) histogram.getValueAtPercentile(50) / first))
                        .append("× |\n");
            }
            text.append("\n");
        }
        text.append("## Throughput, ").append(scale.clients()).append(" clients at once\n\n");
        for (var throughput : results.throughputs.values()) {
            text.append("### ").append(throughput.comparison()).append("\n\n");
            text.append(
                    "| Side | requests/s | p50 under load | p99 under load | ratio to first |\n|---|---|---|---|---|\n");
            var first = throughput.sides().getFirst().perSecond();
            for (var side : throughput.sides()) {
                text.append("| ")
                        .append(side.side())
                        .append(" | ")
                        .append(number(side.perSecond()))
                        .append(" | ")
                        .append(ms(side.micros().getValueAtPercentile(50)))
                        .append(" | ")
                        .append(ms(side.micros().getValueAtPercentile(99)))
                        .append(" | ")
                        .append(number(side.perSecond() / first))
                        .append("× |\n");
            }
            text.append("\n");
        }
        if (!results.bulks.isEmpty()) {
            text.append("## Bulk import\n\n");
            text.append(
                    "| Round | users | usermodels (both stores) | Keycloak partial import | Keycloak partial import and memberships |\n|---|---|---|---|---|\n");
            var round = 0;
            for (var bulk : results.bulks) {
                text.append("| ")
                        .append(++round)
                        .append(" | ")
                        .append(bulk.users())
                        .append(" | ")
                        .append(rate(bulk.users(), bulk.ours()))
                        .append(" | ")
                        .append(rate(bulk.users(), bulk.keycloak()))
                        .append(" | ")
                        .append(rate(bulk.users(), bulk.keycloakWithMemberships()))
                        .append(" |\n");
            }
            text.append("| all | | ")
                    .append(number(results.bulkRate(Results.Bulk::ours)))
                    .append(" users/s | ")
                    .append(number(results.bulkRate(Results.Bulk::keycloak)))
                    .append(" users/s | ")
                    .append(number(results.bulkRate(Results.Bulk::keycloakWithMemberships)))
                    .append(" users/s |\n\n");
        }
        if (!results.notes.isEmpty()) {
            text.append("## Notes of the run\n\n");
            results.notes.forEach((key, value) ->
                    text.append("- ").append(key).append(": ").append(value).append("\n"));
            text.append("\n");
        }
        text.append("## Charts\n\n");
        for (var chart : charts(charts)) {
            text.append("![")
                    .append(chart.getValue())
                    .append("](")
                    .append(name)
                    .append('/')
                    .append(chart.getKey())
                    .append(")\n\n");
        }
        return text.toString();
    }

    /** Draws the charts; answers file name → caption. */
    private List<Map.Entry<String, String>> charts(Path directory) throws IOException {
        var charts = new ArrayList<Map.Entry<String, String>>();
        var search = new DefaultCategoryDataset();
        var read = new DefaultCategoryDataset();
        for (var step : steps) {
            var label = step;
            var s = results.latencies.get("search @ " + step);
            if (s != null) {
                s.sides()
                        .forEach(side ->
                                search.addValue(side.micros().getValueAtPercentile(50) / 1000.0, side.side(), label));
            }
            var r = results.latencies.get("read by id @ " + step);
            if (r != null) {
                r.sides()
                        .forEach(side ->
                                read.addValue(side.micros().getValueAtPercentile(50) / 1000.0, side.side(), label));
            }
        }
        if (search.getRowCount() > 0) {
            save(directory, "search.png", bars("Search by a fragment of a name, p50", "ms (log scale)", search, true));
            charts.add(Map.entry("search.png", "search p50 by tenant size, log scale"));
        }
        if (read.getRowCount() > 0) {
            save(directory, "read-by-id.png", bars("Read one user by id, p50", "ms", read, false));
            charts.add(Map.entry("read-by-id.png", "read by id p50 by tenant size"));
        }
        var tax = new DefaultCategoryDataset();
        for (var step : steps) {
            for (var endpoint : Scenarios.TWINNED) {
                var t = results.throughputs.get("ORM tax, " + endpoint + " @ " + step);
                if (t != null) {
                    tax.addValue(
                            t.side(Scenarios.ORM).perSecond()
                                    / t.side(Scenarios.TWIN).perSecond(),
                            step,
                            endpoint);
                }
            }
        }
        if (tax.getRowCount() > 0) {
            save(directory, "orm-tax.png", bars("Hibernate ÷ JdbcTemplate twin, throughput", "ratio", tax, false));
            charts.add(Map.entry("orm-tax.png", "throughput of each endpoint over its JdbcTemplate twin"));
        }
        var writes = new DefaultCategoryDataset();
        var create = results.throughputs.get("create one user");
        if (create != null) {
            create.sides().forEach(side -> writes.addValue(side.perSecond(), side.side(), "create one user"));
        }
        if (!results.bulks.isEmpty()) {
            writes.addValue(results.bulkRate(Results.Bulk::ours), Scenarios.OURS_DIRECT, "bulk import");
            writes.addValue(results.bulkRate(Results.Bulk::keycloak), "Keycloak partial import", "bulk import");
            writes.addValue(
                    results.bulkRate(Results.Bulk::keycloakWithMemberships),
                    "Keycloak partial import and memberships",
                    "bulk import");
        }
        if (writes.getRowCount() > 0) {
            save(directory, "writes.png", bars("Users created per second", "users/s (log scale)", writes, true));
            charts.add(Map.entry("writes.png", "creating users one by one and in bulk, log scale"));
        }
        return charts;
    }

    private static JFreeChart bars(String title, String axis, DefaultCategoryDataset data, boolean logarithmic) {
        var chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        var plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        if (logarithmic) {
            var log = new LogAxis(axis);
            log.setSmallestValue(0.5);
            log.setTickUnit(new NumberTickUnit(1.0));
            log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            plot.setRangeAxis(log);
        }
        var renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (var i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        return chart;
    }

    private static void save(Path directory, String file, JFreeChart chart) throws IOException {
        ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart, 900, 480);
    }

    static String ms(long micros) {
        return micros >= 100_000 ? "%.0f ms".formatted(micros / 1000.0) : "%.2f ms".formatted(micros / 1000.0);
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String rate(int users, Duration elapsed) {
        return number(users / (elapsed.toNanos() / 1e9)) + " users/s";
    }

    static String today() {
        return LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }
}
