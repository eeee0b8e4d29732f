package fr.labos.partenariats.matchmaking.projection;

/**
 * Something kept in step with the matching projection, such as the in-memory matching index: it loads the projection
 * when the projection opens (after the emptying of a rebuild, if one was asked for), and keeps itself up to date from
 * then on, e.g. by following the topic from the positions the projection had reached.
 */
public interface ProjectionObserver {

    /** Forgets everything and reads the projection's current state. May throw if MongoDB is unreachable: it is retried. */
    void reload(ProjectionReader projection);
}
