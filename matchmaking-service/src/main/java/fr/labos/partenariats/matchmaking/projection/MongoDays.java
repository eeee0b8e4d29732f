package fr.labos.partenariats.matchmaking.projection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How the read models store days and times: with the MongoDB driver's own codecs, so that a day ({@code LocalDate}: an
 * outcome's day, a partnership's) is a BSON date at midnight UTC, whatever the zone of the JVM that writes or reads it.
 * Spring Data's default wrote a day at midnight in the writer's zone and read it in the reader's: an instance on Paris
 * time stored 1 March as 28 February 23:00 UTC, which an instance on UTC read as 28 February — and wrote back so, the
 * introduction views being written whole. Instants are stored as before (a BSON date).
 *
 * <p>Views written by an instance whose JVM was not on UTC hold days shifted that way: rebuild them from the topic
 * ({@code matchmaking.introduction-views.rebuild-from-topic}).
 */
@Configuration(proxyBeanMethods = false)
public class MongoDays {

    /** Replaces Spring Boot's default (no custom conversion) for the service's template. */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /** The conversions the service's template uses; public for tests that build their own template. */
    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
