package fr.labos.partenariats.matchmaking.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long any MongoDB operation waits for a server: the driver's default (30 s) made {@code /actuator/health}
 * and every ranking request hang that long when MongoDB was away. A timeout set in {@code MONGODB_URI}
 * ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}) still wins: this runs before the URI is applied.
 */
@Configuration(proxyBeanMethods = false)
class MongoTimeouts {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer mongoClientTimeouts(
            @Value("${matchmaking.mongo.server-selection-timeout:2s}") Duration serverSelection,
            @Value("${matchmaking.mongo.connect-timeout:2s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS));
    }
}
