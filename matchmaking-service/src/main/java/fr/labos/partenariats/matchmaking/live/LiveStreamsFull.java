package fr.labos.partenariats.matchmaking.live;

/** This instance holds as many live streams as it may: another instance, or this one a little later, takes it. */
class LiveStreamsFull extends RuntimeException {

    LiveStreamsFull() {
        super("no live stream left on this instance");
    }
}
