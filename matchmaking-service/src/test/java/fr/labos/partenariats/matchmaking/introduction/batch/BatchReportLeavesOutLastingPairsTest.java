package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.model.Actor;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The batch's report says what its proposals did: a pair never to be proposed again (declined as competitors or as
 * partners already, a partnership formed) is left out as the matcher's rankings leave it — not « skipped » among the
 * top N — and an actor whose only partners are such pairs is one without a partner, the actors a facilitator looks for.
 */
class BatchReportLeavesOutLastingPairsTest {

    private static final TerritoryRef ISERE = new TerritoryRef("38", TerritoryLevel.DEPARTEMENT);
    private static final LabPrincipal FACILITATOR = new LabPrincipal("u-facilitator", LabRole.FACILITATOR, Set.of(ISERE),
            Set.of());
    private static final ActorEntry ALONE = new ActorEntry("a-seule", "Épicerie solidaire", ActorType.ASSOCIATION, "38185",
            List.of(), List.of(), null, Instant.EPOCH, 0, Instant.EPOCH, Set.of());

    private final MatchingEngine engine = mock(MatchingEngine.class);
    private final IntroducedPairs introducedPairs = mock(IntroducedPairs.class);
    private final ProjectionReader projection = mock(ProjectionReader.class);
    private final ActorAccess access = mock(ActorAccess.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final LastingPairs lastingPairs = mock(LastingPairs.class);
    private final BatchProposals batch = new BatchProposals(engine, introducedPairs, lastingPairs, projection,
            TerritoryDirectory.official(), access, commands, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            Duration.ofSeconds(1));

    @BeforeEach
    void anActorWhoseOnlyPartnerDeclinedItAsACompetitor() {
        when(engine.awaitReady(any())).thenReturn(true);
        when(introducedPairs.awaitCaughtUp(any())).thenReturn(true);
        when(projection.allActors()).thenReturn(List.of(ALONE));
        when(access.mayActFor(FACILITATOR, ALONE)).thenReturn(true);
        when(introducedPairs.excludedPartnersOf("a-seule")).thenReturn(Set.of("b-concurrent"));
        Partner competitor = new Partner(new Actor("b-concurrent", "Supérette du quartier", ActorType.COMPANY), 0.8, 0.8,
                0.0, false, 1, List.of(), "Une offre pour votre besoin");
        when(engine.partnersOf(eq("a-seule"), any(), any(), anyInt(), anyInt())).thenReturn(Optional.of(List.of(competitor)));
        when(introducedPairs.between("a-seule", "b-concurrent"))
                .thenReturn(Optional.of(new IntroducedPairs.SetAside(ExclusionReason.DECLINED_COMPETITOR, "i-declined")));
    }

    @Test
    void aPairDeclinedForGoodIsNeitherProposedNorSkippedAndItsActorHasNoPartner() {
        BatchReport report = batch.propose(FACILITATOR, ISERE, 3);

        assertThat(report.actors()).isEqualTo(1);
        assertThat(report.proposed()).isZero();
        assertThat(report.skipped()).as("nothing of the top N was skipped: there is none").isEmpty();
        assertThat(report.actorsWithoutPartner()).isEqualTo(1);
        verifyNoInteractions(commands);
    }

    /**
     * The decline has not reached this instance (the broker or the relay away): what the introduction wrote down in
     * its own transaction still leaves the pair out.
     */
    @Test
    void aPairDeclinedForGoodThatTheMatcherHasNotHeardOfIsNotProposedEither() {
        when(introducedPairs.between("a-seule", "b-concurrent")).thenReturn(Optional.empty());
        when(introducedPairs.excludedPartnersOf("a-seule")).thenReturn(Set.of());
        when(lastingPairs.between("a-seule", "b-concurrent"))
                .thenReturn(Optional.of(new IntroducedPairs.SetAside(ExclusionReason.DECLINED_COMPETITOR, "i-declined")));

        BatchReport report = batch.propose(FACILITATOR, ISERE, 3);

        assertThat(report.proposed()).isZero();
        assertThat(report.actorsWithoutPartner()).isEqualTo(1);
        verifyNoInteractions(commands);
    }
}
