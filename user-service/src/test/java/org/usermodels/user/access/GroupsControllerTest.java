package org.usermodels.user.access;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.testsupport.PlatformWebSlice;
import org.usermodels.platform.testsupport.SliceTokens;
import org.usermodels.user.idempotency.IdempotentRequests;

/**
 * The groups controller's contract alone: what it answers for what the service throws and for input it refuses
 * before the service is asked, through the platform's security, tenant binding and problem handling. The service
 * is a mock; the token is decoded by a mock of the decoder and read by the real converter.
 */
@WebMvcTest(
        controllers = GroupsController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "org\\.usermodels\\.user\\.tenant\\..*",
                            "org\\.usermodels\\.user\\.account\\.LastCalls"
                        }))
@PlatformWebSlice
class GroupsControllerTest {

    static final UUID TENANT = UUID.randomUUID();
    static final UUID CALLER = UUID.randomUUID();

    String token = "";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GroupAdministration groups;

    @MockitoBean
    JwtDecoder decoder;

    @MockitoBean
    IdempotentRequests idempotency;

    @BeforeEach
    void anAdministratorOfAcme() {
        token = SliceTokens.member(decoder, "acme-admin", CALLER, "ada", "acme", TENANT);
    }

    @Test
    void aGroupTheTenantDoesNotHaveIs404AsAProblem() throws Exception {
        var id = UUID.randomUUID();
        when(groups.read(any())).thenThrow(NotFound.group(new GroupId(id)));

        mvc.perform(get("/api/groups/{id}", id).header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aPermissionOutsideTheCatalogIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(put("/api/groups/{id}/permissions/{permission}", UUID.randomUUID(), "users.delete_all")
                        .header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("permission"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("must be one of [users.view")));

        verify(groups, never()).grant(any(GroupId.class), any(PermissionCode.class));
    }

    @Test
    void aMemberIsAddedAsTheGroupAndTheUserThePathNames() throws Exception {
        var group = UUID.randomUUID();
        var user = UUID.randomUUID();

        mvc.perform(put("/api/groups/{id}/members/{userId}", group, user).header("Authorization", token))
                .andExpect(status().isNoContent());

        verify(groups).addMember(new GroupId(group), UserId.of(user));
    }

    @Test
    void aCallWithoutATokenIs401AsAProblem() throws Exception {
        mvc.perform(get("/api/groups"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"));

        verify(groups, never()).list();
    }
}
