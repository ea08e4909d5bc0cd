/**
 * How the services' typed ids meet Hibernate: each is stored as the {@code uuid} it wraps, so the SQL is byte
 * for byte that of a plain {@code UUID} column while every entity, repository and query speaks of a
 * {@code UserId} or a {@code TenantId} (docs/model-classes.md, "Typed ids and values").
 */
@NullMarked
package org.usermodels.platform.persistence;

import org.jspecify.annotations.NullMarked;
