package io.trinity.testing;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at {@link TestDatabase}, so no test needs its own database wiring and none can
 * accidentally start the application's persistent embedded server.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            TestDatabase.Connection db = TestDatabase.connection();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("trinityTestDatabase",
                    Map.of("spring.datasource.url", db.url(),
                            "spring.datasource.username", db.username(),
                            "spring.datasource.password", db.password(),
                            "crm.embedded-db.enabled", "false")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
