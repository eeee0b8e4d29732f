package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.introduction.command.PairAlreadyInIntroduction;
import fr.labos.partenariats.matchmaking.introduction.command.PairSetAsideForGood;
import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.MatchSnapshots;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A facilitator's batch of matcher proposals for a territory: for every actor whose home commune lies in it and that
 * the facilitator may act for (in id order), its top {@code N} partners as the matcher ranks them today, leaving out the pairs it will never propose
 * again (declined as competitor or already partners, partnership formed); each of the N with no introduction in
 * progress is proposed as a {@code MATCHER} introduction that freezes the best pair's score, components, sentence and
 * model version, and the others are skipped, with the reason.
 *
 * <p>So running it twice proposes nothing new: the same top N now have introductions in progress. Before the first
 * run's proposals came back from the topic, the ids decide: the id of a proposal is derived from the pair and every
 * introduction the pair had, so the second run computes the same ids, which the event store refuses (skipped as
 * already proposed) instead of opening a second introduction. A pair proposed earlier in the same batch (seen from
 * its other side) is skipped too.
 */
@Service
public class BatchProposals {

    /** The greatest N a batch takes. */
    public static final int MAX_PER_ACTOR = 10;
    private static final int PAIRS_FROZEN = 3;
    /** Set-aside reasons that count among an actor's top N (the pair is being introduced), unlike lasting ones. */
    private static final Set<ExclusionReason> IN_PROGRESS =
            EnumSet.of(ExclusionReason.OPEN_INTRODUCTION, ExclusionReason.INTRODUCED);

    private final MatchingEngine engine;
    private final IntroducedPairs introducedPairs;
    private final LastingPairs lastingPairs;
    private final ProjectionReader projection;
    private final TerritoryDirectory territories;
    private final ActorAccess access;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration readyTimeout;

    BatchProposals(MatchingEngine engine, IntroducedPairs introducedPairs, LastingPairs lastingPairs,
                   ProjectionReader projection, TerritoryDirectory territories, ActorAccess access,
                   CommandGateway commands, Clock clock,
                   @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.engine = engine;
        this.introducedPairs = introducedPairs;
        this.lastingPairs = lastingPairs;
        this.projection = projection;
        this.territories = territories;
        this.access = access;
        this.commands = commands;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
    }

    /** Proposes the batch; the territory must be known and the principal allowed to ask for it (checked before). */
    public BatchReport propose(LabPrincipal principal, TerritoryRef territory, int perActor) {
        if (!engine.awaitReady(readyTimeout) || !introducedPairs.awaitCaughtUp(readyTimeout)) {
            throw new IndexNotReadyException();
        }
        LocalDate today = LabCalendar.today(clock);
        List<ActorEntry> actors = projection.allActors().stream()
                .filter(actor -> actor.homeTerritory() != null
                        && territories.contains(territory, TerritoryRef.commune(actor.homeTerritory())))
                // An intercommunality across a border lies in each of its départements: a facilitator of one asks for
                // it, and proposes for its actors on that side only — those it may act for, and so follow up, withdraw.
                .filter(actor -> access.mayActFor(principal, actor))
                .sorted(Comparator.comparing(ActorEntry::id))
                .toList();
        Proposer proposer = new Proposer(principal.subject(), principal.role().name());
        Tally tally = new Tally();
        for (ActorEntry actor : actors) {
            // Enough to find perActor partners past those set aside, as the matcher read them or as written down.
            Set<String> setAside = new HashSet<>(introducedPairs.excludedPartnersOf(actor.id()));
            setAside.addAll(lastingPairs.partnersSetAsideOf(List.of(actor.id())).getOrDefault(actor.id(), Set.of()));
            int limit = Math.min(perActor + setAside.size(), 100);
            // Set-aside pairs kept in the ranking, so that the report can say which top partners were skipped and why.
            List<Partner> ranked = engine.partnersOf(actor.id(), RankingFilter.none().keepingSetAside(true), today,
                    limit, PAIRS_FROZEN).orElse(List.of());
            int considered = 0;
            for (Partner partner : ranked) {
                if (considered == perActor) {
                    break;
                }
                String partnerId = partner.actor().id();
                Optional<IntroducedPairs.SetAside> aside = setAside(actor.id(), partnerId);
                if (aside.isPresent()) {
                    // A pair never to be proposed again is left out, as the matcher's rankings leave it: neither among
                    // the top N nor said skipped. One in progress is among them, skipped with its reason.
                    if (IN_PROGRESS.contains(aside.get().reason())) {
                        tally.skip(aside.get().reason().name(), aside.get().reason().label());
                        considered++;
                    }
                    continue;
                }
                considered++;
                if (tally.alreadyInBatch(actor.id(), partnerId)) {
                    tally.skip(SkipReason.PROPOSED_IN_THIS_BATCH.name(), SkipReason.PROPOSED_IN_THIS_BATCH.label);
                } else {
                    String id = propose(actor.id(), partner, proposer);
                    if (id != null) {
                        tally.proposed(new BatchReport.Proposal(id, actor.id(), partnerId, partner.score()));
                    } else {
                        tally.skip(SkipReason.ALREADY_PROPOSED.name(), SkipReason.ALREADY_PROPOSED.label);
                    }
                }
            }
            // No partner but those never proposed again: none at all, as the actor's rankings say.
            if (ranked.stream().allMatch(partner -> setAside(actor.id(), partner.actor().id())
                    .filter(aside -> !IN_PROGRESS.contains(aside.reason())).isPresent())) {
                tally.withoutPartner++;
            }
        }
        return new BatchReport(territory, perActor, actors.size(), tally.proposals.size(), tally.withoutPartner,
                tally.skipped.values().stream().toList(), tally.proposals);
    }

    /**
     * As the matcher reads it from the introduction events in memory; else as the introductions wrote it down when
     * set aside for as long as the reason lasts, which a batch run while those events have not reached this instance
     * (the broker or the relay away) must not miss: a competitor refused for good is never proposed again.
     */
    private Optional<IntroducedPairs.SetAside> setAside(String actorId, String partnerId) {
        return introducedPairs.between(actorId, partnerId).or(() -> lastingPairs.between(actorId, partnerId));
    }

    /**
     * Sends the proposal; its id, or null if the event store already holds an introduction of that id, or one of the
     * same pair waiting for its answers.
     */
    private String propose(String actorId, Partner partner, Proposer proposer) {
        Match best = partner.pairs().get(0);
        String id = proposalId(actorId, partner.actor().id());
        List<NeedOfferPair> pairs = partner.pairs().stream()
                .map(match -> new NeedOfferPair(match.need().id(), match.offer().id())).toList();
        try {
            commands.sendAndWait(new ProposeIntroductionCommand(id, IntroductionSource.MATCHER, actorId,
                    partner.actor().id(), pairs, MatchSnapshots.of(best), proposer,
                    note("Proposition du lot de mise en relation : " + partner.sentence())));
            return id;
        } catch (AggregateStreamCreationException | ConcurrencyException | PairAlreadyInIntroduction alreadyThere) {
            // Proposed by a previous batch, or by someone else, and not yet read back from the topic.
            return null;
        } catch (PairSetAsideForGood setAsideMeanwhile) {
            // Declined for good, or become partners, since the pair was looked at: left out, as the rankings would.
            return null;
        }
    }

    /**
     * The sentence quotes two actors' names and their posts' titles: long ones could take it past the longest note an
     * introduction keeps, which would refuse the proposal and stop the batch. Cut, it still says why.
     */
    static String note(String text) {
        if (text.length() <= IntroductionRules.MAX_NOTE) return text;
        int end = IntroductionRules.MAX_NOTE - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // not half a character
        return text.substring(0, end) + "…";
    }

    /**
     * The same for the same pair until an introduction of it comes back from the topic; then a new one, never one the
     * pair had. Derived from every introduction of the pair, not from the one read last: rebuilt from the topic, an
     * instance may read a pair's introductions in another order (they lie on different partitions), and an id derived
     * from an earlier one would be that of a later proposal, which the event store refuses for ever after.
     */
    private String proposalId(String actorId, String partnerId) {
        ActorPair pair = ActorPair.of(actorId, partnerId);
        String after = String.join(",", introducedPairs.introductionsBetween(actorId, partnerId));
        return UUID.nameUUIDFromBytes(("matcher-batch|" + pair.first() + "|" + pair.second() + "|" + after)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Why a top partner was not proposed, besides the reasons of the introduced pairs. */
    enum SkipReason {
        PROPOSED_IN_THIS_BATCH("déjà proposée dans ce lot, depuis l'autre acteur"),
        ALREADY_PROPOSED("déjà proposée (par un lot précédent ou à l'instant), pas encore relue du journal");

        final String label;

        SkipReason(String label) {
            this.label = label;
        }
    }

    /** Counts of one batch. */
    private static final class Tally {
        final Map<String, BatchReport.Skipped> skipped = new TreeMap<>();
        final List<BatchReport.Proposal> proposals = new ArrayList<>();
        final Set<Set<String>> pairs = new HashSet<>();
        int withoutPartner;

        void skip(String reason, String label) {
            skipped.merge(reason, new BatchReport.Skipped(reason, label, 1),
                    (a, b) -> new BatchReport.Skipped(reason, label, a.count() + 1));
        }

        boolean alreadyInBatch(String actorId, String partnerId) {
            return pairs.contains(Set.of(actorId, partnerId));
        }

        void proposed(BatchReport.Proposal proposal) {
            proposals.add(proposal);
            pairs.add(Set.of(proposal.actorId(), proposal.partnerId()));
        }
    }
}
