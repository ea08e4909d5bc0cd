package org.usermodels.profile.profile;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import org.usermodels.profile.access.ProfileAccess;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and changing the profiles of the current tenant and what hangs from them. Every method finds the
 * profile first (404 when the tenant has none for that user, whichever tenant might) and then checks what the
 * caller may do (403): everyone reads the profiles of their tenant; addresses are for the user and
 * {@code profile.read_any}; changes are for the user and {@code profile.edit_any}; managers are set by
 * {@code profile.edit_any} only.
 */
@Service
class ProfileAdministration {

    private final Profiles profiles;
    private final Skills skills;
    private final OrgChart orgChart;
    private final ProfileAccess access;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    ProfileAdministration(
            Profiles profiles,
            Skills skills,
            OrgChart orgChart,
            ProfileAccess access,
            JsonMapper json,
            Validator validator,
            Clock clock) {
        this.profiles = profiles;
        this.skills = skills;
        this.orgChart = orgChart;
        this.access = access;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /** The caller's profile; a basic one is made on their first call if no event made it yet. */
    @Transactional
    ProfileView me(Caller caller) {
        profiles.createBasicIfAbsent(caller.userId(), displayNameOf(caller));
        return read(caller.userId());
    }

    @Transactional(readOnly = true)
    ProfileView read(UserId userId) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        return ProfileView.of(profile, profiles::skillsOf, access.isSelfOr(userId, ProfileAccess.READ_ANY), tenant());
    }

    /**
     * Applies a JSON Merge Patch, if the profile is still at a version {@code precondition} names.
     *
     * @throws InvalidRequest (400) for fields that are not the profile's kind's, or invalid values
     */
    @Transactional
    ProfileView patch(UserId userId, Versions.Precondition precondition, JsonNode patch) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        precondition.check(profile.version());
        checkShape(patch, profile.kind());
        var edit = read(JsonMergePatch.apply(json.valueToTree(ProfileEdit.of(profile)), patch));
        var problems = new ArrayList<FieldProblem>();
        validator
                .validate(edit)
                .forEach(violation -> problems.add(
                        new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        profile.edit(edit);
        profiles.flush();
        return read(userId);
    }

    @Transactional(readOnly = true)
    List<ProfileView.AddressView> addresses(UserId userId) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        access.requireSelfOr(userId, ProfileAccess.READ_ANY);
        return profile.addresses().stream().map(ProfileView.AddressView::of).toList();
    }

    /** Adds an address; a new primary address demotes the old one ({@link Profile#addAddress}). */
    @Transactional
    ProfileView.AddressView addAddress(UserId userId, AddressRequest request) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        var address = profile.addAddress(request.details(), clock.instant());
        profiles.flush(); // for the new version in the answer
        return ProfileView.AddressView.of(address);
    }

    @Transactional
    ProfileView.AddressView changeAddress(UserId userId, AddressId addressId, AddressRequest request) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        var address = profile.address(addressId).orElseThrow(() -> ProfileNotFound.address(addressId));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        profile.changeAddress(address, request.details());
        profiles.flush(); // for the new version in the answer
        return ProfileView.AddressView.of(address);
    }

    @Transactional
    void removeAddress(UserId userId, AddressId addressId) {
        var profile = profiles.findWithAddresses(userId).orElseThrow(() -> ProfileNotFound.profile(userId));
        var address = profile.address(addressId).orElseThrow(() -> ProfileNotFound.address(addressId));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        profile.removeAddress(address);
    }

    @Transactional(readOnly = true)
    List<ProfileView.SkillLevel> skills(UserId userId) {
        if (profiles.findStaff(userId).isEmpty()) {
            throw staffOrNotFound(userId, "Skills");
        }
        return profiles.skillsOf(userId);
    }

    /** Sets the level of a skill (1 to 5), adding the skill to the tenant's catalog if it is new. */
    @Transactional
    List<ProfileView.SkillLevel> rate(UserId userId, String skillName, int level) {
        var staff = profiles.findStaff(userId).orElseThrow(() -> staffOrNotFound(userId, "Skills"));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        var name = skillName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidRequest.field("skill", "must be 1 to 100 characters");
        }
        var skill = skills.findByName(name).orElseGet(() -> skills.save(new Skill(name)));
        staff.rate(skill, level);
        profiles.flush();
        return profiles.skillsOf(userId);
    }

    @Transactional
    List<ProfileView.SkillLevel> forget(UserId userId, String skillName) {
        var staff = profiles.findStaff(userId).orElseThrow(() -> staffOrNotFound(userId, "Skills"));
        access.requireSelfOr(userId, ProfileAccess.EDIT_ANY);
        var skill = skills.findByName(skillName.strip()).orElseThrow(() -> ProfileNotFound.skill(skillName));
        if (!staff.forget(skill)) {
            throw ProfileNotFound.skill(skillName);
        }
        profiles.flush();
        return profiles.skillsOf(userId);
    }

    /**
     * Sets (or, with {@code null}, clears) a staff member's manager.
     *
     * @throws ProfileConflict (409) when the manager reports, directly or not, to the staff member
     */
    @Transactional
    ProfileView changeManager(UserId staffMember, @Nullable UserId newManager) {
        var userId = staffMember;
        var staff = profiles.findStaff(userId).orElseThrow(() -> staffOrNotFound(userId, "Managers"));
        access.require(ProfileAccess.EDIT_ANY);
        StaffProfile manager = null;
        if (newManager != null) {
            var managerId = newManager;
            manager = profiles.findStaff(managerId)
                    .orElseThrow(() ->
                            InvalidRequest.field("managerId", "must be the user id of a staff member of this tenant"));
            profiles.lockManagers();
            if (profiles.inManagementChain(userId, managerId)) {
                throw ProfileConflict.managementCycle();
            }
        }
        staff.reportTo(manager);
        profiles.flush();
        return read(userId);
    }

    /** The reporting tree under a staff member, {@code depth} levels deep (1 to 10), with one query. */
    @Transactional(readOnly = true)
    List<OrgChart.Node> reports(UserId userId, int depth) {
        if (profiles.findById(userId).isEmpty()) {
            throw ProfileNotFound.profile(userId);
        }
        if (depth < 1 || depth > OrgChart.MAX_DEPTH) {
            throw InvalidRequest.field("depth", "must be between 1 and " + OrgChart.MAX_DEPTH);
        }
        var lines = orgChart.lines(userId, depth);
        if (lines.size() > OrgChart.MAX_PEOPLE) {
            throw InvalidRequest.field(
                    "depth",
                    "more than %,d people report to this staff member within %d levels; ask for fewer levels"
                            .formatted(OrgChart.MAX_PEOPLE, depth));
        }
        return OrgChart.tree(userId, lines);
    }

    private RuntimeException staffOrNotFound(UserId userId, String what) {
        return profiles.findById(userId).isPresent() ? ProfileConflict.notStaff(what) : ProfileNotFound.profile(userId);
    }

    private void checkShape(JsonNode patch, ProfileKind kind) {
        if (!patch.isObject()) {
            throw InvalidRequest.field("", "a merge patch is a JSON object");
        }
        var problems = new ArrayList<FieldProblem>();
        for (var entry : patch.properties()) {
            var field = entry.getKey();
            if (!ProfileEdit.FIELDS.contains(field)) {
                problems.add(new FieldProblem(field, "is not a field that can be changed"));
            } else if (ProfileEdit.KIND_FIELDS.containsKey(field)) {
                if (!field.equals(kind.code())) {
                    problems.add(new FieldProblem(field, "applies to " + field + " profiles only"));
                } else if (entry.getValue().isObject()) {
                    for (var detail : entry.getValue().properties()) {
                        if (!ProfileEdit.KIND_FIELDS.get(field).contains(detail.getKey())) {
                            problems.add(new FieldProblem(
                                    field + "." + detail.getKey(), "is not a field that can be changed"));
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
    }

    private ProfileEdit read(JsonNode document) {
        try {
            return json.treeToValue(document, ProfileEdit.class);
        } catch (DatabindException e) {
            var field = e.getPath().stream()
                    .map(reference -> reference.getPropertyName() == null
                            ? "[" + reference.getIndex() + "]"
                            : reference.getPropertyName())
                    .reduce((a, b) -> a + "." + b)
                    .orElse("");
            throw InvalidRequest.field(field, "has a value of the wrong type or format");
        } catch (JacksonException e) {
            throw InvalidRequest.field("", "is not a valid profile");
        }
    }

    private static TenantRef tenant() {
        return TenantContext.require();
    }

    private static String displayNameOf(Caller caller) {
        var names = ((caller.givenName() == null ? "" : caller.givenName()) + " "
                        + (caller.familyName() == null ? "" : caller.familyName()))
                .strip();
        return names.isEmpty() ? caller.username() : names;
    }
}
