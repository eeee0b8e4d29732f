package fr.labos.partenariats.matchmaking.projection;

/** Whether a post still stands; closed ones stay as tombstones so that a late, older event cannot reopen them. */
public enum PostStatus {
    OPEN,
    WITHDRAWN,
    FULFILLED
}
