package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.NeedOfferPair;

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
 * @param proposedDay the day of the proposal in the lab's zone, as an epoch day: what the period filter compares
 */
record IntroductionFact(String id, String actorId, String partnerActorId, List<String> postIds, IntroductionSource source,
                        IntroductionStage stage, long proposedDay, Instant proposedAt, Instant acceptedAt,
                        Instant declinedAt, Instant expiredAt, Instant withdrawnAt, Instant firstMetAt,
                        LocalDate followUpOn, LocalDate partnershipOn, LocalDate noFitOn) {

    static IntroductionFact of(IntroductionView view, ZoneId zone) {
        return new IntroductionFact(view.id(), view.actorId(), view.partnerActorId(), postsOf(view.pairs()),
                view.source(), view.stage(), view.proposedAt().atZone(zone).toLocalDate().toEpochDay(),
                view.proposedAt(), view.acceptedAt(), view.declinedAt(), view.expiredAt(), view.withdrawnAt(),
                view.firstMetAt(), view.followUpOn(), view.partnershipOn(), view.noFitOn());
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
