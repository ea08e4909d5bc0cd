package org.usermodels.profile.profile;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import tools.jackson.databind.JsonNode;

/** {@code /api/profiles}: the tenant's profiles and what hangs from them. */
@RestController
@RequestMapping("/api/profiles")
class ProfilesController {

    private final ProfileAdministration profiles;
    private final ProfileSearch search;
    private final ProfileStatistics statistics;

    ProfilesController(ProfileAdministration profiles, ProfileSearch search, ProfileStatistics statistics) {
        this.profiles = profiles;
        this.search = search;
        this.statistics = statistics;
    }

    @GetMapping
    ProfileSearch.Page search(
            TenantRef tenant,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String skill,
            @RequestParam(required = false) @Nullable Integer minLevel,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return search.search(new ProfileSearch.Query(department, skill, minLevel, q, limit, cursor));
    }

    @GetMapping("/stats")
    ProfileStatistics.Stats stats(TenantRef tenant) {
        return statistics.stats();
    }

    /** The caller's profile; a basic one is made on the first call if no event made it yet. */
    @GetMapping("/me")
    ResponseEntity<ProfileView> me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        var profile = profiles.me(caller);
        return ResponseEntity.ok().eTag(Versions.etag(profile.version())).body(profile);
    }

    @PatchMapping(
            path = "/me",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ProfileView> patchMe(
            @AuthenticationPrincipal Caller caller,
            TenantRef tenant,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        return patch(tenant, caller.id(), ifMatch, patch);
    }

    @GetMapping("/{userId}")
    ResponseEntity<ProfileView> read(TenantRef tenant, @PathVariable UUID userId, WebRequest request) {
        var profile = profiles.read(userId);
        var etag = Versions.etag(profile.version());
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(profile);
    }

    /** Changes a profile with a JSON Merge Patch; {@code If-Match} must name the version it is based on. */
    @PatchMapping(
            path = "/{userId}",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ProfileView> patch(
            TenantRef tenant,
            @PathVariable UUID userId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        var profile = profiles.patch(userId, Versions.required(ifMatch), patch);
        return ResponseEntity.ok().eTag(Versions.etag(profile.version())).body(profile);
    }

    @GetMapping("/{userId}/addresses")
    List<ProfileView.AddressView> addresses(TenantRef tenant, @PathVariable UUID userId) {
        return profiles.addresses(userId);
    }

    @PostMapping(path = "/{userId}/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProfileView.AddressView> addAddress(
            TenantRef tenant,
            @PathVariable UUID userId,
            @jakarta.validation.Valid @RequestBody AddressRequest request) {
        var address = profiles.addAddress(userId, request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(address.id())
                .toUri();
        return ResponseEntity.created(location).body(address);
    }

    /** Replaces an address. */
    @PutMapping(path = "/{userId}/addresses/{addressId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProfileView.AddressView changeAddress(
            TenantRef tenant,
            @PathVariable UUID userId,
            @PathVariable UUID addressId,
            @jakarta.validation.Valid @RequestBody AddressRequest request) {
        return profiles.changeAddress(userId, addressId, request);
    }

    @DeleteMapping("/{userId}/addresses/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAddress(TenantRef tenant, @PathVariable UUID userId, @PathVariable UUID addressId) {
        profiles.removeAddress(userId, addressId);
    }

    @GetMapping("/{userId}/skills")
    List<ProfileView.SkillLevel> skills(TenantRef tenant, @PathVariable UUID userId) {
        return profiles.skills(userId);
    }

    /** A skill's level. */
    record Level(int level) {}

    @PutMapping(path = "/{userId}/skills/{skill}", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<ProfileView.SkillLevel> rate(
            TenantRef tenant, @PathVariable UUID userId, @PathVariable String skill, @RequestBody Level level) {
        return profiles.rate(userId, skill, level.level());
    }

    @DeleteMapping("/{userId}/skills/{skill}")
    List<ProfileView.SkillLevel> forget(TenantRef tenant, @PathVariable UUID userId, @PathVariable String skill) {
        return profiles.forget(userId, skill);
    }

    /** Who a staff member reports to; {@code null} for nobody. */
    record Manager(@Nullable UUID managerId) {}

    @PutMapping(path = "/{userId}/manager", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProfileView changeManager(TenantRef tenant, @PathVariable UUID userId, @RequestBody Manager manager) {
        return profiles.changeManager(userId, manager.managerId());
    }

    /** Everyone reporting to the staff member, as a tree {@code depth} levels deep (default 3). */
    @GetMapping("/{userId}/reports")
    List<OrgChart.Node> reports(
            TenantRef tenant, @PathVariable UUID userId, @RequestParam(defaultValue = "3") int depth) {
        return profiles.reports(userId, depth);
    }
}
