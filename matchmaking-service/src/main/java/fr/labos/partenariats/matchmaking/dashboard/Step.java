package fr.labos.partenariats.matchmaking.dashboard;

/** The steps of the funnel, in order; an introduction that reached one reached those before it. */
enum Step {
    PROPOSED("proposed", "Proposées"),
    ACCEPTED("accepted", "Acceptées"),
    MET("met", "Rencontres tenues"),
    FOLLOW_UP("follow-up", "Suites prévues"),
    PARTNERSHIP("partnership", "Partenariats conclus");

    private final String slug;
    private final String header;

    Step(String slug, String header) {
        this.slug = slug;
        this.header = header;
    }

    String slug() {
        return slug;
    }

    /** French column header, as in the CSV exports. */
    String header() {
        return header;
    }
}
