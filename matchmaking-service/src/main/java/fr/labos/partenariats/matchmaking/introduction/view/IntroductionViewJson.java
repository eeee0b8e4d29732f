package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView.MeetingEntry;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView.TimelineStep;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.ReminderChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the introduction views. */
final class IntroductionViewJson {

    private IntroductionViewJson() {
    }

    /** An actor by id and name; the name is null while its profile has not reached this service. */
    record ActorRef(String id, String name) {
    }

    /** The matcher's score and sentence, frozen at the proposal. */
    record Grounds(Double score, String modelVersion, String sentence) {
    }

    /** The dates an introduction reached each step; null for steps it has not reached. */
    record Milestones(Instant proposedAt, Instant acceptedAt, Instant declinedAt, Instant expiredAt,
                      Instant withdrawnAt, Instant firstMetAt, LocalDate followUpOn, LocalDate partnershipOn,
                      LocalDate noFitOn, LocalDate partnershipEndedOn) {
    }

    /**
     * {@code GET /api/introductions/{id}}: where it stands and every step it took, and what its reader may do with it
     * now.
     */
    record Timeline(String id, String status, String statusLabel, String source, String sourceLabel, ActorRef actor,
                    ActorRef partner, List<NeedOfferPair> pairs, Grounds match, String note, Instant answerBy,
                    List<String> acceptedBy, Milestones milestones, List<MeetingEntry> meetings,
                    List<TimelineStep> steps, Permissions permissions) {
    }

    /**
     * What the reader may do with the introduction as its view stands, by the rules the write API applies, so that a
     * client offers it without a copy of them: {@code withdraw}, its proposer still acting for one of the two actors,
     * or an admin, while it waits for its answers. The write API still decides: a view trails the commands by moments.
     */
    record Permissions(boolean withdraw) {
    }

    /**
     * One line of an actor's inbox, with what a reader answers and acts on — the matcher's sentence, the note of the
     * proposal and who wrote it ({@code noteBy}, null without a note), the meetings, what the reader may do with it
     * ({@link Permissions}) — so that a page lists the inbox in one request rather than one more per introduction.
     * {@code sequence}: the introduction's last step the view took in (its events are numbered from 0), as the live
     * stream numbers them: a page told of step n reads again until its line is there.
     */
    record InboxEntry(String id, String status, String statusLabel, boolean waitingForYourAnswer, Instant answerBy,
                      String side, ActorRef partner, String source, Instant proposedAt, Instant lastStepAt,
                      String lastStep, String sentence, String note, NoteAuthor noteBy, List<MeetingEntry> meetings,
                      Permissions permissions, long sequence) {
    }

    /**
     * Who wrote the proposal's note, as its history records the proposer: a pseudonymous {@code subject} (never a
     * name: the reader's client names the people it may know), its {@code role}, and the actor it acted for if any.
     */
    record NoteAuthor(String subject, String role, String actingFor) {
    }

    /**
     * {@code GET /api/actors/{id}/introductions}: what waits for this actor's answer first, then the latest.
     * {@code byStatus} counts every introduction of the actor by stage (by slug, whatever the filter); {@code stages}
     * says the same in the lifecycle's order with each stage's French label, for a filter to offer; {@code total} is
     * the number of lines the filter keeps, of which {@code introductions} holds those from {@code offset} on, at most
     * {@code limit}.
     */
    record Inbox(String actorId, int waitingForYourAnswer, Map<String, Long> byStatus, List<StageCount> stages,
                 int total, int offset, List<InboxEntry> introductions) {
    }

    /** A stage the actor has introductions at, and how many. */
    record StageCount(String status, String label, long count) {
    }

    /**
     * {@code GET /api/introductions}: the introductions a facilitator (or an admin) follows up, those to follow first.
     * {@code toFollow} counts those with a reason to, {@code rules} says what makes one (with this lab's days),
     * {@code stages} counts all of them by stage (the territory's, when narrowed to one), {@code territories} are those
     * it may be narrowed to; {@code total} is the number of lines the filters keep, of which
     * {@code introductions} holds those from {@code offset} on.
     */
    record FollowUpList(int toFollow, List<FollowUpRule> rules, List<StageCount> stages,
                        List<TerritoryChoice> territories, int total, int offset, List<FollowUpEntry> introductions) {
    }

    /**
     * A territory the list may be narrowed to: as {@code ?territory=} takes it ({@code DEPARTEMENT:38}), its name, and
     * its level in French (« département », « région »).
     */
    record TerritoryChoice(String territory, String name, String level) {
    }

    /** A reason to follow up ({@code reason}, as lines give it), the days it counts, and the rule in French. */
    record FollowUpRule(String reason, int days, String label) {
    }

    /**
     * One introduction of the list: its two actors, where it stands, why to follow it up now (null: no need), and the
     * last reminder a facilitator noted (null: none).
     */
    record FollowUpEntry(String id, String status, String statusLabel, ActorRef actor, ActorRef partner, String source,
                         String sourceLabel, Instant proposedAt, Instant lastStepAt, String lastStep, Instant answerBy,
                         ToFollow toFollow, Reminder lastReminder) {
    }

    /** A facilitator's reminder: when, how ({@code channel}, and in French {@code label}), to whom (null: both sides). */
    record Reminder(Instant at, String channel, String label, ActorRef reminded) {
    }

    /** A reminder by a channel this release does not know (a newer release's) is a reminder all the same. */
    private static Reminder reminder(IntroductionView.ReminderEntry reminder, Map<String, String> names) {
        ReminderChannel channel = reminder.channel();
        return new Reminder(reminder.at(), channel == null ? null : channel.name(),
                channel == null ? "relance" : channel.label(), ref(reminder.remindedActorId(), names));
    }

    /** Why to follow an introduction up: {@code reason} for programs, {@code label} for people. */
    record ToFollow(String reason, String label) {
    }

    static FollowUpEntry followUpEntry(FollowUp.Followed followed, Map<String, String> names) {
        IntroductionView view = followed.view();
        FollowUp.Reason reason = followed.reason();
        return new FollowUpEntry(view.id, slug(view), label(view), ref(view.actorId, names),
                ref(view.partnerActorId, names), view.source == null ? null : view.source.name(),
                view.source == null ? null : view.source.label(), view.proposedAt, view.lastStepAt, lastStep(view),
                view.answerBy, reason == null ? null : new ToFollow(reason.kind().slug(), reason.label()),
                view.lastReminder == null ? null : reminder(view.lastReminder, names));
    }

    static Timeline timeline(IntroductionView view, Map<String, String> names, Permissions permissions) {
        return new Timeline(view.id, slug(view), label(view), view.source == null ? null : view.source.name(),
                view.source == null ? null : view.source.label(), ref(view.actorId, names),
                ref(view.partnerActorId, names), view.pairs, new Grounds(view.score, view.modelVersion, view.sentence),
                view.note, view.answerBy, view.acceptedBy, milestones(view), view.meetings, view.steps, permissions);
    }

    static InboxEntry inboxEntry(IntroductionView view, String actorId, Map<String, String> names,
                                 Permissions permissions) {
        boolean asked = actorId.equals(view.actorId);
        String partner = asked ? view.partnerActorId : view.actorId;
        return new InboxEntry(view.id, slug(view), label(view), view.waitsFor(actorId), view.answerBy,
                asked ? "demandeur" : "sollicité", ref(partner, names), view.source == null ? null : view.source.name(),
                view.proposedAt, view.lastStepAt, lastStep(view), view.sentence, view.note, noteAuthor(view),
                view.meetings, permissions, view.sequence);
    }

    /** The proposer, who wrote the note: the first step's author (an introduction's events are numbered from 0). */
    private static NoteAuthor noteAuthor(IntroductionView view) {
        if (view.note == null || view.steps.isEmpty() || view.steps.get(0).sequence() != 0) {
            return null;
        }
        TimelineStep proposal = view.steps.get(0);
        return proposal.subject() == null ? null
                : new NoteAuthor(proposal.subject(), proposal.role(), proposal.actingFor());
    }

    private static String lastStep(IntroductionView view) {
        return view.steps.isEmpty() ? null : view.steps.get(view.steps.size() - 1).what();
    }

    private static Milestones milestones(IntroductionView view) {
        return new Milestones(view.proposedAt, view.acceptedAt, view.declinedAt, view.expiredAt, view.withdrawnAt,
                view.firstMetAt, view.followUpOn, view.partnershipOn, view.noFitOn, view.partnershipEndedOn);
    }

    private static ActorRef ref(String id, Map<String, String> names) {
        return id == null ? null : new ActorRef(id, names.get(id));
    }

    private static String slug(IntroductionView view) {
        return view.stage == null ? null : view.stage.slug();
    }

    private static String label(IntroductionView view) {
        return view.stage == null ? null : view.stage.label();
    }
}
