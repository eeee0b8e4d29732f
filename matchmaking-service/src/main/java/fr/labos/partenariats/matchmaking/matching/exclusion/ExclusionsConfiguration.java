package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.matchmaking.session.pairs.MeetingsHeldInSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The introduced pairs the engine leaves out ({@link IntroducedPairs}) and the meetings held at speed-meeting
 * sessions ({@link MeetingsHeldInSessions}, the sessions' earlier meetings), fed by one follower that starts with the
 * context, of {@code matchmaking.introductions.topic}: by default the topic this service's relay writes
 * ({@code lab.relay.topic}, {@code lab.matchmaking.events}), whichever instance wrote the events.
 */
@Configuration(proxyBeanMethods = false)
class ExclusionsConfiguration {

    @Bean
    IntroducedPairs introducedPairs() {
        return new IntroducedPairs();
    }

    /** The meetings held at speed-meeting sessions, read in the same pass: a session's earlier meetings. */
    @Bean
    MeetingsHeldInSessions meetingsHeldInSessions() {
        return new MeetingsHeldInSessions();
    }

    @Bean
    SmartLifecycle introducedPairsFollower(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, IntroducedPairs pairs,
                                           MeetingsHeldInSessions sessionMeetings,
                                           @Value("${matchmaking.introductions.topic:${lab.relay.topic:lab.matchmaking.events}}") String topic) {
        // With the SSL bundle, if spring.kafka.ssl.bundle names one: without it, the consumer would connect in clear.
        IntroductionEventTail tail = new IntroductionEventTail(kafka.buildConsumerProperties(sslBundles.getIfAvailable()), topic, pairs,
                sessionMeetings::apply);
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                tail.start();
                running = true;
            }

            @Override
            public void stop() {
                tail.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
