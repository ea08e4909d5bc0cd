/**
 * Mappings of profile-service that it no longer uses, kept to run for real what they did: the previous release's code
 * beside the current one's on a schema between two migrations (docs/migrations.md). They live outside {@code
 * org.usermodels.profile}, so the service never maps them: a test builds a session factory of its own.
 */
@NullMarked
package org.usermodels.lab;

import org.jspecify.annotations.NullMarked;
