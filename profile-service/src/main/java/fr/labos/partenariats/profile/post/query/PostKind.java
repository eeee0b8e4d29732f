package fr.labos.partenariats.profile.post.query;

/** The two kinds of posts; they share one shape and one read model. */
public enum PostKind {
    NEED, OFFER
}
