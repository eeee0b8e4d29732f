package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHeadSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone verifier, run as a user would: on files, with the heads the user kept and the service's key. */
class VerifyIntroductionHistoryTest {

    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path files;

    private final KeyPair serviceKey = TreeHeadSigner.newEd25519KeyPair();
    private final TreeHeadSigner signer = new TreeHeadSigner(serviceKey.getPrivate(), TreeHeadSigner.ED25519);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final MerkleTree tree = events(20, -1);

    @Test
    void anEventIsShownToBeInAPublishedHead() throws IOException {
        Path head = write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7)));
        assertThat(run("inclusion", head, proof, publicKey())).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).startsWith("OK : la feuille 7 figure dans l'arbre de 20 événements")
                .contains("signature de la tête vérifiée par la clé ");
    }

    /** Without a key the proof still holds, and the reader is told that nothing said who signed the head. */
    @Test
    void withoutAKeyTheVerifierSaysTheSignatureWasNotChecked() throws IOException {
        Path head = write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7)));
        assertThat(run("inclusion", head, proof)).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).contains("signature NON vérifiée (aucune clé donnée)");
    }

    @Test
    void theVerifierCanHashTheEventItselfRatherThanTrustALeafHash() throws IOException {
        Path head = write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        ObjectNode proof = ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7));
        proof.remove("leafHash");
        proof.put("leaf", "événement 7");
        assertThat(run("inclusion", head, write("inclusion.json", proof))).isEqualTo(VerifyIntroductionHistory.HOLDS);
        proof.put("leaf", "événement 7, modifié");
        assertThat(run("inclusion", head, write("inclusion.json", proof))).isEqualTo(VerifyIntroductionHistory.FAILS);
    }

    /** A leaf hash alone shows that a leaf is in the tree, not which event it is: the verifier says so. */
    @Test
    void aLeafGivenByTheServiceIsSaidToBeNotRecomputed() throws IOException {
        Path head = headOf20();
        ObjectNode proof = proofCarrying(7, "e-7", null);
        assertThat(run("inclusion", head, write("inclusion.json", proof))).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).contains("  feuille fournie par le service, non recalculée")
                .contains("l'événement e-7 n'est que ce qu'en dit le service");
    }

    /**
     * The service names the event asked for (eventId) but carries another event, in the tree at another leaf: the
     * proof holds for that leaf, and only the step the reader saved from the history tells that it is not the event.
     */
    @Test
    void aProofCarryingAnotherEventThanTheSavedStepFails() throws IOException {
        Path head = headOf20();
        ObjectNode proof = proofCarrying(9, "e-7", "événement 9");
        Path forged = write("inclusion.json", proof);
        assertThat(run("inclusion", head, forged)).isEqualTo(VerifyIntroductionHistory.HOLDS);
        output.reset();

        assertThat(run("inclusion", head, forged, "--step", savedStep("e-7", 7, "événement 7")))
                .isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).isEqualTo("ÉCHEC : la preuve porte sur la feuille 9, l'étape enregistrée est la feuille "
                + "7\n");
        output.reset();
        proof.put("eventId", "e-9");
        assertThat(run("inclusion", head, write("inclusion.json", proof), "--step",
                savedStep("e-7", 7, "événement 7"))).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).startsWith("ÉCHEC : la preuve porte sur l'événement e-9, pas sur l'événement e-7");
    }

    /** Event 7 rewritten since its step was saved, the tree rebuilt over the rewrite: the hash no longer matches. */
    @Test
    void aProofCarryingTheEventRewrittenSinceItsStepWasSavedFails() throws IOException {
        ObjectNode proof = proofCarrying(7, "e-7", "événement 7");
        Path step = savedStep("e-7", 7, "événement 7, tel qu'il était");
        assertThat(inclusionAbout(proof, step)).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).startsWith("ÉCHEC : l'événement que porte la preuve n'est pas celui de l'étape "
                + "enregistrée : son empreinte est " + hash("événement 7"));
        output.reset();
        proof.remove("leaf");
        assertThat(inclusionAbout(proof, step)).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).startsWith("ÉCHEC : la feuille de la preuve (" + tree.leafHash(7)
                + ") n'est pas celle de l'étape enregistrée");
    }

    @Test
    void aProofAboutTheSavedStepHoldsAndSaysSo() throws IOException {
        ObjectNode proof = proofCarrying(7, "e-7", "événement 7");
        Path step = savedStep("e-7", 7, "événement 7");
        assertThat(inclusionAbout(proof, step)).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).contains("  c'est l'événement e-7 (étape 2, IntroductionAcceptedEvent) enregistré dans "
                + "step.json : recalculé à partir de la preuve, il a l'empreinte de l'étape enregistrée");
        output.reset();
        // The whole history saved: its step with the proof's event.
        ObjectNode history = JSON.createObjectNode().put("introductionId", "intro-1");
        history.putArray("steps").add(step("e-6", 6, "événement 6")).add(step("e-7", 7, "événement 7"));
        assertThat(inclusionAbout(proof, write("history.json", history))).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).contains("  c'est l'événement e-7 (étape 2, IntroductionAcceptedEvent, mise en relation "
                + "intro-1) enregistré dans history.json");
        output.reset();
        proof.remove("leaf");
        assertThat(inclusionAbout(proof, step)).isEqualTo(VerifyIntroductionHistory.HOLDS);
        assertThat(printed()).contains("(feuille fournie par le service, non recalculée)");
    }

    @Test
    void aProofWhoseLeafHashIsNotItsEventsFails() throws IOException {
        Path head = write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        ObjectNode proof = ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(8));
        proof.put("leaf", "événement 7");
        assertThat(run("inclusion", head, write("inclusion.json", proof))).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).startsWith("ÉCHEC : la feuille que donne la preuve n'est pas celle de l'événement");
    }

    @Test
    void aLaterHeadThatExtendsTheKeptOneIsConsistent() throws IOException {
        Path kept = write("may.json", ProofJson.write(signer.sign(new TreeHead(12, tree.rootHash(12), MAY))));
        Path later = write("june.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("consistency.json", ProofJson.write(tree.consistencyProof(12, 20)));
        assertThat(run("consistency", kept, later, proof, publicKey())).isEqualTo(VerifyIntroductionHistory.HOLDS);
    }

    @Test
    void aHistoryRewrittenConsistentlySinceTheKeptHeadIsCaught() throws IOException {
        Path kept = write("may.json", ProofJson.write(signer.sign(new TreeHead(12, tree.rootHash(12), MAY))));
        // Step 5 rewritten, and every hash after it recomputed, as someone with write access to the store could.
        MerkleTree rewritten = events(20, 5);
        Path later = write("june.json",
                ProofJson.write(signer.sign(new TreeHead(20, rewritten.rootHash(20), JUNE))));
        Path proof = write("consistency.json", ProofJson.write(rewritten.consistencyProof(12, 20)));
        assertThat(run("consistency", kept, later, proof, publicKey())).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).contains("ne prolonge PAS celui de 12");
    }

    @Test
    void aHeadNotSignedByTheServiceKeyIsRefused() throws IOException {
        TreeHeadSigner impostor = new TreeHeadSigner(TreeHeadSigner.newEd25519KeyPair().getPrivate(),
                TreeHeadSigner.ED25519);
        Path head = write("head.json", ProofJson.write(impostor.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7)));
        assertThat(run("inclusion", head, proof, publicKey())).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).contains("n'est pas signée par cette clé");
    }

    /** The key file says how a signature is checked: a head file naming another algorithm fails, it is not unreadable. */
    @Test
    void aHeadNamingAnAlgorithmTheKeyDoesNotCheckFails() throws IOException {
        ObjectNode forged = ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE)));
        forged.put("algorithm", "RSA");
        Path head = write("head.json", forged);
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7)));
        assertThat(run("inclusion", head, proof, publicKey())).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).isEqualTo("ÉCHEC : la tête de 20 événements n'a pas pu être vérifiée : elle annonce "
                + "l'algorithme « RSA », que la clé donnée (Ed25519) ne vérifie pas\n");
    }

    @Test
    void anEcKeyChecksTheHeadsItSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        TreeHeadSigner ecdsa = new TreeHeadSigner(ec.getPrivate(), "SHA256withECDSA");
        Path head = write("head.json", ProofJson.write(ecdsa.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7)));
        Path key = Files.writeString(files.resolve("ec.pem"), ProofJson.writePublicKey(ec.getPublic()));
        assertThat(run("inclusion", head, proof, key)).as(printed()).isEqualTo(VerifyIntroductionHistory.HOLDS);
    }

    @Test
    void aProofForAnotherTreeSizeIsRefused() throws IOException {
        Path head = write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path proof = write("inclusion.json", ProofJson.write(tree.inclusionProof(7, 19), tree.leafHash(7)));
        assertThat(run("inclusion", head, proof)).isEqualTo(VerifyIntroductionHistory.FAILS);
        // Refused for its size, before the path is checked against a root it was not computed for.
        assertThat(printed()).isEqualTo("ÉCHEC : la preuve porte sur un arbre de 19 événements, la tête sur 20\n");
    }

    /**
     * A size that is no JSON integer was read as 0 ("kept", false) or 1 (true): with no key, a kept head of
     * "treeSize": "kept" and a proof from 0 said that the later tree extends it. It is unreadable.
     */
    @Test
    void aSizeThatIsNoIntegerIsUnreadableRatherThanZero() throws IOException {
        Path later = write("june.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        ObjectNode fromNothing = ProofJson.write(new ConsistencyProof(0, 20, List.of()));
        ObjectNode kept = ProofJson.write(signer.sign(new TreeHead(12, tree.rootHash(12), MAY)));
        for (JsonNode size : List.of(TextNode.valueOf("kept"), BooleanNode.TRUE, DoubleNode.valueOf(12.5),
                LongNode.valueOf(-1))) {
            output.reset();
            kept.set("treeSize", size);
            assertThat(run("consistency", write("may.json", kept), later, write("proof.json", fromNothing)))
                    .as(printed()).isEqualTo(VerifyIntroductionHistory.UNUSABLE);
            assertThat(printed()).isEqualTo("illisible : le champ « treeSize » doit être un entier positif ou nul, pas "
                    + size + "\n");
        }
        output.reset();
        ObjectNode inclusion = ProofJson.write(tree.inclusionProof(7, 20), tree.leafHash(7));
        inclusion.put("leafIndex", "7");
        assertThat(run("inclusion", later, write("inclusion.json", inclusion)))
                .isEqualTo(VerifyIntroductionHistory.UNUSABLE);
        assertThat(printed()).startsWith("illisible : le champ « leafIndex » doit être un entier positif ou nul");
    }

    /** A head of 0 events is the empty tree's, whose root is SHA-256 of nothing: one with another root extends nothing. */
    @Test
    void aHeadOfZeroEventsWithAnotherRootThanTheEmptyTreesIsNotExtended() throws IOException {
        Path later = write("june.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
        Path fromNothing = write("proof.json", ProofJson.write(new ConsistencyProof(0, 20, List.of())));
        Path forged = write("may.json", ProofJson.write(signer.sign(new TreeHead(0, tree.rootHash(12), MAY))));
        assertThat(run("consistency", forged, later, fromNothing)).isEqualTo(VerifyIntroductionHistory.FAILS);
        assertThat(printed()).contains("ne prolonge PAS celui de 0");
        output.reset();
        Path empty = write("empty.json",
                ProofJson.write(signer.sign(new TreeHead(0, new MerkleTree().rootHash(), MAY))));
        assertThat(run("consistency", empty, later, fromNothing)).isEqualTo(VerifyIntroductionHistory.HOLDS);
    }

    @Test
    void unreadableFilesAreReportedAsSuch() throws IOException {
        Path broken = files.resolve("broken.json");
        Files.writeString(broken, "{\"treeSize\": 3}");
        assertThat(run("inclusion", broken, broken)).isEqualTo(VerifyIntroductionHistory.UNUSABLE);
        assertThat(new VerifyIntroductionHistory(new PrintStream(output)).run(List.of("inclusion")))
                .isEqualTo(VerifyIntroductionHistory.UNUSABLE);
    }

    @Test
    void theTopicAuditReadsTheConsumersSettingsAsKafkasOwnToolsDo() throws IOException {
        // SASL without its JAAS settings: the consumer refuses to start, before it connects to anything. The file
        // was read, and a client that cannot start is a broker the verifier cannot read (exit status 2).
        Path settings = Files.writeString(files.resolve("client.properties"),
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");
        VerifyIntroductionHistory verifier = new VerifyIntroductionHistory(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(verifier.run(List.of("topic", "localhost:1", "lab.matchmaking.events", "--consumer.config",
                settings.toString()))).isEqualTo(VerifyIntroductionHistory.UNUSABLE);
        assertThat(printed()).startsWith("illisible : ").contains("JAAS");
        output.reset();
        assertThat(verifier.run(List.of("topic", "localhost:1", "lab.matchmaking.events", "--consumer.config")))
                .isEqualTo(VerifyIntroductionHistory.UNUSABLE);
        assertThat(printed()).isEqualTo("illisible : --consumer.config attend un fichier\n");
    }

    private int run(String command, Object... arguments) {
        List<String> args = new ArrayList<>(List.of(command));
        for (Object argument : arguments) {
            args.add(argument.toString());
        }
        return new VerifyIntroductionHistory(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
    }

    private Path headOf20() throws IOException {
        return write("head.json", ProofJson.write(signer.sign(new TreeHead(20, tree.rootHash(20), JUNE))));
    }

    /** The verifier on an inclusion proof in the tree of 20, given the step it must be about. */
    private int inclusionAbout(ObjectNode proof, Path step) throws IOException {
        return run("inclusion", headOf20(), write("inclusion.json", proof), "--step", step);
    }

    /** An inclusion proof in the tree of 20 as the service serves it, naming an event and carrying one (or none). */
    private ObjectNode proofCarrying(long leafIndex, String eventId, String leaf) {
        ObjectNode proof = ProofJson.write(tree.inclusionProof(leafIndex, 20), tree.leafHash(leafIndex));
        proof.put("eventId", eventId);
        if (leaf != null) {
            proof.put("leaf", leaf);
        }
        return proof;
    }

    /** A step as GET /api/introductions/{id}/history gives it, saved by its reader, for the event at that leaf. */
    private Path savedStep(String eventId, long leafIndex, String event) throws IOException {
        return write("step.json", step(eventId, leafIndex, event));
    }

    private static ObjectNode step(String eventId, long leafIndex, String event) {
        return JSON.createObjectNode().put("step", 2).put("eventId", eventId).put("what", "IntroductionAcceptedEvent")
                .put("hash", hash(event)).put("leafIndex", leafIndex)
                .put("leafHash", MerkleHashing.leafHash(event.getBytes(StandardCharsets.UTF_8)).hex());
    }

    private static String hash(String event) {
        return CanonicalEvent.hashOf(event.getBytes(StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private Path publicKey() throws IOException {
        Path key = files.resolve("service.pem");
        Files.writeString(key, ProofJson.writePublicKey(serviceKey.getPublic()));
        return key;
    }

    private Path write(String name, JsonNode json) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, json.toPrettyString());
        return file;
    }

    private static MerkleTree events(int count, int rewritten) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < count; i++) {
            String event = i == rewritten ? "événement " + i + ", réécrit" : "événement " + i;
            tree.append(event.getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }
}
