package fr.labos.partenariats.matchmaking.introduction.history;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-03-09T08:30:00Z");
    private static final Map<String, String> FACILITATOR = Map.of("principalSubject", "u-7f3c", "principalRole",
            "FACILITATOR");

    private final List<HistoryStep> history = HistoryStep.chain(List.of(
            event("IntroductionProposedEvent", "{\"introductionId\":\"i-1\",\"note\":\"Sud-Isère\"}", 0),
            event("IntroductionAcceptedEvent", "{\"introductionId\":\"i-1\",\"actorId\":\"a-1\"}", 1),
            event("IntroductionAcceptedEvent", "{\"introductionId\":\"i-1\",\"actorId\":\"a-2\"}", 2),
            event("MeetingHeldEvent", "{\"introductionId\":\"i-1\",\"meetingId\":\"m-1\"}", 3)));

    @Test
    void theCanonicalFormSortsKeysAndLeavesNoSpace() {
        CanonicalEvent event = CanonicalEvent.of("MeetingHeldEvent", "1",
                "{ \"note\": \"été\", \"meetingId\": \"m-1\" }", Map.of("principalSubject", "u-1", "actingFor", "a-1"), T0, null);
        assertThat(new String(event.bytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"metadata\":{\"actingFor\":\"a-1\",\"principalSubject\":\"u-1\"},"
                        + "\"payload\":{\"meetingId\":\"m-1\",\"note\":\"été\"},\"previousHash\":null,"
                        + "\"revision\":\"1\",\"timestamp\":\"2026-03-09T08:30:00Z\",\"type\":\"MeetingHeldEvent\"}");
    }

    @Test
    void theHashIsSha256OfTheCanonicalBytes() throws Exception {
        CanonicalEvent event = history.get(1).event();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(event.bytes());
        assertThat(event.hash()).isEqualTo(HexFormat.of().formatHex(expected)).hasSize(64);
    }

    @Test
    void theSameEventGivesTheSameHashWhateverTheOrderOfItsJsonProperties() {
        CanonicalEvent one = CanonicalEvent.of("T", "1", "{\"a\":1,\"b\":{\"c\":2,\"d\":[3,4]}}", Map.of(), T0, "p");
        CanonicalEvent other = CanonicalEvent.of("T", "1", "{\"b\":{\"d\":[3,4],\"c\":2},\"a\":1}", Map.of(), T0, "p");
        assertThat(one.hash()).isEqualTo(other.hash());
    }

    @Test
    void everyStepLinksToTheHashOfTheOneBefore() {
        assertThat(history.get(0).event().previousHash()).isNull();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).event().previousHash()).isEqualTo(history.get(i - 1).hash());
        }
    }

    @Test
    void anUntouchedHistoryHolds() {
        ChainVerification verification = ChainVerifier.verify(history);
        assertThat(verification.chainHolds()).isTrue();
        assertThat(verification.brokenStep()).isNull();
        assertThat(verification.steps()).isEqualTo(4);
    }

    @Test
    void anAlteredPayloadIsNamedAsTheBrokenStep() {
        List<HistoryStep> tampered = new ArrayList<>(history);
        HistoryStep step = history.get(1);
        tampered.set(1, new HistoryStep(1, CanonicalEvent.of("IntroductionAcceptedEvent", "1",
                "{\"introductionId\":\"i-1\",\"actorId\":\"a-9\"}", FACILITATOR, step.event().timestamp(),
                step.event().previousHash()), step.hash()));
        ChainVerification verification = ChainVerifier.verify(tampered);
        assertThat(verification.chainHolds()).isFalse();
        assertThat(verification.brokenStep()).isEqualTo(1);
        assertThat(verification.brokenType()).isEqualTo("IntroductionAcceptedEvent");
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.ALTERED_STEP);
        assertThat(verification.explanation()).contains("l'étape 1 (IntroductionAcceptedEvent) a été modifiée");
    }

    @Test
    void alteredMetadataBreaksTheStepToo() {
        List<HistoryStep> tampered = new ArrayList<>(history);
        HistoryStep step = history.get(2);
        CanonicalEvent original = step.event();
        tampered.set(2, new HistoryStep(2, new CanonicalEvent(original.type(), original.revision(), original.payload(),
                null, original.timestamp(), original.previousHash()), step.hash()));
        assertThat(ChainVerifier.verify(tampered).brokenStep()).isEqualTo(2);
    }

    @Test
    void aStepRehashedAfterBeingAlteredBreaksTheLinkOfTheNextStep() {
        List<HistoryStep> tampered = new ArrayList<>(history);
        CanonicalEvent forged = CanonicalEvent.of("IntroductionAcceptedEvent", "1",
                "{\"introductionId\":\"i-1\",\"actorId\":\"a-9\"}", FACILITATOR, T0.plusSeconds(2),
                history.get(1).hash());
        tampered.set(2, new HistoryStep(2, forged, forged.hash()));
        ChainVerification verification = ChainVerifier.verify(tampered);
        assertThat(verification.brokenStep()).isEqualTo(3);
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.BROKEN_LINK);
    }

    @Test
    void aDeletedStepIsNamed() {
        List<HistoryStep> tampered = new ArrayList<>(history);
        tampered.remove(2);
        ChainVerification verification = ChainVerifier.verify(tampered);
        // The broken step is the missing one, as for steps cut off at the end; its type went with it.
        assertThat(verification.brokenStep()).isEqualTo(2);
        assertThat(verification.brokenType()).isNull();
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.MISSING_STEP);
        assertThat(verification.explanation()).contains("l'étape 2 manque");
    }

    @Test
    void aDeletedFirstStepIsStepZero() {
        ChainVerification verification = ChainVerifier.verify(history.subList(1, 4), 4);
        assertThat(verification.brokenStep()).isZero();
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.MISSING_STEP);
        assertThat(verification.explanation()).startsWith("l'étape 0 manque avant l'étape 1");
    }

    @Test
    void stepsRecordedButGoneFromTheStoreAreNamed() {
        ChainVerification verification = ChainVerifier.verify(history.subList(0, 2), 4);
        assertThat(verification.chainHolds()).isFalse();
        assertThat(verification.brokenStep()).isEqualTo(2);
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.MISSING_STEP);
        assertThat(verification.explanation()).contains("les étapes 2 à 3").contains("supprimées");
    }

    @Test
    void aHistoryWithAsManyStepsAsRecordedHolds() {
        assertThat(ChainVerifier.verify(history, 4).chainHolds()).isTrue();
    }

    @Test
    void aStepWithNoRecordedHashWasAddedAfterwardsOrLostItsHash() {
        List<HistoryStep> tampered = new ArrayList<>(history);
        tampered.set(3, new HistoryStep(3, history.get(3).event(), null));
        ChainVerification verification = ChainVerifier.verify(tampered);
        assertThat(verification.brokenStep()).isEqualTo(3);
        assertThat(verification.reason()).isEqualTo(ChainVerification.Break.UNRECORDED_STEP);
        // The same row as a step whose recorded hash was deleted: the explanation allows both.
        assertThat(verification.explanation()).isEqualTo("l'étape 3 (MeetingHeldEvent) n'a aucune empreinte dans "
                + "l'historique : elle a été ajoutée après coup, ou son empreinte a été supprimée");
    }

    @Test
    void aStoredRowGivesTheSameFormAsTheEventItHolds() {
        CanonicalEvent stored = CanonicalEvent.ofStored("MeetingHeldEvent", "1",
                "{\"meetingId\":\"m-1\",\"introductionId\":\"i-1\"}".getBytes(StandardCharsets.UTF_8),
                "{\"principalSubject\":\"u-7f3c\",\"principalRole\":\"FACILITATOR\"}".getBytes(StandardCharsets.UTF_8),
                "2026-03-09T08:30:03Z", history.get(2).hash());
        assertThat(stored.hash()).isEqualTo(history.get(3).hash());
    }

    private static CanonicalEvent event(String type, String payload, int second) {
        return CanonicalEvent.of(type, "1", payload, FACILITATOR, T0.plusSeconds(second), null);
    }
}
