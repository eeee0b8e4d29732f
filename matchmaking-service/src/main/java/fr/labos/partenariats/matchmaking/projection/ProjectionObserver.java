package fr.labos.partenariats.matchmaking.projection;

/**
 * Something kept in step with the matching projection, such as the in-memory matching index: it reads the projection
 * once when the projection opens, then hears of every document the projection writes, right after the write.
 *
 * <p>The projection calls {@link #reload} before it applies its first event (and again if it is rebuilt), so an
 * observer never misses a change between its load and the first notification. Notifications for one aggregate come in
 * order (one partition, one consumer thread); a notification that throws makes the consumer retry the event, which
 * the projection then finds already applied and notifies again with the document as it stands.
 */
public interface ProjectionObserver {

    /** Forgets everything and reads the projection's current state. May throw if MongoDB is unreachable: it is retried. */
    void reload(ProjectionReader projection);

    /** A post document was written (or found already written by a redelivered event): its state as stored now. */
    void postChanged(PostKind kind, PostEntry post);

    /** An actor document was written (or found already written): its state as stored now. */
    void actorChanged(ActorEntry actor);
}
