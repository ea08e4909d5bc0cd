package org.usermodels.profile.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.openapi.MergePatch;
import org.usermodels.platform.openapi.Versioned;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import tools.jackson.databind.JsonNode;

/** {@code /api/profiles}: the tenant's profiles and what hangs from them. */
@Tag(name = "Profiles", description = "Profiles of the tenant's users, their addresses, skills and reporting lines.")
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
    @Operation(
            operationId = "searchProfiles",
            summary = "Search the tenant's profiles",
            description = "A page of profiles by department, skill (and its least level) and words in names;"
                    + " pages follow `next` as `cursor`.")
    ProfileSearch.Page search(
            TenantRef tenant,
            @Parameter(schema = @Schema(maxLength = ProfileSearch.MAX_TERM)) @RequestParam(required = false) @Nullable String department,
            @Parameter(schema = @Schema(maxLength = ProfileSearch.MAX_TERM)) @RequestParam(required = false) @Nullable String skill,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "5"))
                    @RequestParam(required = false)
                    @Nullable Integer minLevel,
            @Parameter(schema = @Schema(maxLength = ProfileSearch.MAX_TERM)) @RequestParam(required = false) @Nullable String q,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + ProfileSearch.MAX_LIMIT,
                                            defaultValue = "20"))
                    @RequestParam(required = false)
                    @Nullable Integer limit,
            @Parameter(schema = @Schema(maxLength = ProfileSearch.MAX_CURSOR)) @RequestParam(required = false) @Nullable String cursor) {
        return search.search(new ProfileSearch.Query(department, skill, minLevel, q, limit, cursor));
    }

    @GetMapping("/stats")
    @Operation(operationId = "profileStatistics", summary = "Count staff by department, skills and languages")
    ProfileStatistics.Stats stats(TenantRef tenant) {
        return statistics.stats();
    }

    /** The caller's profile; a basic one is made on the first call if no event made it yet. */
    @GetMapping("/me")
    @Operation(operationId = "readMyProfile", summary = "Read the caller's profile")
    @Versioned
    ResponseEntity<ProfileView> me(@AuthenticationPrincipal Caller caller, TenantRef tenant) {
        var profile = profiles.me(caller);
        return ResponseEntity.ok().eTag(Versions.etag(profile.version())).body(profile);
    }

    @PatchMapping(
            path = "/me",
            consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            operationId = "changeMyProfile",
            summary = "Change the caller's profile",
            description = "A JSON Merge Patch (RFC 7396); `If-Match` names the version it is based on.")
    @MergePatch(ProfileEdit.class)
    @Versioned
    ResponseEntity<ProfileView> patchMe(
            @AuthenticationPrincipal Caller caller,
            TenantRef tenant,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        return patch(tenant, caller.id(), ifMatch, patch);
    }

    @GetMapping("/{userId}")
    @Operation(operationId = "readProfile", summary = "Read a profile")
    @Versioned
    ResponseEntity<ProfileView> read(TenantRef tenant, @PathVariable UUID userId, WebRequest request) {
        var profile = profiles.read(UserId.of(userId));
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
    @Operation(
            operationId = "changeProfile",
            summary = "Change a profile",
            description = "A JSON Merge Patch (RFC 7396); `If-Match` names the version it is based on.")
    @MergePatch(ProfileEdit.class)
    @Versioned
    ResponseEntity<ProfileView> patch(
            TenantRef tenant,
            @PathVariable UUID userId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        var profile = profiles.patch(UserId.of(userId), Versions.required(ifMatch), patch);
        return ResponseEntity.ok().eTag(Versions.etag(profile.version())).body(profile);
    }

    @GetMapping("/{userId}/addresses")
    @Operation(operationId = "listAddresses", summary = "List a profile's addresses")
    @ApiResponse(
            responseCode = "200",
            description = "The addresses; at most one is primary.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = Profile.MAX_ADDRESSES,
                                            schema = @Schema(implementation = ProfileView.AddressView.class))))
    List<ProfileView.AddressView> addresses(TenantRef tenant, @PathVariable UUID userId) {
        return profiles.addresses(UserId.of(userId));
    }

    @PostMapping(path = "/{userId}/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "addAddress",
            summary = "Add an address to a profile",
            description = "A primary address demotes the current primary one.")
    @ApiResponse(responseCode = "201", description = "The address, added.")
    @ApiResponse(responseCode = "409", description = "The profile holds as many addresses as it may.")
    ResponseEntity<ProfileView.AddressView> addAddress(
            TenantRef tenant,
            @PathVariable UUID userId,
            @jakarta.validation.Valid @RequestBody AddressRequest request) {
        var address = profiles.addAddress(UserId.of(userId), request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(address.id())
                .toUri();
        return ResponseEntity.created(location).body(address);
    }

    /** Replaces an address. */
    @PutMapping(path = "/{userId}/addresses/{addressId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceAddress", summary = "Replace an address")
    ProfileView.AddressView changeAddress(
            TenantRef tenant,
            @PathVariable UUID userId,
            @PathVariable UUID addressId,
            @jakarta.validation.Valid @RequestBody AddressRequest request) {
        return profiles.changeAddress(UserId.of(userId), new AddressId(addressId), request);
    }

    @DeleteMapping("/{userId}/addresses/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeAddress", summary = "Remove an address")
    void removeAddress(TenantRef tenant, @PathVariable UUID userId, @PathVariable UUID addressId) {
        profiles.removeAddress(UserId.of(userId), new AddressId(addressId));
    }

    @GetMapping("/{userId}/skills")
    @Operation(operationId = "listSkills", summary = "List a staff member's skills")
    @ApiResponse(
            responseCode = "200",
            description = "The skills and their levels.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = StaffProfile.MAX_SKILLS,
                                            schema = @Schema(implementation = ProfileView.SkillLevel.class))))
    @ApiResponse(responseCode = "409", description = "The profile is not a staff member's.")
    List<ProfileView.SkillLevel> skills(TenantRef tenant, @PathVariable UUID userId) {
        return profiles.skills(UserId.of(userId));
    }

    /** A skill's level. */
    record Level(
            @Min(ProfileSkill.LOWEST) @Max(ProfileSkill.HIGHEST) int level) {}

    @PutMapping(path = "/{userId}/skills/{skill}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rateSkill", summary = "Rate a staff member in a skill, from 1 to 5")
    @ApiResponse(
            responseCode = "200",
            description = "The skills and their levels.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = StaffProfile.MAX_SKILLS,
                                            schema = @Schema(implementation = ProfileView.SkillLevel.class))))
    @ApiResponse(
            responseCode = "409",
            description = "The profile is not a staff member's, or holds as many skills as it may.")
    List<ProfileView.SkillLevel> rate(
            TenantRef tenant,
            @PathVariable UUID userId,
            @Parameter(schema = @Schema(maxLength = 100)) @PathVariable String skill,
            @Valid @RequestBody Level level) {
        return profiles.rate(UserId.of(userId), skill, level.level());
    }

    @DeleteMapping("/{userId}/skills/{skill}")
    @Operation(operationId = "forgetSkill", summary = "Remove a skill from a staff member")
    @ApiResponse(
            responseCode = "200",
            description = "The skills and their levels.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = StaffProfile.MAX_SKILLS,
                                            schema = @Schema(implementation = ProfileView.SkillLevel.class))))
    @ApiResponse(responseCode = "409", description = "The profile is not a staff member's.")
    List<ProfileView.SkillLevel> forget(
            TenantRef tenant,
            @PathVariable UUID userId,
            @Parameter(schema = @Schema(maxLength = 100)) @PathVariable String skill) {
        return profiles.forget(UserId.of(userId), skill);
    }

    /** Who a staff member reports to; {@code null} for nobody. */
    record Manager(@Nullable UUID managerId) {}

    @PutMapping(path = "/{userId}/manager", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeManager", summary = "Set or clear who a staff member reports to")
    @ApiResponse(responseCode = "200", description = "The staff member's profile, with its manager.")
    @ApiResponse(
            responseCode = "409",
            description = "Either profile is not a staff member's, or the change would close a cycle.")
    ProfileView changeManager(TenantRef tenant, @PathVariable UUID userId, @RequestBody Manager manager) {
        var managerId = manager.managerId();
        return profiles.changeManager(UserId.of(userId), managerId == null ? null : UserId.of(managerId));
    }

    /** Everyone reporting to the staff member, as a tree {@code depth} levels deep (default 3). */
    @GetMapping("/{userId}/reports")
    @Operation(
            operationId = "listReports",
            summary = "Read the reporting tree under a staff member",
            description = "Everyone reporting to the staff member, as a tree `depth` levels deep, read in one"
                    + " statement; at most " + OrgChart.MAX_PEOPLE + " people (ask fewer levels of a larger tree).")
    @ApiResponse(
            responseCode = "200",
            description = "The direct reports, each with theirs.",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            maxItems = OrgChart.MAX_PEOPLE,
                                            schema = @Schema(implementation = OrgChart.Node.class))))
    List<OrgChart.Node> reports(
            TenantRef tenant,
            @PathVariable UUID userId,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + OrgChart.MAX_DEPTH,
                                            defaultValue = "3"))
                    @RequestParam(defaultValue = "3")
                    int depth) {
        return profiles.reports(UserId.of(userId), depth);
    }
}
