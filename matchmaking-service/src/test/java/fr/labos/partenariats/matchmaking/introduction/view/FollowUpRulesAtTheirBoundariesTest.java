package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each follow-up rule is written twice: in Java ({@link FollowUp#of}, the facilitators' lists computed in memory) and
 * as a MongoDB query ({@link FollowUpReader#rule}, an admin's list read a page at a time). Both must keep the same
 * introductions, to the day, in Paris: here, introductions on either side of each threshold — the first and last
 * instant of the days around it, in Paris — are asked of both, on days that straddle the clock changes.
 */
class FollowUpRulesAtTheirBoundariesTest {

    /** A lab that calls sooner than the defaults, to see the rules follow the settings. */
    private static final FollowUpThresholds SOONER = new FollowUpThresholds(1, 7, 45, 60);

    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    /**
     * Today: an ordinary day; the days after the clocks go forward (29 March 2026) and back (25 October 2026), and
     * days whose thresholds fall across them; with the default days and with {@link #SOONER}'s.
     */
    static Stream<Arguments> daysAndSettings() {
        return Stream.of("2026-12-05", "2026-03-30", "2026-04-27", "2026-10-26", "2026-11-23")
                .flatMap(day -> Stream.of(Arguments.of(day, FollowUpThresholds.DEFAULTS), Arguments.of(day, SOONER)));
    }

    @ParameterizedTest
    @MethodSource("daysAndSettings")
    void theMongoQueryOfEachRuleKeepsExactlyWhatTheRuleDecidesToTheDay(String day, FollowUpThresholds thresholds) {
        LocalDate today = LocalDate.parse(day);
        FollowUpReader reader = new FollowUpReader(mongo.template(), thresholds);
        mongo.template().remove(new Query(), IntroductionView.class);
        // For each rule, introductions on the days from two before its threshold to two after (offset -2 to 2; the id
        // says it: "no-meeting@1" was accepted 31 days ago), each at the first and the last instant of its day.
        List<IntroductionView> views = new ArrayList<>();
        for (int offset = -2; offset <= 2; offset++) {
            // Due in 3 + offset days (by default): 3 days or less is to follow (time for a reminder), 4 or 5 not yet.
            views.addAll(atBothEnds("answer-due@" + offset, today.plusDays(thresholds.answerDueWithinDays() + offset),
                    IntroductionStage.PROPOSED, (view, at) -> view.answerBy = at));
            // Due in offset days: today on is to follow, up to the threshold; a day already past is no one's to remind.
            views.addAll(atBothEnds("due-today@" + offset, today.plusDays(offset),
                    IntroductionStage.PROPOSED, (view, at) -> view.answerBy = at));
            views.addAll(atBothEnds("no-meeting@" + offset, today.minusDays(thresholds.noMeetingAfterDays() + offset),
                    IntroductionStage.ACCEPTED, (view, at) -> view.acceptedAt = at));
            // The same with a meeting missed (still none planned nor held), or one planned (nothing to follow).
            views.addAll(atBothEnds("missed@" + offset, today.minusDays(thresholds.noMeetingAfterDays() + offset),
                    IntroductionStage.ACCEPTED, (view, at) -> {
                        view.acceptedAt = at;
                        view.meetings.add(meeting("missed", at));
                    }));
            views.addAll(atBothEnds("planned@" + offset, today.minusDays(thresholds.noMeetingAfterDays() + offset),
                    IntroductionStage.ACCEPTED, (view, at) -> {
                        view.acceptedAt = at;
                        view.meetings.add(meeting("scheduled", at));
                    }));
            // A meeting planned whose day passed as long ago as the threshold, never recorded as held or missed: no
            // longer a plan but a silence, to follow up as an acceptance without a meeting.
            views.addAll(atBothEnds("overdue@" + offset, today.minusDays(thresholds.noMeetingAfterDays() + offset),
                    IntroductionStage.ACCEPTED, (view, at) -> {
                        view.acceptedAt = at.minus(Duration.ofDays(60));
                        view.meetings.add(new IntroductionView.MeetingEntry("m1", at, "Grenoble", "scheduled",
                                at.minus(Duration.ofDays(20)), null));
                    }));
            views.addAll(atBothEnds("no-outcome@" + offset, today.minusDays(thresholds.noOutcomeAfterDays() + offset),
                    IntroductionStage.MET, (view, at) -> view.firstMetAt = at));
            // Met long ago, and again since: counted from the latest meeting held.
            views.addAll(atBothEnds("met-again@" + offset, today.minusDays(thresholds.noOutcomeAfterDays() + offset),
                    IntroductionStage.MET, (view, at) -> {
                        view.firstMetAt = at.minus(Duration.ofDays(100));
                        view.lastMetAt = at;
                    }));
            // A view written before the last news was kept: its follow-up's day stands in.
            IntroductionView followUp = view("follow-up@" + offset, IntroductionStage.FOLLOW_UP);
            followUp.followUpOn = today.minusDays(thresholds.followUpQuietAfterDays() + offset);
            views.add(followUp);
            // A first follow-up planned long ago, then news (another follow-up, a meeting): quiet since the news only.
            IntroductionView news = view("news@" + offset, IntroductionStage.FOLLOW_UP);
            news.followUpOn = today.minusDays(thresholds.followUpQuietAfterDays() + 100);
            news.lastNewsOn = today.minusDays(thresholds.followUpQuietAfterDays() + offset);
            views.add(news);
        }
        views.forEach(mongo.template()::save);

        Map<FollowUp, Set<String>> wanted = Map.of(
                // Within 3 days by default; within 1 day, so due tomorrow at the latest, sooner. An answer period that
                // ends at the first instant of a day (as one of the lab's records does) took its last answer the day
                // before: a day's first instant is due the day before it, its last instant that day.
                FollowUp.ANSWER_DUE, thresholds.equals(SOONER)
                        ? union(atTheStart("answer-due@0", "answer-due@1", "due-today@1", "due-today@2"),
                                atTheEnd("answer-due@-1", "answer-due@0", "due-today@0", "due-today@1"))
                        : union(atTheStart("answer-due@-2", "answer-due@-1", "answer-due@0", "answer-due@1",
                                        "due-today@1", "due-today@2"),
                                atTheEnd("answer-due@-2", "answer-due@-1", "answer-due@0",
                                        "due-today@0", "due-today@1", "due-today@2")),
                FollowUp.NO_MEETING, atBothEnds("no-meeting@0", "no-meeting@1", "no-meeting@2",
                        "missed@0", "missed@1", "missed@2", "overdue@0", "overdue@1", "overdue@2"),
                FollowUp.NO_OUTCOME, atBothEnds("no-outcome@0", "no-outcome@1", "no-outcome@2",
                        "met-again@0", "met-again@1", "met-again@2"),
                FollowUp.FOLLOW_UP_QUIET, new TreeSet<>(Set.of("follow-up@0", "follow-up@1", "follow-up@2",
                        "news@0", "news@1", "news@2")));
        for (FollowUp rule : FollowUp.values()) {
            Set<String> inJava = views.stream()
                    .filter(view -> FollowUp.of(view, today, Map.of(), thresholds).filter(reason -> reason.kind() == rule).isPresent())
                    .map(IntroductionView::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> inMongo = reader.first(rule, today, Optional.empty(), 1_000).stream().map(IntroductionView::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(inJava).as("%s on %s with %s, in Java", rule, today, thresholds).isEqualTo(wanted.get(rule));
            assertThat(inMongo).as("%s on %s with %s, as a MongoDB query", rule, today, thresholds).isEqualTo(wanted.get(rule));
            assertThat(reader.count(rule, today, Optional.empty())).isEqualTo(wanted.get(rule).size());
        }
    }

    /**
     * The filter of a round of calls (« sans relance depuis N jours ») is written twice too: introductions reminded at
     * the first and last instant of each day from today to two days past the filter's reach, and one never reminded,
     * some to follow (accepted long ago, no meeting) and some not (accepted yesterday), are asked of both forms.
     */
    @ParameterizedTest
    @MethodSource("daysAndReaches")
    void theFilterOfThoseRemindedLatelyKeepsTheSameInJavaAndAsAMongoQuery(String day, int reach) {
        LocalDate today = LocalDate.parse(day);
        NotRemindedWithin filter = new NotRemindedWithin(reach);
        FollowUpReader reader = new FollowUpReader(mongo.template(), FollowUpThresholds.DEFAULTS);
        mongo.template().remove(new Query(), IntroductionView.class);
        List<IntroductionView> views = new ArrayList<>();
        for (String kind : List.of("to-follow", "other")) {
            LocalDate accepted = kind.equals("to-follow") ? today.minusDays(100) : today.minusDays(1);
            for (int daysAgo = 0; daysAgo <= reach + 1; daysAgo++) {
                views.addAll(atBothEnds(kind + "-reminded@" + daysAgo, today.minusDays(daysAgo), IntroductionStage.ACCEPTED,
                        (view, at) -> view.lastReminder = new IntroductionView.ReminderEntry(at, ReminderChannel.PHONE, null)));
            }
            views.add(view(kind + "-never", IntroductionStage.ACCEPTED));
            views.forEach(view -> view.acceptedAt = view.id.startsWith(kind) ? LabCalendar.startOf(accepted) : view.acceptedAt);
        }
        views.forEach(mongo.template()::save);

        // Reminded `reach` days ago or earlier: out of its reach (7: today and the six days before are left out).
        Set<String> kept = new TreeSet<>();
        for (String kind : List.of("to-follow", "other")) {
            kept.add(kind + "-never");
            kept.addAll(atBothEnds(kind + "-reminded@" + reach, kind + "-reminded@" + (reach + 1)));
        }
        Set<String> inJava = views.stream().filter(view -> filter.keeps(view, today)).map(IntroductionView::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inJava).as("on %s, not reminded within %d days, in Java", today, reach).isEqualTo(kept);
        Set<String> inMongo = new TreeSet<>();
        reader.first(FollowUp.NO_MEETING, today, Optional.of(filter), 1_000).forEach(view -> inMongo.add(view.id));
        reader.others(Set.of(IntroductionStage.ACCEPTED), today, Optional.of(filter), 0, 1_000).forEach(view -> inMongo.add(view.id));
        assertThat(inMongo).as("on %s, not reminded within %d days, as a MongoDB query", today, reach).isEqualTo(kept);
        assertThat(reader.count(FollowUp.NO_MEETING, today, Optional.of(filter))).isEqualTo(kept.size() / 2);
        assertThat(reader.countOthers(Set.of(IntroductionStage.ACCEPTED), today, Optional.of(filter))).isEqualTo(kept.size() / 2);
        assertThat(reader.count(FollowUp.NO_MEETING, today, Optional.empty())).as("without the filter, all")
                .isEqualTo(views.size() / 2);
    }

    /** Today as in {@link #daysAndSettings}; the filter's reach: today only, a week, a fortnight. */
    static Stream<Arguments> daysAndReaches() {
        return Stream.of("2026-12-05", "2026-03-30", "2026-04-01", "2026-10-26", "2026-10-30")
                .flatMap(day -> Stream.of(Arguments.of(day, 1), Arguments.of(day, 7), Arguments.of(day, 14)));
    }

    /** The introduction twice: at the first instant of the Paris day (the id) and at its last ({@code id + "-end"}). */
    private static List<IntroductionView> atBothEnds(String id, LocalDate day, IntroductionStage stage,
                                                     BiConsumer<IntroductionView, Instant> dated) {
        List<IntroductionView> views = new ArrayList<>();
        Instant last = LabCalendar.startOf(day.plusDays(1)).minus(Duration.ofMillis(1));
        for (Map.Entry<String, Instant> at : Map.of(id, LabCalendar.startOf(day), id + "-end", last).entrySet()) {
            IntroductionView view = view(at.getKey(), stage);
            dated.accept(view, at.getValue());
            views.add(view);
        }
        return views;
    }

    private static Set<String> atBothEnds(String... ids) {
        Set<String> both = new TreeSet<>();
        for (String id : ids) {
            both.add(id);
            both.add(id + "-end");
        }
        return both;
    }

    /** The views dated at the first instant of their day. */
    private static Set<String> atTheStart(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    /** The views dated at the last instant of their day. */
    private static Set<String> atTheEnd(String... ids) {
        return Stream.of(ids).map(id -> id + "-end").collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        Set<String> both = new TreeSet<>(some);
        both.addAll(others);
        return both;
    }

    private static IntroductionView.MeetingEntry meeting(String status, Instant acceptedAt) {
        return new IntroductionView.MeetingEntry("m1", acceptedAt.plus(Duration.ofDays(7)), "Grenoble", status, acceptedAt, null);
    }

    /** A meeting planned long past, never said held or missed: the line says which day it was planned for. */
    /** A stage a newer release wrote (during a rolling upgrade) is left out of the counts, not a failed list. */
    @Test
    void aStageWrittenByANewerReleaseIsLeftOutOfTheStageCounts() {
        mongo.template().remove(new Query(), IntroductionView.class);
        mongo.template().save(view("known", IntroductionStage.PROPOSED));
        mongo.template().getCollection(IntroductionView.COLLECTION)
                .insertOne(new org.bson.Document("_id", "newer").append("stage", "ON_HOLD"));

        assertThat(new FollowUpReader(mongo.template(), FollowUpThresholds.DEFAULTS).stageCounts())
                .containsExactly(Map.entry(IntroductionStage.PROPOSED, 1L));
    }

    @Test
    void anAcceptanceWhoseMeetingDayPassedUnrecordedSaysThatDay() {
        IntroductionView view = view("late", IntroductionStage.ACCEPTED);
        view.acceptedAt = Instant.parse("2026-09-01T10:00:00Z");
        view.meetings.add(new IntroductionView.MeetingEntry("m1", Instant.parse("2026-09-15T08:00:00Z"), "Grenoble",
                "scheduled", Instant.parse("2026-09-02T10:00:00Z"), null));

        assertThat(FollowUp.of(view, LocalDate.parse("2026-12-05"), Map.of(), FollowUpThresholds.DEFAULTS))
                .map(FollowUp.Reason::label)
                .hasValue("acceptée il y a 95 jours, rencontre prévue le 15 septembre 2026, ni tenue ni manquée");
    }

    @Test
    void eachRuleIsSaidInFrenchWithItsDays() {
        assertThat(Arrays.stream(FollowUp.values()).map(rule -> rule.rule(FollowUpThresholds.DEFAULTS))).containsExactly(
                "une réponse attendue dans les 3 jours", "une acceptation sans rencontre depuis 30 jours",
                "une rencontre sans suite depuis 90 jours", "une suite prévue sans nouvelles depuis 180 jours");
        assertThat(FollowUp.ANSWER_DUE.rule(SOONER)).isEqualTo("une réponse attendue d'ici demain");
        assertThat(FollowUp.ANSWER_DUE.rule(new FollowUpThresholds(0, 1, 1, 1))).isEqualTo("une réponse attendue le jour même");
        assertThat(FollowUp.NO_MEETING.rule(new FollowUpThresholds(0, 1, 1, 1))).isEqualTo("une acceptation sans rencontre depuis 1 jour");
        // A line's reason, in a lab that calls after a day.
        LocalDate today = LocalDate.parse("2026-12-05");
        IntroductionView accepted = view("accepted-yesterday", IntroductionStage.ACCEPTED);
        accepted.acceptedAt = LabCalendar.startOf(today.minusDays(1));
        assertThat(FollowUp.of(accepted, today, Map.of(), new FollowUpThresholds(0, 1, 1, 1)))
                .hasValueSatisfying(reason -> assertThat(reason.label()).isEqualTo("acceptée il y a 1 jour, aucune rencontre prévue"));
    }

    private static IntroductionView view(String id, IntroductionStage stage) {
        IntroductionView view = new IntroductionView();
        view.id = id;
        view.stage = stage;
        view.actorId = "a-" + id;
        view.partnerActorId = "p-" + id;
        view.lastStepAt = Instant.parse("2024-01-01T00:00:00Z");
        return view;
    }

}
