package fr.labos.partenariats.matchmaking.session.introductions;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A meeting held that could not be turned into an introduction (the database away, the introductions not read back
 * yet) is retried by the tracking processor, whose token does not pass it: Axon's default would log the failure and
 * move on, and the meeting would never be an introduction.
 */
@Configuration(proxyBeanMethods = false)
class SpeedMeetingIntroductionsConfiguration {

    @Bean
    ConfigurerModule speedMeetingIntroductionsRetried() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(SpeedMeetingIntroductions.PROCESSOR,
                        c -> PropagatingErrorHandler.instance());
    }
}
