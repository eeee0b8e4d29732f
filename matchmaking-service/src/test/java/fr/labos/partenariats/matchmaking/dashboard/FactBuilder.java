package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroductionSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One introduction's fact for the dashboards' unit tests, its milestones given as days ({@code "2026-01-05"}, at
 * 10:00 in Paris for those that are instants). Its stage is the one given, else that of its latest milestone.
 */
final class FactBuilder {

    private final String id;
    private final String actor;
    private final String partner;
    private List<String> posts = List.of();
    private IntroductionStage stage;
    private Instant proposedAt;
    private Instant acceptedAt;
    private Instant declinedAt;
    private Instant expiredAt;
    private Instant withdrawnAt;
    private Instant firstMetAt;
    private LocalDate followUpOn;
    private LocalDate partnershipOn;
    private LocalDate noFitOn;

    private FactBuilder(String id, String actor, String partner, String proposedOn) {
        this.id = id;
        this.actor = actor;
        this.partner = partner;
        this.proposedAt = at(proposedOn);
    }

    static FactBuilder proposed(String id, String actor, String partner, String day) {
        return new FactBuilder(id, actor, partner, day);
    }

    FactBuilder accepted(String day) {
        acceptedAt = at(day);
        return this;
    }

    FactBuilder declined(String day) {
        declinedAt = at(day);
        return this;
    }

    FactBuilder met(String day) {
        firstMetAt = at(day);
        return this;
    }

    FactBuilder followUp(String day) {
        followUpOn = LocalDate.parse(day);
        return this;
    }

    FactBuilder partnership(String day) {
        partnershipOn = LocalDate.parse(day);
        return this;
    }

    FactBuilder noFit(String day) {
        noFitOn = LocalDate.parse(day);
        return this;
    }

    FactBuilder posts(String... ids) {
        posts = List.of(ids);
        return this;
    }

    FactBuilder stage(IntroductionStage stage) {
        this.stage = stage;
        return this;
    }

    IntroductionFact fact() {
        return new IntroductionFact(id, actor, partner, posts, IntroductionSource.MATCHER,
                stage != null ? stage : latestStage(), LocalDate.ofInstant(proposedAt, LabCalendar.ZONE).toEpochDay(),
                proposedAt, acceptedAt, declinedAt, expiredAt, withdrawnAt, firstMetAt, followUpOn, partnershipOn,
                noFitOn);
    }

    private IntroductionStage latestStage() {
        LocalDate latest = null;
        IntroductionStage outcome = null;
        for (Object[] candidate : new Object[][]{{noFitOn, IntroductionStage.NO_FIT},
                {followUpOn, IntroductionStage.FOLLOW_UP}, {partnershipOn, IntroductionStage.PARTNERSHIP}}) {
            LocalDate day = (LocalDate) candidate[0];
            if (day != null && (latest == null || !day.isBefore(latest))) {
                latest = day;
                outcome = (IntroductionStage) candidate[1];
            }
        }
        return outcome != null ? outcome : firstMetAt != null ? IntroductionStage.MET
                : declinedAt != null ? IntroductionStage.DECLINED : acceptedAt != null ? IntroductionStage.ACCEPTED
                : IntroductionStage.PROPOSED;
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(LabCalendar.ZONE).toInstant();
    }
}
