package fr.labos.partenariats.matchmaking.dashboard;

/**
 * The steps of the funnel, in order; an introduction that reached one reached those before it.
 *
 * <p>Two headers, because a step is counted two ways. The funnel and the breakdowns count the introductions that
 * reached the step or a later one ({@link #header}): an introduction recorded with a partnership and no meeting held
 * (a lab's past records, often) counts at « Rencontre tenue ou au-delà », which does not claim a meeting was held.
 * {@code periods} counts the steps dated in each period ({@link #periodHeader}): « Rencontres tenues » there are
 * the meetings held that week or month, each one (an introduction whose sides met again counts its second meeting in
 * its own month), and so are the outcomes (a second partnership after one that ended).
 */
enum Step {
    PROPOSED("proposed", "Proposées", "Proposées"),
    ACCEPTED("accepted", "Acceptées", "Acceptées"),
    MET("met", "Rencontre tenue ou au-delà", "Rencontres tenues"),
    FOLLOW_UP("follow-up", "Suite prévue ou au-delà", "Suites prévues"),
    PARTNERSHIP("partnership", "Partenariats conclus", "Partenariats conclus");

    private final String slug;
    private final String header;
    private final String periodHeader;

    Step(String slug, String header, String periodHeader) {
        this.slug = slug;
        this.header = header;
        this.periodHeader = periodHeader;
    }

    String slug() {
        return slug;
    }

    /** French label of the introductions that reached the step or a later one: the funnel's and breakdowns' CSV. */
    String header() {
        return header;
    }

    /** French label of the steps taken in a period: the {@code periods} CSV's column. */
    String periodHeader() {
        return periodHeader;
    }
}
