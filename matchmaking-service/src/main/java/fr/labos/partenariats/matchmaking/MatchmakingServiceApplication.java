package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.schema.common.LabCalendar;
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

    /**
     * "Today" decides which posts have expired, which week a dashboard counts an introduction in, the hours of a
     * session's exports: the lab's day, in the zone every rule of a day takes (an outcome's, an answer period's here,
     * a post's in profile-service). Not a setting: a clock on another zone than the rules would tell another day.
     * The setting there was ({@code matchmaking.zone}) is refused if set to anything else, rather than ignored.
     */
    @Bean
    Clock clock(@Value("${matchmaking.zone:}") String formerSetting) {
        if (!formerSetting.isBlank() && !ZoneId.of(formerSetting).equals(LabCalendar.ZONE)) {
            throw new IllegalStateException("matchmaking.zone (MATCHMAKING_ZONE) is no longer a setting: the labs' "
                    + "rules take their days in " + LabCalendar.ZONE + "; unset it (it is " + formerSetting + ")");
        }
        return Clock.system(LabCalendar.ZONE);
    }
}
