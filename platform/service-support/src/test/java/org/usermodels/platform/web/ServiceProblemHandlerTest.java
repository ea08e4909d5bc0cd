package org.usermodels.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.domain.IllegalTransition;

/** What the advice answers for a domain's refusal, through Spring MVC's own exception resolution. */
class ServiceProblemHandlerTest {

    @RestController
    static class Tenants {
        @GetMapping("/suspend")
        String suspend() {
            throw new IllegalTransition("tenant", "SUSPENDED", "be suspended");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Tenants())
            .setControllerAdvice(new ServiceProblemHandler())
            .build();

    @Test
    void anIllegalTransitionIsAConflictThatSaysWhatTheAggregateIs() throws Exception {
        mvc.perform(get("/suspend"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Illegal change of state"))
                .andExpect(jsonPath("$.detail").value("This tenant is suspended and cannot be suspended."))
                .andExpect(jsonPath("$.state").value("SUSPENDED"));
    }
}
