package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.schema.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knobs of the introduction views ({@code matchmaking.introduction-views.*}); retries and batch sizes are those of
 * the profile projection's consumer (same container factory and error handler).
 *
 * @param topic            the matchmaking events topic; only tests change it, to keep their runs apart
 * @param groupId          the consumer group every instance joins: each partition is applied by one instance
 * @param deadLetters      where unreadable introduction events are parked; {@code <topic>.introduction-views.DLT}
 *                         when blank (a topic of this consumer's own: other consumers of the topic park elsewhere)
 * @param rebuildFromTopic empty the views and their positions at this start and replay the topic from offset 0
 */
@ConfigurationProperties("matchmaking.introduction-views")
record IntroductionViewProperties(
        @DefaultValue(Topics.MATCHMAKING_EVENTS) String topic,
        @DefaultValue("matchmaking-introduction-views") String groupId,
        @DefaultValue("") String deadLetters,
        @DefaultValue("false") boolean rebuildFromTopic) {

    String deadLetterTopic() {
        return deadLetters == null || deadLetters.isBlank() ? topic + ".introduction-views.DLT" : deadLetters;
    }
}
