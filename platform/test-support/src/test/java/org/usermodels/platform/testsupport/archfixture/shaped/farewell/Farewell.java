package org.usermodels.platform.testsupport.archfixture.shaped.farewell;

/** Fixture: a second feature, which depends on nothing. */
public record Farewell(String text) {}
