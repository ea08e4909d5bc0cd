/**
 * Mappings usermodels tried and rejected, or weighed and left, kept to provoke for real the SQL they emit, which the
 * chapters show next to the SQL of what the service does instead. They live outside {@code org.usermodels.user}, so the
 * service never maps them: a test builds a session factory of its own over the service's database.
 */
@NullMarked
package org.usermodels.lab;

import org.jspecify.annotations.NullMarked;
