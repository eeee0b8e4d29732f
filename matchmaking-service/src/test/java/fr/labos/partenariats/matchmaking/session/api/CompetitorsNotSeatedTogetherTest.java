package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.session.pairs.EarlierMeetings;
import fr.labos.partenariats.matchmaking.session.pairs.SessionPairs;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Two participants declined as competitors a moment ago, while the decline has not reached the matcher's reading of the
 * introduction events (the broker or the relay away): the session's plan sets their pair aside all the same, from
 * what the introduction wrote down.
 */
class CompetitorsNotSeatedTogetherTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPairWrittenDownAsSetAsideIsNotWeighedForTheSession() {
        SessionState session = new SessionState();
        session.apply(new SessionPlannedEvent("s-1", "Rencontres de l'emploi",
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), "Grenoble", LocalDate.of(2026, 12, 15),
                LocalTime.of(9, 0), 3, 12, 2, "u-facilitator", NOW));
        for (String actor : new String[]{"epicerie", "superette", "ressourcerie"}) {
            session.apply(new ParticipantRegisteredEvent("s-1", actor, "Organisation " + actor, NOW));
        }
        IntroducedPairs heardNothing = mock(IntroducedPairs.class);
        when(heardNothing.awaitCaughtUp(any())).thenReturn(true);
        when(heardNothing.lasting()).thenReturn(actorId -> Set.of());
        LastingPairs lastingPairs = mock(LastingPairs.class);
        when(lastingPairs.partnersSetAsideOf(any())).thenReturn(Map.of("epicerie", Set.of("superette"),
                "superette", Set.of("epicerie")));
        SessionScheduling scheduling = new SessionScheduling(mock(MatchingEngine.class), provider(heardNothing),
                provider(lastingPairs), provider(EarlierMeetings.NONE), Clock.systemUTC(), 0.5, 1.0, Duration.ofSeconds(1));

        SessionPairs pairs = scheduling.pairs(session);

        assertThat(pairs.setAside()).extracting(SessionPairs.SetAside::reason).containsExactly(SessionPairs.INTRODUCED);
        assertThat(pairs.setAside()).singleElement().satisfies(pair -> assertThat(Set.of(pair.actorId(),
                pair.partnerActorId())).containsExactlyInAnyOrder("epicerie", "superette"));
        assertThat(pairs.weighed()).hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> provider(T bean) {
        ObjectProvider<T> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(bean);
        when(provider.getIfAvailable(any())).thenReturn(bean);
        return provider;
    }
}
