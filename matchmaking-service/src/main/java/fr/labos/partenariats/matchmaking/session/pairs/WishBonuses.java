package fr.labos.partenariats.matchmaking.session.pairs;

/**
 * What a wish adds to a pair's complementarity (which lies in [0, 1]): a one-sided wish, or a mutual one.
 * Configured under {@code lab.sessions.wish-bonus}.
 */
public record WishBonuses(double oneSided, double mutual) {

    public static final WishBonuses DEFAULTS = new WishBonuses(0.5, 1.0);

    public WishBonuses {
        if (oneSided < 0 || mutual < oneSided) {
            throw new IllegalArgumentException("wish bonuses: 0 ≤ one-sided ≤ mutual");
        }
    }
}
