package org.usermodels.platform.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads {@link FreshDatabase}, {@link RealKeycloak} and {@link RecordSql} on a test class. Registered in
 * {@code META-INF/spring.factories}, so no test has to name it.
 */
final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        var database = TestContextAnnotationUtils.findMergedAnnotation(testClass, FreshDatabase.class);
        var keycloak = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealKeycloak.class);
        var recordSql = TestContextAnnotationUtils.findMergedAnnotation(testClass, RecordSql.class);
        if (database == null && keycloak == null && recordSql == null) {
            return null;
        }
        return new RealInfrastructure(database == null ? null : database.value(), keycloak != null, recordSql != null);
    }

    /**
     * Equal for equal annotations, so Spring's context cache shares a context (and its database) exactly
     * among test classes whose configuration is otherwise equal too.
     */
    private record RealInfrastructure(@Nullable String databasePurpose, boolean keycloak, boolean recordSql)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var properties = new ArrayList<String>();
            if (databasePurpose != null) {
                var server = TestPostgres.server();
                var database = TestPostgres.createServiceDatabase(databasePurpose);
                properties.add("spring.datasource.url=" + server.jdbcUrl(database.name()));
                properties.add("spring.datasource.username=" + database.app());
                properties.add("spring.datasource.password=" + database.appPassword());
                properties.add("spring.flyway.user=" + database.owner());
                properties.add("spring.flyway.password=" + database.ownerPassword());
            }
            if (keycloak) {
                var endpoint = TestKeycloak.endpoint();
                properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + endpoint.issuer());
                properties.add("usermodels.keycloak.url=" + endpoint.baseUri());
            }
            // A property the test class sets itself (@SpringBootTest(properties = ...)) wins over ours.
            var inlined = context.getEnvironment().getPropertySources().get("Inlined Test Properties");
            TestPropertyValues.of(properties.stream()
                            .filter(property -> inlined == null
                                    || !inlined.containsProperty(property.substring(0, property.indexOf('='))))
                            .toList())
                    .applyTo(context);
            if (recordSql) {
                var recorder = new SqlRecorder();
                context.getBeanFactory().registerSingleton("sqlRecorder", recorder);
                context.getBeanFactory().addBeanPostProcessor(recorder.dataSourceWrapper());
            }
        }
    }
}
