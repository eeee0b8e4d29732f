package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A step of an introduction's history as its reader saved it from {@code GET /api/introductions/{id}/history}: what
 * the inclusion verifier ties a proof to, since nothing in a proof says which event its leaf is but the service's
 * word. The saved step holds the event's id, its hash (SHA-256 of its canonical form) and its leaf: a proof is about
 * that event only when it names the same id and its leaf is the same, recomputed from the event the proof carries
 * when it carries one (same hash), else as the service gave it (same leaf hash).
 *
 * @param introductionId the introduction, when the file is the whole history; else null
 */
record SavedStep(String eventId, long step, String type, String hash, Long leafIndex, String leafHash,
                 String introductionId) {

    /**
     * The step of a saved file: one step of a history, or a whole history, whose step is then the one with the event
     * the proof names.
     *
     * @throws IllegalArgumentException when the file is neither, or the history has no step with that event
     */
    static SavedStep of(JsonNode file, String proofEventId) {
        if (!file.has("steps")) {
            return step(file, null);
        }
        for (JsonNode step : file.path("steps")) {
            if (step.path("eventId").asText("").equals(proofEventId)) {
                return step(step, file.path("introductionId").asText(null));
            }
        }
        throw new IllegalArgumentException("l'historique enregistré n'a aucune étape de l'événement " + proofEventId
                + " que nomme la preuve");
    }

    private static SavedStep step(JsonNode step, String introductionId) {
        String eventId = step.path("eventId").asText(null);
        if (eventId == null || !step.path("step").isIntegralNumber()) {
            throw new IllegalArgumentException("le fichier de l'étape n'est ni une étape ni un historique enregistré "
                    + "(GET /api/introductions/{id}/history)");
        }
        JsonNode leafIndex = step.path("leafIndex");
        return new SavedStep(eventId, step.path("step").asLong(), step.path("what").asText(null),
                step.path("hash").asText(null), leafIndex.isIntegralNumber() ? leafIndex.asLong() : null,
                step.path("leafHash").asText(null), introductionId);
    }

    /**
     * Why the proof is not about this step, or null when it is: another event id, another leaf index, or another
     * event (its hash recomputed from the proof's {@code leaf}) or leaf (the proof's {@code leafHash}).
     *
     * @param leaf the canonical event the proof carries, or null when it carries only its leaf hash
     */
    String mismatch(String proofEventId, long proofLeafIndex, String leaf, Hash proofLeafHash) {
        if (proofEventId != null && !proofEventId.equals(eventId)) {
            return "la preuve porte sur l'événement " + proofEventId + ", pas sur l'événement " + eventId
                    + " de l'étape enregistrée";
        }
        if (leafIndex != null && leafIndex != proofLeafIndex) {
            return "la preuve porte sur la feuille " + proofLeafIndex + ", l'étape enregistrée est la feuille "
                    + leafIndex;
        }
        if (leaf != null) {
            String recomputed = CanonicalEvent.hashOf(leaf.getBytes(StandardCharsets.UTF_8));
            return recomputed.equals(hash) ? null
                    : "l'événement que porte la preuve n'est pas celui de l'étape enregistrée : son empreinte est "
                    + recomputed + ", celle de l'étape " + hash;
        }
        return Objects.equals(proofLeafHash.hex(), leafHash) ? null
                : "la feuille de la preuve (" + proofLeafHash + ") n'est pas celle de l'étape enregistrée (" + leafHash
                + ")";
    }

    /** The step in French: the event, its step and type, and its introduction when known. */
    String described() {
        return "l'événement " + eventId + " (étape " + step + (type == null ? "" : ", " + type)
                + (introductionId == null ? "" : ", mise en relation " + introductionId) + ")";
    }
}
