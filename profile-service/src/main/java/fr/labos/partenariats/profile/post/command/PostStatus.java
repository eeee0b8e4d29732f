package fr.labos.partenariats.profile.post.command;

/** Where a need or an offer stands. Only open posts take part in matching. */
public enum PostStatus {
    OPEN, WITHDRAWN, FULFILLED,
    /**
     * Never recorded: an open post past its {@code validUntil}, as the API shows it from the day after. The matcher
     * no longer proposes it; its actor may give it a new date (it is open again) or close it.
     */
    EXPIRED
}
