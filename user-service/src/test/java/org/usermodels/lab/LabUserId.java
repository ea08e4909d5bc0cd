package org.usermodels.lab;

import java.util.UUID;

/** A typed id the platform registers no Hibernate type for: what a JPA converter alone would have to map. */
public record LabUserId(UUID value) {}
