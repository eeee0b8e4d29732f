package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.matchmaking.support.IntroductionRecords.Principal;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import fr.labos.partenariats.schema.matching.Proposer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Introductions as the aggregate would have recorded them, event after event, with who acted: a whole lifecycle
 * (asked, accepted on both sides, met, follow-up, partnership), one still waiting, one declined, one expired, one
 * withdrawn, one made at a speed-meeting session, one imported from past records, or built step by step (accepted,
 * met, outcomes in the order they are recorded). Times are given so that dashboards can be checked by week and month.
 */
public final class IntroductionStories {

    public static final ZoneId PARIS = LabCalendar.ZONE;

    private final List<Told> events = new ArrayList<>();

    /** One event of an introduction, at its sequence, and who acted. */
    public record Told(String introductionId, long sequence, Object event, Instant at, Principal principal) {

        public ProducerRecord<String, String> record(String topic) {
            return IntroductionRecords.record(topic, introductionId, sequence, event, at, principal);
        }
    }

    public List<Told> events() {
        return List.copyOf(events);
    }

    public List<Told> of(String introductionId) {
        return events.stream().filter(told -> told.introductionId().equals(introductionId)).toList();
    }

    public static Principal member(String subject, String actorId) {
        return new Principal(subject, "ACTOR_MEMBER", actorId);
    }

    public static Principal facilitator(String subject) {
        return new Principal(subject, "FACILITATOR", null);
    }

    /** Asked by a member of {@code actor}, accepted by both, met 10 days later, follow-up, partnership on day 40. */
    public IntroductionStories fullLifecycle(String id, String actor, String partner, NeedOfferPair pair, Instant t0) {
        Principal asker = member("sub-" + actor, actor);
        Principal answerer = member("sub-" + partner, partner);
        Instant meeting = t0.plus(Duration.ofDays(10));
        tell(id, proposed(id, IntroductionSource.ACTOR_REQUEST, actor, partner, List.of(pair), asker, "Rencontre souhaitée", t0), t0, asker);
        tell(id, new IntroductionAcceptedEvent(id, actor, false, t0.plus(Duration.ofHours(1))), t0.plus(Duration.ofHours(1)), asker);
        tell(id, new IntroductionAcceptedEvent(id, partner, true, t0.plus(Duration.ofDays(2))), t0.plus(Duration.ofDays(2)), answerer);
        tell(id, new MeetingScheduledEvent(id, id + "-m1", meeting, "Maison des associations, Grenoble", t0.plus(Duration.ofDays(3))),
                t0.plus(Duration.ofDays(3)), asker);
        tell(id, new MeetingHeldEvent(id, id + "-m1", "Bon échange", meeting.plus(Duration.ofHours(2))),
                meeting.plus(Duration.ofHours(2)), answerer);
        tell(id, new OutcomeRecordedEvent(id, Outcome.FOLLOW_UP_PLANNED, day(t0.plus(Duration.ofDays(20))), "Deuxième rendez-vous",
                null, null, t0.plus(Duration.ofDays(20))), t0.plus(Duration.ofDays(20)), asker);
        tell(id, new OutcomeRecordedEvent(id, Outcome.PARTNERSHIP_FORMED, day(t0.plus(Duration.ofDays(40))), "Convention signée",
                PartnershipForm.RESOURCES, ResourceCategory.FUNDING, t0.plus(Duration.ofDays(41))), t0.plus(Duration.ofDays(41)), answerer);
        return this;
    }

    /** Proposed by a facilitator, no answer yet. */
    public IntroductionStories waiting(String id, String actor, String partner, Instant t0, Duration answerPeriod) {
        Principal facilitator = facilitator("sub-facilitator");
        tell(id, new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, actor, partner, List.of(), null,
                new Proposer(facilitator.subject(), facilitator.role()), "Intermédiation", t0, t0.plus(answerPeriod), null), t0, facilitator);
        return this;
    }

    /** Proposed by the matcher, declined by the partner as a competitor. */
    public IntroductionStories declined(String id, String actor, String partner, NeedOfferPair pair, Instant t0) {
        Principal facilitator = facilitator("sub-facilitator");
        tell(id, proposed(id, IntroductionSource.MATCHER, actor, partner, List.of(pair), facilitator, null, t0), t0, facilitator);
        tell(id, new IntroductionDeclinedEvent(id, partner, DeclineReason.COMPETITOR, "Nous sommes concurrents sur ce marché",
                t0.plus(Duration.ofDays(1))), t0.plus(Duration.ofDays(1)), member("sub-" + partner, partner));
        return this;
    }

    /** Proposed by the matcher, unanswered for 14 days. */
    public IntroductionStories expired(String id, String actor, String partner, NeedOfferPair pair, Instant t0) {
        Principal facilitator = facilitator("sub-facilitator");
        tell(id, proposed(id, IntroductionSource.MATCHER, actor, partner, List.of(pair), facilitator, null, t0), t0, facilitator);
        tell(id, new IntroductionExpiredEvent(id, t0.plus(Duration.ofDays(14))), t0.plus(Duration.ofDays(14)), null);
        return this;
    }

    /** Proposed by a facilitator, then withdrawn by them. */
    public IntroductionStories withdrawn(String id, String actor, String partner, Instant t0) {
        Principal facilitator = facilitator("sub-facilitator");
        tell(id, proposed(id, IntroductionSource.FACILITATOR, actor, partner, List.of(), facilitator, null, t0), t0, facilitator);
        tell(id, new IntroductionWithdrawnEvent(id, "Doublon", t0.plus(Duration.ofDays(1))), t0.plus(Duration.ofDays(1)), facilitator);
        return this;
    }

    /** Asked by a member of {@code actor}, who accepts at once; the partner accepts {@code answeredAfter} later. */
    public IntroductionStories accepted(String id, String actor, String partner, Instant t0, Duration answeredAfter) {
        Principal asker = member("sub-" + actor, actor);
        tell(id, proposed(id, IntroductionSource.ACTOR_REQUEST, actor, partner, List.of(), asker, null, t0), t0, asker);
        tell(id, new IntroductionAcceptedEvent(id, actor, false, t0), t0, asker);
        Instant answered = t0.plus(answeredAfter);
        tell(id, new IntroductionAcceptedEvent(id, partner, true, answered), answered, member("sub-" + partner, partner));
        return this;
    }

    /** A meeting of an accepted introduction, planned the day before and held at {@code startsAt}. */
    public IntroductionStories met(String id, Instant startsAt) {
        Principal facilitator = facilitator("sub-facilitator");
        String meetingId = id + "-m" + events.stream().filter(told -> told.introductionId().equals(id)).count();
        Instant planned = startsAt.minus(Duration.ofDays(1));
        tell(id, new MeetingScheduledEvent(id, meetingId, startsAt, "Maison des associations, Grenoble", planned), planned,
                facilitator);
        Instant recorded = startsAt.plus(Duration.ofHours(2));
        tell(id, new MeetingHeldEvent(id, meetingId, null, recorded), recorded, facilitator);
        return this;
    }

    /** A meeting of an accepted introduction held at {@code startsAt}, planned and held as recorded at {@code recordedAt}. */
    public IntroductionStories metAsRecorded(String id, Instant startsAt, Instant recordedAt) {
        Principal facilitator = facilitator("sub-facilitator");
        String meetingId = id + "-m" + events.stream().filter(told -> told.introductionId().equals(id)).count();
        tell(id, new MeetingScheduledEvent(id, meetingId, startsAt, "Maison des associations, Grenoble", recordedAt),
                recordedAt, facilitator);
        tell(id, new MeetingHeldEvent(id, meetingId, null, recordedAt), recordedAt, facilitator);
        return this;
    }

    /** A meeting of an accepted introduction, planned at {@code plannedAt} for {@code startsAt}, not held yet. */
    public IntroductionStories planned(String id, Instant plannedAt, Instant startsAt) {
        String meetingId = id + "-m" + events.stream().filter(told -> told.introductionId().equals(id)).count();
        tell(id, new MeetingScheduledEvent(id, meetingId, startsAt, "Maison des associations, Grenoble", plannedAt), plannedAt,
                facilitator("sub-facilitator"));
        return this;
    }

    /** A facilitator noted at {@code at} that it reminded a side ({@code remindedActorId}; null: both) by phone. */
    public IntroductionStories reminded(String id, String remindedActorId, Instant at) {
        tell(id, new IntroductionReminderRecordedEvent(id, remindedActorId, ReminderChannel.PHONE, null, at), at,
                facilitator("sub-facilitator"));
        return this;
    }

    /** What came of an introduction: on the day it happened, recorded by a facilitator at {@code recordedAt}. */
    public IntroductionStories outcome(String id, Outcome outcome, LocalDate occurredOn, Instant recordedAt) {
        boolean partnership = outcome == Outcome.PARTNERSHIP_FORMED;
        tell(id, new OutcomeRecordedEvent(id, outcome, occurredOn, null, partnership ? PartnershipForm.RESOURCES : null,
                partnership ? ResourceCategory.FUNDING : null, recordedAt), recordedAt, facilitator("sub-facilitator"));
        return this;
    }

    /**
     * Made at a speed-meeting session, as the aggregate records it: proposed, accepted by both sides and met at the
     * instant the facilitator records it ({@code recordedAt}), the meeting at the start of its round.
     */
    public IntroductionStories speedMeeting(String id, String actor, String partner, Instant roundStart, Instant recordedAt) {
        Principal facilitator = facilitator("sub-facilitator");
        String meetingId = "session-s1-tour-1";
        tell(id, new IntroductionProposedEvent(id, IntroductionSource.SPEED_MEETING, actor, partner, List.of(), null,
                new Proposer(facilitator.subject(), facilitator.role()), null, recordedAt, recordedAt, null), recordedAt,
                facilitator);
        tell(id, new IntroductionAcceptedEvent(id, actor, false, recordedAt), recordedAt, facilitator);
        tell(id, new IntroductionAcceptedEvent(id, partner, true, recordedAt), recordedAt, facilitator);
        tell(id, new MeetingScheduledEvent(id, meetingId, roundStart, "Salle des fêtes", recordedAt), recordedAt, facilitator);
        tell(id, new MeetingHeldEvent(id, meetingId, null, recordedAt), recordedAt, facilitator);
        return this;
    }

    /**
     * Imported from a lab's past records, as the aggregate records it: proposed by a facilitator and accepted by both
     * sides at the start of the days the records give (Paris time).
     */
    public IntroductionStories past(String id, String actor, String partner, LocalDate proposedOn, LocalDate acceptedOn) {
        Principal facilitator = facilitator("sub-facilitator");
        Instant proposedAt = proposedOn.atStartOfDay(PARIS).toInstant();
        Instant acceptedAt = acceptedOn.atStartOfDay(PARIS).toInstant();
        tell(id, new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, actor, partner, List.of(), null,
                new Proposer(facilitator.subject(), facilitator.role()), null, proposedAt,
                proposedAt.plus(Duration.ofDays(14)), null), proposedAt, facilitator);
        tell(id, new IntroductionAcceptedEvent(id, actor, false, acceptedAt), acceptedAt, facilitator);
        tell(id, new IntroductionAcceptedEvent(id, partner, true, acceptedAt), acceptedAt, facilitator);
        return this;
    }

    private static IntroductionProposedEvent proposed(String id, IntroductionSource source, String actor, String partner,
                                                      List<NeedOfferPair> pairs, Principal by, String note, Instant t0) {
        MatchSnapshot match = pairs.isEmpty() ? null : new MatchSnapshot("complementarity-v4", 0.82,
                Map.of("category", 1.0, "territory", 0.9), "Le besoin de financement trouve une offre de subvention en Isère.");
        return new IntroductionProposedEvent(id, source, actor, partner, pairs, match, new Proposer(by.subject(), by.role()),
                note, t0, t0.plus(Duration.ofDays(14)), null);
    }

    private void tell(String id, Object event, Instant at, Principal principal) {
        long sequence = events.stream().filter(told -> told.introductionId().equals(id)).count();
        events.add(new Told(id, sequence, event, at, principal));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(PARIS).toLocalDate();
    }
}
