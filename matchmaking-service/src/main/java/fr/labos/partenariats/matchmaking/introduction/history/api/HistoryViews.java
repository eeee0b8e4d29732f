package fr.labos.partenariats.matchmaking.introduction.history.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.store.StoredEvent;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.matching.IntroductionSource;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the history endpoints answer. */
final class HistoryViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROPOSED = "IntroductionProposedEvent";
    /** A French label for each step, as a facilitator would name it. */
    private static final Map<String, String> LABELS = Map.of(
            PROPOSED, "Mise en relation proposée",
            "IntroductionAcceptedEvent", "Mise en relation acceptée par une partie",
            "IntroductionDeclinedEvent", "Mise en relation déclinée",
            "IntroductionExpiredEvent", "Mise en relation expirée sans réponse",
            "IntroductionWithdrawnEvent", "Mise en relation retirée",
            "MeetingScheduledEvent", "Rencontre planifiée",
            "MeetingHeldEvent", "Rencontre tenue",
            "MeetingMissedEvent", "Rencontre manquée",
            "OutcomeRecordedEvent", "Suite enregistrée",
            "IntroductionReminderRecordedEvent", "Relance de l'animation");

    private HistoryViews() {
    }

    /** An introduction's history, step by step. */
    record History(String introductionId, List<Step> steps) {
    }

    /**
     * One step: what happened, when, who did it, on which grounds (the event's own fields: reason, note,
     * outcome…), and the hashes that chain it.
     *
     * @param who      null when no one acted (an expiry at its deadline)
     * @param grounds  the event's payload as stored
     * @param leafIndex its leaf in the tree of every introduction event (for an inclusion proof)
     */
    record Step(long step, String eventId, String what, String label, String revision, Instant when, Who who,
                JsonNode grounds, String previousHash, String hash, Long leafIndex, String leafHash) {
    }

    /** Who acted: the pseudonymous subject, the role it acted in and the actor it acted for. */
    record Who(String subject, String role, String actingFor) {
    }

    /**
     * Whether an introduction's history holds.
     *
     * @param brokenStep  the first step that breaks, or null
     * @param reason      why: ALTERED_STEP, BROKEN_LINK, MISSING_STEP, UNRECORDED_STEP, NOT_IN_TREE or TREE_INTERRUPTED,
     *                    or null
     * @param explanation in French, naming the step
     * @param lastHash    the hash of the last step when the chain holds (compare it with a copy kept elsewhere)
     */
    record Verification(String introductionId, boolean holds, int steps, Long brokenStep, String brokenType,
                        String reason, String explanation, String lastHash, Instant verifiedAt) {
    }

    static History history(String introductionId, List<StoredEvent> events) {
        return new History(introductionId, events.stream().map(HistoryViews::step).toList());
    }

    static Verification verification(String introductionId, ChainVerification chain, List<StoredEvent> events,
                                     Instant at) {
        String lastHash = chain.chainHolds() && !events.isEmpty() ? events.get(events.size() - 1).hash() : null;
        return new Verification(introductionId, chain.chainHolds(), chain.steps(), chain.brokenStep(),
                chain.brokenType() == null ? null : simpleName(chain.brokenType()),
                chain.reason() == null ? null : chain.reason().name(), chain.explanation(), lastHash, at);
    }

    private static Step step(StoredEvent event) {
        JsonNode metadata = json(event.metadata());
        Who who = metadata.hasNonNull(PrincipalMetadata.SUBJECT)
                ? new Who(metadata.path(PrincipalMetadata.SUBJECT).asText(),
                metadata.path(PrincipalMetadata.ROLE).asText(null),
                metadata.path(PrincipalMetadata.ACTING_FOR).asText(null))
                : null;
        String what = event.typeName();
        JsonNode grounds = json(event.payload());
        return new Step(event.sequenceNumber(), event.eventIdentifier(), what, label(what, grounds),
                event.payloadRevision(), instant(event.timestamp()), who, grounds, event.previousHash(),
                event.hash(), event.leafIndex(), event.leafHash());
    }

    /**
     * The step in words; a proposal's says where it came from (« Mise en relation proposée à la demande d'une
     * organisation »), as its source's label does in the timeline. A row altered into an unknown source is still named.
     */
    private static String label(String what, JsonNode grounds) {
        String named = LABELS.getOrDefault(what, what);
        if (!PROPOSED.equals(what)) {
            return named;
        }
        String source = grounds.path("source").asText("");
        return Arrays.stream(IntroductionSource.values()).filter(known -> known.name().equals(source)).findFirst()
                .map(known -> "Mise en relation " + known.label()).orElse(named);
    }

    /** A row altered into something unreadable is still shown, as text; the verification names it. */
    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Instant instant(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
