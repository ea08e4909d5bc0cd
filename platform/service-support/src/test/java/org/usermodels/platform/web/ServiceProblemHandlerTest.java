package org.usermodels.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
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

        @GetMapping("/primary")
        String primary() {
            throw new DataIntegrityViolationException(
                    "could not execute statement",
                    new SQLException("conflicting key value violates exclusion constraint", "23P01"));
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a fault of the service");
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

    @Test
    void aConstraintThatRefusesARaceIsAConflictWithoutTheSqlMessage() throws Exception {
        mvc.perform(get("/primary"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Concurrent change"))
                .andExpect(jsonPath("$.detail").value(not(containsString("constraint"))));
    }

    @Test
    void anyOtherFaultIsA500ThatSaysNothingOfIt() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(not(containsString("fault of the service"))));
    }
}
