package org.usermodels.platform.testsupport.archfixture.shaped.greeting;

/** Fixture: a package-private repository. */
interface Greetings extends org.springframework.data.repository.Repository<Greeting, Long> {}
