package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
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
        assertThat(printed()).startsWith("OK : l'événement 7 figure dans l'arbre de 20 événements")
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
        Path empty = write("empty.json", ProofJson.write(signer.sign(new TreeHead(0, new MerkleTree().rootHash(), MAY))));
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

    private int run(String command, Path... paths) {
        List<String> args = new ArrayList<>(List.of(command));
        for (Path path : paths) {
            args.add(path.toString());
        }
        return new VerifyIntroductionHistory(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
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
