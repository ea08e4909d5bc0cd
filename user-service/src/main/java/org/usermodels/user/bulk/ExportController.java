package org.usermodels.user.bulk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.platform.web.LenientAcceptHeader;
import org.usermodels.user.account.UserExport;
import org.usermodels.user.account.UserView;
import org.usermodels.user.attribute.AttributeSchema;
import org.usermodels.user.attribute.TenantAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * {@code GET /api/users/export}: every user of the tenant, in all three models with their custom attributes,
 * streamed as NDJSON (one user per line, as {@code GET /api/users} shows them) or CSV (the columns of
 * {@link CsvColumns}). The format comes from {@code ?format=ndjson|csv}, else from {@code Accept}; NDJSON when
 * neither says. The response is written while the users are read, in constant memory; an exported file
 * imports as it is (the columns the service assigns are read past), once its usernames and emails are free in
 * the realm.
 */
@Tag(name = "Imports")
@RestController
class ExportController {

    private final UserExport export;
    private final TenantAttributes attributes;
    private final JsonMapper json;
    private final CsvMapper csv = CsvMapper.builder().build();

    ExportController(UserExport export, TenantAttributes attributes, JsonMapper json) {
        this.export = export;
        this.attributes = attributes;
        this.json = json;
    }

    @GetMapping("/api/users/export")
    @PreAuthorize("@access.has('users.view')")
    @Operation(
            operationId = "exportUsers",
            summary = "Export the tenant's users as NDJSON or CSV",
            description = "Every user, in all three models with their custom attributes, streamed: NDJSON has one"
                    + " user per line as `GET /api/users` shows them; CSV has the columns an import reads. The"
                    + " format is `format`'s, else `Accept`'s, else NDJSON.")
    @ApiResponse(
            responseCode = "200",
            description = "The users, as a file to download (`Content-Disposition: attachment`).",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                        schema = @Schema(type = "string", description = "One user per line, as UserView")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "406", description = "Neither `format` nor `Accept` names NDJSON or CSV.")
    void export(
            TenantRef tenant,
            @Parameter(schema = @Schema(allowableValues = {"ndjson", "csv"})) @RequestParam(required = false) @Nullable String format,
            @Parameter(schema = @Schema(maxLength = 1024))
                    @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                    @Nullable String accept,
            HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        var chosen = choose(format, accept);
        response.setContentType(chosen.mediaType().toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"users-%s.%s\"".formatted(tenant.slug(), chosen.code()));
        // Not closed when the export fails half-way: closing would end the response as if the file were whole.
        // The failure goes up instead, and the server then closes the connection before the response's end,
        // which every HTTP client reports as an error (and before anything was sent, it answers a problem).
        var out = new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        switch (chosen) {
            case NDJSON -> export.forEach(user -> line(out, json.writeValueAsString(user)));
            case CSV -> csv(out);
        }
        out.flush();
    }

    private void csv(Writer out) {
        var schema = attributes.schema();
        var columns = CsvColumns.exported(schema);
        var builder = CsvSchema.builder();
        columns.forEach(builder::addColumn);
        var writer = csv.writerFor(List.class).with(builder.build());
        line(out, String.join(",", columns));
        export.forEach(user -> {
            var text = writer.writeValueAsString(cells(user, schema));
            write(out, text);
        });
    }

    /** A user's cells in the order of {@link CsvColumns#exported}. */
    private static List<@Nullable Object> cells(UserView user, AttributeSchema schema) {
        var cells = new ArrayList<@Nullable Object>();
        cells.add(user.id());
        cells.add(user.type());
        cells.add(user.username());
        cells.add(user.email());
        cells.add(user.firstName());
        cells.add(user.lastName());
        cells.add(user.locale());
        cells.add(user.timeZone());
        cells.add(user.status());
        cells.add(user.dateJoined());
        cells.add(user.lastLogin());
        var customer = user.customer();
        cells.add(customer == null ? null : customer.loyaltyTier());
        cells.add(customer == null ? null : customer.marketingConsent());
        var staff = user.staff();
        cells.add(staff == null ? null : staff.employeeNumber());
        cells.add(staff == null ? null : staff.department());
        cells.add(staff == null ? null : staff.jobTitle());
        cells.add(staff == null ? null : staff.hireDate());
        var partner = user.partner();
        cells.add(partner == null ? null : partner.companyName());
        cells.add(partner == null ? null : partner.companyRegistrationId());
        cells.add(partner == null ? null : partner.partnerTier());
        Map<String, Object> values = user.attributes();
        schema.names().forEach(name -> cells.add(values.get(name)));
        return cells.stream()
                .<@Nullable Object>map(cell -> cell == null ? null : cell.toString())
                .toList();
    }

    private static ImportFormat choose(@Nullable String format, @Nullable String accept)
            throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            return switch (format) {
                case "ndjson" -> ImportFormat.NDJSON;
                case "csv" -> ImportFormat.CSV;
                default -> throw InvalidRequest.field("format", "must be ndjson or csv");
            };
        }
        if (accept == null || accept.isBlank()) {
            return ImportFormat.NDJSON;
        }
        // a header that cannot be read counts as none, as for every endpoint of the service
        for (var type : LenientAcceptHeader.read(accept)) {
            for (var candidate : List.of(ImportFormat.NDJSON, ImportFormat.CSV)) {
                if (type.isCompatibleWith(candidate.mediaType()) && type.getQualityValue() > 0) {
                    return candidate;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(
                List.of(ImportFormat.NDJSON.mediaType(), ImportFormat.CSV.mediaType()));
    }

    private static void line(Writer out, String text) {
        write(out, text + "\n");
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The client stopped reading the export", e);
        }
    }
}
