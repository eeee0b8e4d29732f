package fr.labos.partenariats.matchmaking.introduction.view;

/**
 * The introduction is in the event store, and the caller may read it, but its view has not caught up yet (the relay
 * and the views' consumer follow the commands within a second or so; longer while the broker is away). Answered 503
 * with a Retry-After: a 404 would tell the client that the introduction it just created does not exist.
 */
class ViewNotCaughtUp extends RuntimeException {

    private final String id;

    ViewNotCaughtUp(String id) {
        super("view not caught up: " + id);
        this.id = id;
    }

    String id() {
        return id;
    }
}
