package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.matchmaking.projection.kafka.ProfileEventTail;
import fr.labos.partenariats.matchmaking.support.IndexFixture;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When the index says it is ready: at once when it loaded the projection's documents (they hold everything before the
 * positions it follows the topic from); only once it has read what the topic held when there are no positions (the
 * projection rebuilt from the topic, its documents just dropped, or its first start) — before that, a ranking is a 503
 * « chargement », not a 404 for a post that exists.
 */
class IndexFollowsProjectionReadyTest {

    private static final String TOPIC = "lab.profile.events";

    private final MatchingIndex index = new MatchingIndex(new MatchingEngine(ComplementarityWeights.defaults(),
            IndexFixture.TERRITORIES, IndexFixture.TEXT, LabCalendar.ZONE, PairExclusions.NONE));
    private final ProfileEventTail tail = mock(ProfileEventTail.class);
    private final ProjectionPositions positions = mock(ProjectionPositions.class);
    private final ProjectionReader documents = mock(ProjectionReader.class);
    private final IndexFollowsProjection follows = new IndexFollowsProjection(index,
            Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), LabCalendar.ZONE), positions, tail);

    IndexFollowsProjectionReadyTest() {
        when(tail.topic()).thenReturn(TOPIC);
        when(documents.allActors()).thenReturn(List.of());
        when(documents.open(any(), any())).thenReturn(List.of());
    }

    @Test
    void withoutPositionsTheIndexIsReadyOnlyOnceTheTailHasReadWhatTheTopicHeld() {
        when(positions.read(TOPIC)).thenReturn(Map.of());

        follows.reload(documents);

        assertThat(index.isReady()).as("the topic not read yet").isFalse();
        ArgumentCaptor<Runnable> caughtUp = ArgumentCaptor.forClass(Runnable.class);
        verify(tail).follow(eq(Map.of()), any(), caughtUp.capture());
        caughtUp.getValue().run();
        assertThat(index.isReady()).isTrue();
    }

    /**
     * Replayed from the topic, posts long expired enter the index: they are let go before it is ready, so that the text
     * statistics of its first rankings count the posts open today, as a load from the documents does.
     */
    @Test
    void postsExpiredBeforeTheReplayEndedAreLetGoBeforeTheIndexIsReady() {
        when(positions.read(TOPIC)).thenReturn(Map.of());
        follows.reload(documents);
        Instant written = Instant.parse("2025-01-06T10:00:00Z");
        follows.apply(new ProfileEvent("e1", "NeedRegisteredEvent", "n-old", 0, written, new NeedRegisteredEvent("n-old",
                "a1", Posts.post(ResourceCategory.FUNDING).validUntil(LocalDate.of(2025, 6, 30)).build(), written)));
        follows.apply(new ProfileEvent("e2", "NeedRegisteredEvent", "n-open", 0, written, new NeedRegisteredEvent("n-open",
                "a1", Posts.post(ResourceCategory.FUNDING).validUntil(LocalDate.of(2027, 6, 30)).build(), written)));
        assertThat(index.statistics().needs()).isEqualTo(2);

        ArgumentCaptor<Runnable> caughtUp = ArgumentCaptor.forClass(Runnable.class);
        verify(tail).follow(eq(Map.of()), any(), caughtUp.capture());
        caughtUp.getValue().run();

        assertThat(index.statistics().needs()).as("the expired need let go").isEqualTo(1);
        assertThat(index.isReady()).isTrue();
    }

    @Test
    void fromTheProjectionsPositionsTheIndexIsReadyOnceTheDocumentsAreLoaded() {
        when(positions.read(TOPIC)).thenReturn(Map.of(0, 42L));

        follows.reload(documents);

        assertThat(index.isReady()).isTrue();
        verify(tail).follow(eq(Map.of(0, 42L)), any());
    }
}
