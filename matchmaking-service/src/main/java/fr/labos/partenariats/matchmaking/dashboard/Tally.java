package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Counts;

/** Counts being added up for one group of a dashboard. */
final class Tally {

    long proposed;
    long accepted;
    long met;
    long followUp;
    long partnership;
    long declined;
    long expired;
    long withdrawn;
    long noFit;

    /** Adds an introduction where it got to: every step of the chain it reached, and how it closed. */
    Tally add(IntroductionFact fact) {
        proposed++;
        accepted += fact.reached(Step.ACCEPTED) ? 1 : 0;
        met += fact.reached(Step.MET) ? 1 : 0;
        followUp += fact.reached(Step.FOLLOW_UP) ? 1 : 0;
        partnership += fact.reached(Step.PARTNERSHIP) ? 1 : 0;
        declined += fact.declinedAt() != null ? 1 : 0;
        expired += fact.expiredAt() != null ? 1 : 0;
        withdrawn += fact.withdrawnAt() != null ? 1 : 0;
        noFit += fact.noFitOn() != null ? 1 : 0;
        return this;
    }

    long count(Step step) {
        return switch (step) {
            case PROPOSED -> proposed;
            case ACCEPTED -> accepted;
            case MET -> met;
            case FOLLOW_UP -> followUp;
            case PARTNERSHIP -> partnership;
        };
    }

    Counts counts() {
        return new Counts(proposed, accepted, met, followUp, partnership, declined, expired, withdrawn, noFit);
    }
}
