package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.schema.matching.DeclineReason;

/**
 * Why the matcher does not propose a pair of actors to each other, most lasting first: when several introductions of
 * one pair set it aside, the first of these reasons is the one shown.
 */
public enum ExclusionReason {
    /** One side declined an introduction as "competitor": never proposed again by the matcher. */
    DECLINED_COMPETITOR("mise en relation refusée : concurrents"),
    /** One side declined an introduction as "already partners": never proposed again by the matcher. */
    DECLINED_ALREADY_PARTNERS("mise en relation refusée : déjà partenaires"),
    /** An introduction of theirs led to a partnership that has not ended. */
    PARTNERS("partenariat conclu"),
    /** Both sides accepted an introduction, and no outcome closed it yet (or a follow-up is planned). */
    INTRODUCED("mise en relation acceptée, en cours"),
    /** An introduction of theirs waits for its answers (proposed, at most one side accepted). */
    OPEN_INTRODUCTION("mise en relation proposée, en attente de réponse");

    private final String label;

    ExclusionReason(String label) {
        this.label = label;
    }

    /** What a decline for this reason sets aside for good: as competitors, as partners already; null for another. */
    public static ExclusionReason ofDecline(DeclineReason reason) {
        if (reason == null) return null;
        return switch (reason) {
            case COMPETITOR -> DECLINED_COMPETITOR;
            case ALREADY_PARTNERS -> DECLINED_ALREADY_PARTNERS;
            default -> null;
        };
    }

    /** French label, as the rankings show it on {@code includeIntroduced=true}. */
    public String label() {
        return label;
    }
}
