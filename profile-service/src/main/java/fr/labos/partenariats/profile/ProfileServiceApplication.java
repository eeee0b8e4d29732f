package fr.labos.partenariats.profile;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * profile-service: actors, their needs and offers, event-sourced in PostgreSQL and relayed to Kafka. Scheduling: the
 * lab team's names not seen for too long are deleted every hour.
 */
@SpringBootApplication
@EnableScheduling
public class ProfileServiceApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The configuration file is named after the service, not {@code application.yml}, because the end-to-end
     * suite runs both services in one JVM with both jars on the classpath.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProfileServiceApplication.class)
                .properties("spring.config.name=profile-service");
    }
}
