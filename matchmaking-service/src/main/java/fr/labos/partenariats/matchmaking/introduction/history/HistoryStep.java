package fr.labos.partenariats.matchmaking.introduction.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A step of an introduction's history as stored: its sequence number in the introduction, its canonical form
 * (which holds the previous step's hash) and the hash recorded for it when it was appended.
 */
public record HistoryStep(long sequenceNumber, CanonicalEvent event, String hash) implements ChainStep {

    @Override
    public String type() {
        return event.type();
    }

    @Override
    public String linkedHash() {
        return event.previousHash();
    }

    @Override
    public String contentHash() {
        return event.hash();
    }

    @Override
    public String recordedHash() {
        return hash;
    }

    /** Chains events in order: each step records the hash of the one before it. */
    public static List<HistoryStep> chain(List<CanonicalEvent> events) {
        List<HistoryStep> steps = new ArrayList<>(events.size());
        String previous = null;
        for (CanonicalEvent event : events) {
            CanonicalEvent linked = event.linkedTo(previous);
            previous = linked.hash();
            steps.add(new HistoryStep(steps.size(), linked, previous));
        }
        return steps;
    }
}
