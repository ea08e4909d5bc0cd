package org.usermodels.user.attribute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.tenancy.TenantRef;

/** The tenant's custom attributes: every member may read them, admins define them. */
@Tag(name = "Tenant", description = "The caller's tenant: its custom user attributes.")
@RestController
@RequestMapping("/api/tenant/attributes")
class AttributesController {

    private final TenantAttributes attributes;

    AttributesController(TenantAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @Operation(operationId = "listAttributes", summary = "List the tenant's custom user attributes")
    @ApiResponse(
            responseCode = "200",
            description = "The definitions, in order.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = AttributeSchema.MAX_ATTRIBUTES,
                                            schema = @Schema(implementation = AttributeSpec.class))))
    List<AttributeSpec> definitions(TenantRef tenant) {
        return attributes.specs();
    }

    /** Replaces every definition; see {@link TenantAttributes#replace}. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@access.has('attributes.manage')")
    @Operation(
            operationId = "defineAttributes",
            summary = "Replace the tenant's custom user attributes",
            description = "The custom model's schema migration, in one transaction: values of removed attributes"
                    + " are dropped, a newly required one is back-filled with its `default`, and a tighter"
                    + " definition is refused while existing values break it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            array =
                                                    @ArraySchema(
                                                            maxItems = AttributeSchema.MAX_ATTRIBUTES,
                                                            schema = @Schema(implementation = AttributeSpec.class)))))
    @ApiResponse(
            responseCode = "200",
            description = "The definitions, as stored.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = AttributeSchema.MAX_ATTRIBUTES,
                                            schema = @Schema(implementation = AttributeSpec.class))))
    @ApiResponse(responseCode = "409", description = "Existing values break a tightened definition.")
    List<AttributeSpec> redefine(TenantRef tenant, @RequestBody @Valid List<AttributeSpec> specs) {
        return attributes.replace(specs);
    }
}
