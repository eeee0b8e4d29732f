package fr.labos.partenariats.matchmaking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.ZoneId;

/** Starts matchmaking-service: the matching projection fed from Kafka and the complementarity ranking over REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MatchmakingServiceApplication {

    /**
     * Name of this service's configuration file ({@code matchmaking-service.yml}). Not {@code application.yml}: the
     * end-to-end suite runs several services in one JVM on one classpath, and each must read only its own file.
     */
    public static final String CONFIG_NAME = "matchmaking-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The way to start this service, from {@code main} as from tests and the deploy launcher. Give settings as
     * arguments, {@code builder().run("--server.port=0", "--spring.data.mongodb.uri=...")}: arguments outrank
     * {@code matchmaking-service.yml}, whereas {@code builder().properties(...)} sets defaults that the file overrides.
     * The config name itself travels as a default property rather than a system property so that it does not leak
     * into another service in the same JVM.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MatchmakingServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /** "Today" decides which posts have expired; labs are French, so it is today in the configured zone (Paris). */
    @Bean
    Clock clock(@Value("${matchmaking.zone:Europe/Paris}") ZoneId zone) {
        return Clock.system(zone);
    }
}
