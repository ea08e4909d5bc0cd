package org.usermodels.platform.testsupport.archfixture.leaky;

/** Fixture: a public controller that answers with an entity. */
@org.springframework.web.bind.annotation.RestController
public class PublicController {
    PublicEntity entity() {
        return new PublicEntity();
    }
}
