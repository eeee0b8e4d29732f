package fr.labos.partenariats.matchmaking.introduction.view;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an introduction stands, as its inbox filter and dashboards name it: the answer stage (proposed until both
 * sides accepted), a closing (declined, expired, withdrawn), a first meeting held, then the outcome that happened last
 * (by the day it names, not the day it was recorded; on the same day, the one recorded last).
 */
public enum IntroductionStage {
    PROPOSED("proposed", "proposée"),
    ACCEPTED("accepted", "acceptée"),
    DECLINED("declined", "déclinée"),
    EXPIRED("expired", "expirée"),
    WITHDRAWN("withdrawn", "retirée"),
    MET("met", "rencontre tenue"),
    NO_FIT("no-fit", "pas de suite"),
    FOLLOW_UP("follow-up", "suite prévue"),
    PARTNERSHIP("partnership", "partenariat conclu"),
    PARTNERSHIP_ENDED("partnership-ended", "partenariat terminé");

    private final String slug;
    private final String label;

    IntroductionStage(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    /** The name in URLs and JSON ({@code ?status=follow-up}). */
    public String slug() {
        return slug;
    }

    /** French label. */
    public String label() {
        return label;
    }

    public static Optional<IntroductionStage> bySlug(String slug) {
        return Arrays.stream(values()).filter(stage -> stage.slug.equalsIgnoreCase(slug)).findFirst();
    }
}
