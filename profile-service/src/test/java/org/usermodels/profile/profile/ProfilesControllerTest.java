package org.usermodels.profile.profile;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.testsupport.PlatformWebSlice;
import org.usermodels.platform.testsupport.SliceTokens;

/**
 * The profiles controller's contract alone: what it answers for what the service throws, and the input it refuses
 * before the service is asked, through the platform's security, tenant binding and problem handling. The services
 * are mocks, and so is the token's decoder; the real converter reads the token. (The tenant's schema guard is the
 * tenancy feature's, left out: this slice has no schemas.)
 */
@WebMvcTest(
        controllers = ProfilesController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {"org\\.usermodels\\.profile\\.tenancy\\..*"}))
@PlatformWebSlice
class ProfilesControllerTest {

    static final UUID TENANT = UUID.randomUUID();
    static final UUID CALLER = UUID.randomUUID();

    String token = "";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProfileAdministration profiles;

    @MockitoBean
    ProfileSearch search;

    @MockitoBean
    ProfileStatistics statistics;

    @MockitoBean
    JwtDecoder decoder;

    @BeforeEach
    void anAdministratorOfInitech() {
        token = SliceTokens.member(decoder, "initech-admin", CALLER, "bill", "initech", TENANT);
    }

    @Test
    void aProfileTheTenantDoesNotHaveIs404AsAProblem() throws Exception {
        var id = UserId.of(UUID.randomUUID());
        when(profiles.read(any())).thenThrow(ProfileNotFound.profile(id));

        mvc.perform(get("/api/profiles/{id}", id.value()).header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("This tenant has no profile of user " + id + "."));
    }

    @Test
    void aLevelOutsideOneToFiveIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(put("/api/profiles/{id}/skills/{skill}", UUID.randomUUID(), "java")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\": 9}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("level"));

        verify(profiles, never()).rate(any(), any(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void aChangeThatNamesNoVersionIs428AndNeverReachesTheService() throws Exception {
        mvc.perform(patch("/api/profiles/{id}", UUID.randomUUID())
                        .header("Authorization", token)
                        .contentType("application/merge-patch+json")
                        .content("{\"bio\": \"Hello\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentType("application/problem+json"));

        verify(profiles, never()).patch(any(), any(), any());
    }

    @Test
    void aManagerIsChangedForTheStaffMemberOfThePathToTheOneOfTheBody() throws Exception {
        var staff = UUID.randomUUID();
        var manager = UUID.randomUUID();

        mvc.perform(put("/api/profiles/{id}/manager", staff)
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"managerId\": \"" + manager + "\"}"))
                .andExpect(status().isOk());

        verify(profiles).changeManager(UserId.of(staff), UserId.of(manager));
    }

    @Test
    void aCallWithoutATokenIs401AsAProblem() throws Exception {
        mvc.perform(get("/api/profiles/{id}", UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"));

        verify(profiles, never()).read(any());
    }
}
