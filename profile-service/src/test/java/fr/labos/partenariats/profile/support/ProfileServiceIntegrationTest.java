package fr.labos.partenariats.profile.support;

import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.profile.ProfileServiceApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * profile-service on real infrastructure: PostgreSQL 17 (embedded binaries) and a Kafka broker (KRaft,
 * in-process), trusting the tokens of {@link TestTokens}. One annotation so that every integration test shares one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability // test contexts switch metrics export off by default; the tests check it is on
@SpringBootTest(classes = ProfileServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Rate limits are tested in a context of their own; here they would only make test order matter.
        properties = {"spring.config.name=profile-service", "lab.limits.rate.enabled=false"})
@ContextConfiguration(initializers = {EmbeddedPostgresInitializer.class, TestTokens.Initializer.class})
@EmbeddedKafka(kraft = true, partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface ProfileServiceIntegrationTest {
}
