package org.usermodels.user.attribute;

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
@RestController
@RequestMapping("/api/tenant/attributes")
class AttributesController {

    private final TenantAttributes attributes;

    AttributesController(TenantAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    List<AttributeSpec> definitions(TenantRef tenant) {
        return attributes.specs();
    }

    /** Replaces every definition; see {@link TenantAttributes#replace}. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@access.has('attributes.manage')")
    List<AttributeSpec> redefine(TenantRef tenant, @RequestBody @Valid List<AttributeSpec> specs) {
        return attributes.replace(specs);
    }
}
