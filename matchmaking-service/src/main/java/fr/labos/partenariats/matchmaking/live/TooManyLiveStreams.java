package fr.labos.partenariats.matchmaking.live;

/** One person already holds as many live streams as allowed on this instance. */
class TooManyLiveStreams extends RuntimeException {

    private final int allowed;

    TooManyLiveStreams(int allowed) {
        super(allowed + " live streams already open for this account");
        this.allowed = allowed;
    }

    int allowed() {
        return allowed;
    }
}
