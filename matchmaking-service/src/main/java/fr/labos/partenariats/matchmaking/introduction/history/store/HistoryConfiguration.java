package fr.labos.partenariats.matchmaking.introduction.history.store;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/** The history's recorder runs in the appending transaction; the signing key comes from a secret file. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryProperties.class)
class HistoryConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryConfiguration.class);

    /**
     * A subscribing processor: the recorder runs in the unit of work that appends the event, in its transaction. Its
     * errors propagate, so that an event that cannot be hashed is not committed either (Axon's default would log the
     * failure and commit the event without its hash).
     */
    @Bean
    ConfigurerModule historyRecordedInTheAppendingTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(HistoryRecorder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(HistoryRecorder.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(HistoryRecorder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    SigningKey treeHeadSigningKey(HistoryProperties properties) throws IOException {
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            LOG.warn("Aucune clé de signature de l'historique (INTRODUCTION_LOG_SIGNING_KEY) : clé éphémère, les têtes "
                    + "signées ne seront plus vérifiables après un redémarrage");
            return SigningKey.generate();
        }
        SigningKey key = SigningKey.fromFile(Path.of(properties.signingKey()), properties.createSigningKey());
        LOG.info("Têtes de l'historique signées en {} par la clé {}", key.algorithm(), key.keyId());
        return key;
    }
}
