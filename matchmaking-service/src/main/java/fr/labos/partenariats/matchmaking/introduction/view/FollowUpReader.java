package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.dashboard.ValuesOfNewerReleases;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.labos.partenariats.schema.common.LabCalendar.startOf;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads the follow-up list's introductions from the views. A facilitator's are a share of the lab's, read whole
 * ({@link #involvingAnyOf}); an admin's are all the lab's — tens of thousands over the years, far too many to read at
 * each request (and a reply larger than MongoDB's protocol takes) —, so MongoDB is asked for no more than a page needs:
 * each rule of {@link FollowUp} is a query ({@link #rule}), sorted as the list orders its lines, so that a page takes
 * the first lines of each and merges them; the others come a page at a time, sorted by MongoDB; the stages are counted
 * by MongoDB. A view is read without the proposal's grounds and with its last step only.
 */
@Component
class FollowUpReader {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpReader.class);

    private final MongoTemplate mongo;
    private final FollowUpThresholds thresholds;
    private final ValuesOfNewerReleases newerValues = new ValuesOfNewerReleases(LOG);
    private final ViewsOfAnyRelease views;

    FollowUpReader(MongoTemplate mongo, FollowUpThresholds thresholds) {
        this.mongo = mongo;
        this.thresholds = thresholds;
        this.views = new ViewsOfAnyRelease(mongo, newerValues);
    }

    /**
     * The introductions at least one of these actors is a side of (a facilitator's: those of the actors it acts for, a
     * share of the lab's), in one query whatever the number of actors, which the views' {@code actor} and
     * {@code partner} indexes serve. (One query per actor and side, as the inboxes read, was tried first: the stand-in
     * scans the collection for each, 9 s for the 75 actors of a département at 100,000 introductions, against 1.4 s.)
     */
    List<IntroductionView> involvingAnyOf(Collection<String> actorIds) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return views.find(lean(new Criteria().orOperator(where("actorId").in(actorIds), where("partnerActorId").in(actorIds))));
    }

    /** How many of the lab's introductions are at each stage. */
    Map<IntroductionStage, Long> stageCounts() {
        Aggregation counting = Aggregation.newAggregation(Aggregation.group("stage").count().as("count"));
        Map<IntroductionStage, Long> counts = new EnumMap<>(IntroductionStage.class);
        for (Document group : mongo.aggregate(counting, IntroductionView.COLLECTION, Document.class)) {
            // A stage a newer release wrote (a rolling upgrade) is left out of the counts, not a failed list.
            IntroductionStage stage = group.get("_id") == null ? null
                    : newerValues.known(IntroductionStage.class, group.get("_id").toString(), IntroductionView.COLLECTION);
            if (stage != null) {
                counts.put(stage, ((Number) group.get("count")).longValue());
            }
        }
        return counts;
    }

    /**
     * How many of the lab's introductions the rule holds for on {@code today}, of those the filter keeps (all without
     * one).
     */
    long count(FollowUp rule, LocalDate today, Optional<NotRemindedWithin> notReminded) {
        return mongo.count(Query.query(narrowed(rule(rule, today, thresholds), notReminded, today)), IntroductionView.class);
    }

    /** The first {@code limit} of those, in the list's order (the longest quiet first). */
    List<IntroductionView> first(FollowUp rule, LocalDate today, Optional<NotRemindedWithin> notReminded, int limit) {
        Query query = lean(narrowed(rule(rule, today, thresholds), notReminded, today))
                .with(Sort.by(Sort.Order.asc(sinceField(rule)), Sort.Order.asc("_id"))).limit(limit);
        return views.find(query);
    }

    /** How many of the lab's introductions, at these stages, no rule holds for, of those the filter keeps. */
    long countOthers(Set<IntroductionStage> stages, LocalDate today, Optional<NotRemindedWithin> notReminded) {
        return mongo.count(Query.query(narrowed(others(stages, today), notReminded, today)), IntroductionView.class);
    }

    /** A page of those, the latest step first. */
    List<IntroductionView> others(Set<IntroductionStage> stages, LocalDate today, Optional<NotRemindedWithin> notReminded,
                                  long skip, int limit) {
        Query query = lean(narrowed(others(stages, today), notReminded, today))
                .with(Sort.by(Sort.Order.desc("lastStepAt"), Sort.Order.asc("_id"))).skip(skip).limit(limit);
        return views.find(query);
    }

    private static Criteria narrowed(Criteria criteria, Optional<NotRemindedWithin> notReminded, LocalDate today) {
        return notReminded.map(filter -> new Criteria().andOperator(criteria, filter.criteria(today))).orElse(criteria);
    }

    /**
     * The rule as a query, the same as {@link FollowUp#of} decides it: Paris days, an instant compared with the first
     * instant of a day in Paris (a day {@code d} days ago or more is before the start of the day {@code d - 1} days ago).
     */
    static Criteria rule(FollowUp rule, LocalDate today, FollowUpThresholds thresholds) {
        Criteria atItsStage = where("stage").is(rule.stage().name());
        int days = thresholds.days(rule);
        return switch (rule) {
            // The last day to answer (FollowUp.lastDayToAnswer) from today to `days` days on.
            case ANSWER_DUE -> atItsStage.and("answerBy").gt(startOf(today)).lte(startOf(today.plusDays(days + 1)));
            // No meeting held, nor planned to come or passed fewer than `days` days ago (FollowUp.noMeetingPlannedNorHeld).
            case NO_MEETING -> atItsStage.and("acceptedAt").lt(startOf(today.minusDays(days - 1))).norOperator(
                    where("meetings").elemMatch(where("status").is("held")),
                    where("meetings").elemMatch(where("status").is("scheduled")
                            .and("startsAt").gte(startOf(today.minusDays(days - 1)))));
            // From the latest meeting held; a view written before it was kept, from its first (FollowUp.lastMet).
            case NO_OUTCOME -> atItsStage.orOperator(where("lastMetAt").lt(startOf(today.minusDays(days - 1))),
                    where("lastMetAt").exists(false).and("firstMetAt").lt(startOf(today.minusDays(days - 1))));
            // Quiet since the last news; a view written before it was kept counts from its follow-up (FollowUp.quietSince).
            case FOLLOW_UP_QUIET -> atItsStage.orOperator(where("lastNewsOn").lte(today.minusDays(days)),
                    where("lastNewsOn").exists(false).and("followUpOn").lte(today.minusDays(days)));
        };
    }

    /** The field a rule's lines are ordered by, oldest (or soonest due) first. */
    private static String sinceField(FollowUp rule) {
        return switch (rule) {
            case ANSWER_DUE -> "answerBy";
            case NO_MEETING -> "acceptedAt";
            case NO_OUTCOME -> "lastMetAt";
            case FOLLOW_UP_QUIET -> "lastNewsOn";
        };
    }

    private Criteria others(Set<IntroductionStage> stages, LocalDate today) {
        Criteria noRule = new Criteria().norOperator(List.of(FollowUp.values()).stream()
                .map(r -> rule(r, today, thresholds)).toList());
        return new Criteria().andOperator(where("stage").in(stages.stream().map(Enum::name).toList()), noRule);
    }

    /**
     * What {@link FollowUp} and a line of the list read of a view, and of its steps only the last (the line says what it
     * was): neither the proposal's grounds nor the whole timeline.
     */
    private static Query lean(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("stage", "source", "actorId", "partnerActorId", "answerBy", "acceptedBy", "proposedAt",
                "acceptedAt", "firstMetAt", "lastMetAt", "followUpOn", "lastNewsOn", "meetings", "lastStepAt", "lastReminder").slice("steps", -1);
        return query;
    }
}
