/**
 * The lab of docs/database-design.md: a database with both services' schemas, migrated by their own scripts, and
 * a scratch schema beside them ({@code src/test/resources/lab/design}) with the designs the services weighed and
 * did not take: three layouts of the custom model, measured against each other, and tables that let through what
 * the services' own tables refuse. The tests here need PostgreSQL only: no application context, no Keycloak.
 */
@NullMarked
package org.usermodels.lab.design;

import org.jspecify.annotations.NullMarked;
