package fr.labos.partenariats.profile.post.command;

/** Where a need or an offer stands. Only open posts take part in matching. */
public enum PostStatus {
    OPEN, WITHDRAWN, FULFILLED
}
