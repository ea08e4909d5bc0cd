package org.usermodels.platform.testsupport.archfixture.shaped.greeting;

/** Fixture: a package-private controller that answers with a read model. */
@org.springframework.web.bind.annotation.RestController
class GreetingController {
    GreetingView greeting() {
        return new GreetingView("hello");
    }

    record GreetingView(String text) {}
}
