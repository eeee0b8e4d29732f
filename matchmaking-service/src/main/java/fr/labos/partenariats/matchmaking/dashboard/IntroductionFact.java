package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the dashboards count of one introduction: its two sides, the posts it rests on, where it came from, its stage
 * and the dates of its milestones. Nothing about the actors themselves: that is joined at query time
 * ({@link DashboardDimensions}).
 *
 * @param source      where it came from; null if unknown
 * @param proposedDay    the day of the proposal in the lab's zone, as an epoch day: what the period filter compares
 * @param firstMetAt     the first of {@code meetingsHeldAt} (and {@code followUpOn}, {@code partnershipOn},
 *                       {@code noFitOn} the first day of their kind of outcome): the steps the funnel and breakdowns
 *                       count once per introduction
 * @param meetingsHeldAt every meeting held, which {@code periods} counts each on its day (empty: only the first known)
 * @param outcomes       every outcome recorded, likewise
 */
record IntroductionFact(String id, String actorId, String partnerActorId, List<String> postIds, IntroductionSource source,
                        IntroductionStage stage, long proposedDay, Instant proposedAt, Instant acceptedAt,
                        Instant declinedAt, Instant expiredAt, Instant withdrawnAt, Instant firstMetAt,
                        LocalDate followUpOn, LocalDate partnershipOn, LocalDate noFitOn, List<Instant> meetingsHeldAt,
                        List<RecordedOutcome> outcomes) {

    /** A fact that knows its first meeting and first outcomes of each kind only. */
    IntroductionFact(String id, String actorId, String partnerActorId, List<String> postIds, IntroductionSource source,
                     IntroductionStage stage, long proposedDay, Instant proposedAt, Instant acceptedAt,
                     Instant declinedAt, Instant expiredAt, Instant withdrawnAt, Instant firstMetAt,
                     LocalDate followUpOn, LocalDate partnershipOn, LocalDate noFitOn) {
        this(id, actorId, partnerActorId, postIds, source, stage, proposedDay, proposedAt, acceptedAt, declinedAt,
                expiredAt, withdrawnAt, firstMetAt, followUpOn, partnershipOn, noFitOn, List.of(), List.of());
    }

    /** With its meetings held and outcomes, read apart from the stored document ({@link DashboardFacts}). */
    static IntroductionFact of(IntroductionView view, ZoneId zone, List<Instant> meetingsHeldAt,
                               List<RecordedOutcome> outcomes) {
        return new IntroductionFact(view.id(), view.actorId(), view.partnerActorId(), postsOf(view.pairs()),
                view.source(), view.stage(), view.proposedAt().atZone(zone).toLocalDate().toEpochDay(),
                view.proposedAt(), view.acceptedAt(), view.declinedAt(), view.expiredAt(), view.withdrawnAt(),
                view.firstMetAt(), view.followUpOn(), view.partnershipOn(), view.noFitOn(), List.copyOf(meetingsHeldAt),
                List.copyOf(outcomes));
    }

    /** The days of its outcomes of this kind, in the order they were recorded. */
    List<LocalDate> outcomeDays(Outcome kind) {
        return outcomes.stream().filter(outcome -> outcome.outcome() == kind).map(RecordedOutcome::occurredOn).toList();
    }

    /**
     * Whether its acceptance answered the proposal, which is what the median delay from proposal to acceptance
     * measures. Not for an introduction made at a speed-meeting session: the two actors had just sat at the same
     * table, so it is proposed and accepted by both sides at the same instant, and would pull that median toward 0.
     * An introduction imported from a lab's past records did answer a proposal, on the days the records give.
     */
    boolean acceptanceAnsweredTheProposal() {
        return source != IntroductionSource.SPEED_MEETING;
    }

    /** Reached the step or a later one of the chain proposed → accepted → met → follow-up → partnership. */
    boolean reached(Step step) {
        return switch (step) {
            case PROPOSED -> true;
            case ACCEPTED -> acceptedAt != null || reached(Step.MET);
            case MET -> firstMetAt != null || reached(Step.FOLLOW_UP);
            case FOLLOW_UP -> followUpOn != null || reached(Step.PARTNERSHIP);
            case PARTNERSHIP -> partnershipOn != null;
        };
    }

    static List<String> postsOf(List<NeedOfferPair> pairs) {
        return pairs.stream().flatMap(pair -> Stream.of(pair.needId(), pair.offerId()))
                .filter(Objects::nonNull).distinct().toList();
    }
}
