package fr.labos.partenariats.platform.relay;

import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's processor reads the events as stored, in the group RelayProperties names, its default included. */
class RelayProcessingGroupTest {

    @Test
    void theDefaultGroupIsRelayPropertiesOwn() {
        EventProcessorProperties processors = processors("kafka-relay", "other");
        readsAsStored(new MockEnvironment().withProperty("lab.relay.topic", "lab.test.events"), processors);

        assertThat(processors.getProcessors().get("kafka-relay").getSource()).isEqualTo(EventRelayAutoConfiguration.SOURCE_BEAN);
        assertThat(processors.getProcessors().get("other").getSource()).isNull();
    }

    @Test
    void aGroupSetInTheConfigurationIsTheOneThatReadsAsStored() {
        EventProcessorProperties processors = processors("kafka-relay", "other");
        readsAsStored(new MockEnvironment().withProperty("lab.relay.topic", "lab.test.events")
                .withProperty("lab.relay.processing-group", "other"), processors);

        assertThat(processors.getProcessors().get("other").getSource()).isEqualTo(EventRelayAutoConfiguration.SOURCE_BEAN);
        assertThat(processors.getProcessors().get("kafka-relay").getSource()).isNull();
    }

    private static EventProcessorProperties processors(String... groups) {
        EventProcessorProperties processors = new EventProcessorProperties();
        for (String group : groups) {
            EventProcessorProperties.ProcessorSettings settings = new EventProcessorProperties.ProcessorSettings();
            settings.setMode(EventProcessorProperties.Mode.POOLED);
            processors.getProcessors().put(group, settings);
        }
        return processors;
    }

    private static void readsAsStored(MockEnvironment environment, EventProcessorProperties processors) {
        BeanPostProcessor postProcessor = EventRelayAutoConfiguration.eventRelayReadsAsStored(environment);
        postProcessor.postProcessAfterInitialization(processors, "eventProcessorProperties");
    }
}
