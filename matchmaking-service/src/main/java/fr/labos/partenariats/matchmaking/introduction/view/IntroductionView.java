package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One introduction as its readers see it (collection {@value #COLLECTION}): its current stage, the grounds of the
 * proposal, the dates of its milestones (what dashboards count) and its timeline, every step with who took it. Built
 * only from the events of {@code lab.matchmaking.events}, so that a replay from offset 0 builds it again identically.
 * Mutable: {@link IntroductionViewChanges} applies events to it in memory before it is written back whole.
 */
@Document(IntroductionView.COLLECTION)
public class IntroductionView {

    public static final String COLLECTION = "introductionViews";
    /** Where the consumer keeps how far it got in each partition, written after the views it covers. */
    public static final String POSITIONS = "introductionViewPositions";
    /** Milliseconds since the epoch at which this instance last wrote the document: what other instances poll. */
    public static final String TOUCHED_AT = "touchedAt";

    @Id
    String id;
    /** The last sequence applied; an event at or below it is a redelivery and changes nothing. */
    long sequence = -1;
    IntroductionStage stage;
    IntroductionSource source;
    String actorId;
    String partnerActorId;
    /** The subject of the principal who proposed it, as the proposal states it: who may withdraw it. */
    String proposerSubject;
    List<NeedOfferPair> pairs = new ArrayList<>();
    Double score;
    String modelVersion;
    String sentence;
    String note;
    Instant answerBy;
    List<String> acceptedBy = new ArrayList<>();
    Instant proposedAt;
    Instant acceptedAt;
    Instant declinedAt;
    Instant expiredAt;
    Instant withdrawnAt;
    Instant firstMetAt;
    /** When its latest meeting held started (the follow-up list counts « no outcome » from it); null before one. */
    Instant lastMetAt;
    LocalDate followUpOn;
    LocalDate partnershipOn;
    LocalDate noFitOn;
    LocalDate partnershipEndedOn;
    /**
     * The last day something happened to the introduction: a step of its two actors (the day it was recorded) or an
     * outcome (the day it happened); a facilitator's reminder is not news. What « nothing new since » counts from. Absent
     * from views written before it was kept (their earliest follow-up stands in, until a rebuild from the topic).
     */
    LocalDate lastNewsOn;
    List<MeetingEntry> meetings = new ArrayList<>();
    /** The last reminder a facilitator noted, if any: what the follow-up list shows beside a line. */
    ReminderEntry lastReminder;
    List<TimelineStep> steps = new ArrayList<>();
    Instant lastStepAt;
    long touchedAt;

    public String id() {
        return id;
    }

    public IntroductionStage stage() {
        return stage;
    }

    public IntroductionSource source() {
        return source;
    }

    public String actorId() {
        return actorId;
    }

    public String partnerActorId() {
        return partnerActorId;
    }

    public List<NeedOfferPair> pairs() {
        return List.copyOf(pairs);
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant declinedAt() {
        return declinedAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Instant firstMetAt() {
        return firstMetAt;
    }

    public LocalDate followUpOn() {
        return followUpOn;
    }

    public LocalDate partnershipOn() {
        return partnershipOn;
    }

    public LocalDate noFitOn() {
        return noFitOn;
    }

    public long touchedAt() {
        return touchedAt;
    }

    /**
     * Who proposed it. A view written before it kept the proposer has the subject of its first step instead: the
     * principal that sent the proposal, the one the proposal names.
     */
    String proposer() {
        if (proposerSubject != null || steps.isEmpty()) {
            return proposerSubject;
        }
        return steps.get(0).subject();
    }

    /** Is it waiting for this side's answer: proposed, and this side has not accepted yet. */
    boolean waitsFor(String actor) {
        return stage == IntroductionStage.PROPOSED && !acceptedBy.contains(actor)
                && (actor.equals(actorId) || actor.equals(partnerActorId));
    }

    /**
     * A meeting of the introduction and what became of it; a missed one names the side that did not come, when whoever
     * recorded it said so (null otherwise, and for views written before it was kept).
     */
    record MeetingEntry(String meetingId, Instant startsAt, String location, String status, Instant recordedAt,
                        String absentActorId) {
    }

    /** A facilitator's reminder: when, how, and to which side (null: both). */
    record ReminderEntry(Instant at, ReminderChannel channel, String remindedActorId) {
    }

    /**
     * One step of the timeline: what happened, when (the time the event states), who acted (principal headers) and
     * the step's own details; fields that do not apply are null.
     */
    record TimelineStep(long sequence, String type, String what, Instant at, String subject, String role,
                        String actingFor, String actorId, String reason, String reasonLabel, String text,
                        String outcome, String outcomeLabel, LocalDate occurredOn, String form, String category,
                        String meetingId, Instant startsAt, String location) {
    }
}
