package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.InclusionProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleProofs;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Checks, from files alone, a proof about the introductions' history: that an event is in a published tree
 * (inclusion) or that a later tree extends an earlier one the user kept (consistency); or audits the whole history
 * from the records of {@code lab.matchmaking.events} ({@link TopicAudit}). It runs without the service and trusts
 * nothing it says: only the heads the user holds or the topic kept and, when given, the service's public key.
 * <pre>
 * inclusion   HEAD.json INCLUSION-PROOF.json [PUBLIC-KEY.pem] [--step STEP.json]
 * consistency EARLIER-HEAD.json LATER-HEAD.json CONSISTENCY-PROOF.json [PUBLIC-KEY.pem]
 * topic       BOOTSTRAP-SERVERS TOPIC [PUBLIC-KEY.pem] [--consumer.config CLIENT.properties]
 * </pre>
 * Exit status 0 when the proof or the audit holds, 1 when it does not, 2 when the arguments, files or broker cannot
 * be read.
 * <p>
 * An inclusion proof shows that a leaf is in a tree; which event that leaf is, only the service says (its
 * {@code eventId}). With {@code --step}, the step of the history the user saved ({@link SavedStep}), the proof must
 * be about that event: same id and the same leaf, recomputed from the event the proof carries when it does. Without
 * it the verifier says what it could not tie, and when the leaf was only given by the service.
 */
public final class VerifyIntroductionHistory {

    static final int HOLDS = 0;
    static final int FAILS = 1;
    static final int UNUSABLE = 2;
    /** As Kafka's own command-line tools: the consumer's settings (security protocol, SASL, TLS stores…). */
    static final String CONSUMER_CONFIG = "--consumer.config";
    /** The step of the history the user saved, which an inclusion proof must be about. */
    static final String STEP = "--step";
    /** Said of a leaf hash the proof gives without the event: nothing here hashed it. */
    private static final String GIVEN_LEAF = "feuille fournie par le service, non recalculée";

    private final PrintStream out;

    VerifyIntroductionHistory(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new VerifyIntroductionHistory(System.out).run(List.of(args)));
    }

    int run(List<String> args) {
        try {
            if (!args.isEmpty() && args.get(0).equals("inclusion")) {
                List<String> positional = new ArrayList<>(args);
                Path step = option(positional, STEP);
                if (positional.size() >= 3 && positional.size() <= 4) {
                    return inclusion(Path.of(positional.get(1)), Path.of(positional.get(2)), keyPath(positional, 3),
                            step);
                }
            }
            if (args.size() >= 4 && args.size() <= 5 && args.get(0).equals("consistency")) {
                return consistency(Path.of(args.get(1)), Path.of(args.get(2)), Path.of(args.get(3)), keyPath(args, 4));
            }
            if (!args.isEmpty() && args.get(0).equals("topic")) {
                List<String> positional = new ArrayList<>(args);
                Path clientSettings = option(positional, CONSUMER_CONFIG);
                if (positional.size() >= 3 && positional.size() <= 4) {
                    return topic(positional.get(1), positional.get(2), keyPath(positional, 3), clientSettings);
                }
            }
            out.println("usage : inclusion TETE.json PREUVE.json [CLE-PUBLIQUE.pem] [--step ETAPE.json]");
            out.println("        consistency TETE-ANCIENNE.json TETE-RECENTE.json PREUVE.json [CLE-PUBLIQUE.pem]");
            out.println("        topic SERVEURS-KAFKA SUJET [CLE-PUBLIQUE.pem] [--consumer.config CLIENT.properties]");
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            out.println("illisible : " + describe(e));
            return UNUSABLE;
        }
    }

    private int inclusion(Path headFile, Path proofFile, Path keyFile, Path stepFile) throws IOException {
        SignedTreeHead head = ProofJson.readHead(read(headFile));
        if (!signedIfAsked(head, keyFile)) {
            return FAILS;
        }
        JsonNode proofJson = read(proofFile);
        InclusionProof proof = ProofJson.readInclusionProof(proofJson);
        Hash leafHash = ProofJson.readLeafHash(proofJson);
        String leaf = ProofJson.readLeaf(proofJson);
        String eventId = proofJson.path("eventId").isTextual() ? proofJson.path("eventId").asText() : null;
        boolean twoLeaves = leaf != null && proofJson.hasNonNull("leafHash");
        if (twoLeaves && !ProofJson.readGivenLeafHash(proofJson).equals(leafHash)) {
            return fails("la feuille que donne la preuve n'est pas celle de l'événement qu'elle porte : l'une des deux "
                    + "a été changée");
        }
        SavedStep saved = stepFile == null ? null : SavedStep.of(read(stepFile), eventId);
        String mismatch = saved == null ? null : saved.mismatch(eventId, proof.leafIndex(), leaf, leafHash);
        if (mismatch != null) {
            return fails(mismatch);
        }
        if (proof.treeSize() != head.head().treeSize()) {
            return fails("la preuve porte sur un arbre de " + proof.treeSize() + " événements, la tête sur "
                    + head.head().treeSize());
        }
        if (!MerkleProofs.verifyInclusion(leafHash, proof, head.head().rootHash())) {
            return fails("la feuille " + proof.leafIndex() + " (" + leafHash + ") n'est PAS dans l'arbre de tête "
                    + head.head().rootHash());
        }
        out.println("OK : la feuille " + proof.leafIndex() + " figure dans l'arbre de " + proof.treeSize()
                + " événements de tête " + head.head().rootHash());
        out.println(whichEvent(saved, stepFile, eventId, leaf));
        out.println(signatureSaid(keyFile, "la tête"));
        return HOLDS;
    }

    /**
     * What ties the leaf to an event: the step the user saved, or nothing but the service's word; and whether the
     * leaf was recomputed from the event the proof carries or only given by the service.
     */
    private static String whichEvent(SavedStep saved, Path stepFile, String eventId, String leaf) {
        if (saved != null) {
            return "  c'est " + saved.described() + " enregistré dans " + stepFile.getFileName() + (leaf != null
                    ? " : recalculé à partir de la preuve, il a l'empreinte de l'étape enregistrée"
                    : " : sa feuille est celle de l'étape enregistrée (" + GIVEN_LEAF + ")");
        }
        String named = eventId == null ? "la preuve ne nomme aucun événement"
                : "l'événement " + eventId + " n'est que ce qu'en dit le service";
        return leaf != null
                ? "  feuille recalculée à partir de l'événement que porte la preuve ; " + named
                + " (--step ETAPE.json : l'étape enregistrée de l'historique, pour l'y relier)"
                : "  " + GIVEN_LEAF + " : la preuve montre qu'elle figure dans l'arbre, pas de quel événement elle "
                + "est ; " + named + " (--step ETAPE.json : l'étape enregistrée de l'historique, pour l'y relier)";
    }

    private int consistency(Path earlierFile, Path laterFile, Path proofFile, Path keyFile) throws IOException {
        SignedTreeHead earlier = ProofJson.readHead(read(earlierFile));
        SignedTreeHead later = ProofJson.readHead(read(laterFile));
        if (!signedIfAsked(earlier, keyFile) || !signedIfAsked(later, keyFile)) {
            return FAILS;
        }
        ConsistencyProof proof = ProofJson.readConsistencyProof(read(proofFile));
        if (proof.firstSize() != earlier.head().treeSize() || proof.secondSize() != later.head().treeSize()) {
            return fails("la preuve va de " + proof.firstSize() + " à " + proof.secondSize()
                    + " événements, les têtes de " + earlier.head().treeSize() + " à " + later.head().treeSize());
        }
        if (!MerkleProofs.verifyConsistency(earlier.head().rootHash(), later.head().rootHash(), proof)) {
            return fails("l'arbre de " + proof.secondSize() + " événements ne prolonge PAS celui de "
                    + proof.firstSize() + " : l'historique publié a été réécrit");
        }
        out.println("OK : l'arbre de " + proof.secondSize() + " événements prolonge celui de " + proof.firstSize()
                + " sans rien en modifier");
        out.println(signatureSaid(keyFile, "les deux têtes"));
        return HOLDS;
    }

    private int topic(String bootstrapServers, String topic, Path keyFile, Path clientSettingsFile) throws IOException {
        PublicKey key = keyFile == null ? null : ProofJson.readPublicKey(Files.readString(keyFile));
        Properties clientSettings = new Properties();
        if (clientSettingsFile != null) {
            try (Reader reader = Files.newBufferedReader(clientSettingsFile)) {
                clientSettings.load(reader);
            }
        }
        TopicAudit.Verdict verdict = TopicAudit.ofTopic(bootstrapServers, topic, clientSettings, key);
        verdict.lines().forEach(out::println);
        return verdict.holds() ? HOLDS : FAILS;
    }

    /**
     * Whether the heads were checked against a key: a proof against a head shows no more than where that head comes
     * from, so the reader is told when nothing said who signed it.
     */
    private static String signatureSaid(Path keyFile, String heads) {
        return keyFile == null
                ? "  signature NON vérifiée (aucune clé donnée) : " + heads + " vaut ce que vaut sa provenance"
                : "  signature de " + heads + " vérifiée par la clé " + keyFile.getFileName();
    }

    private boolean signedIfAsked(SignedTreeHead head, Path keyFile) throws IOException {
        if (keyFile == null) {
            return true;
        }
        // The key file says how a signature is checked; the head file, whoever wrote it, does not.
        PublicKey key = ProofJson.readPublicKey(Files.readString(keyFile));
        String uncheckable = head.uncheckableBy(key);
        if (uncheckable != null) {
            fails("la tête de " + head.head().treeSize() + " événements n'a pas pu être vérifiée : " + uncheckable);
            return false;
        }
        if (!head.isSignedBy(key)) {
            fails("la tête de " + head.head().treeSize() + " événements n'est pas signée par cette clé");
            return false;
        }
        return true;
    }

    private int fails(String why) {
        out.println("ÉCHEC : " + why);
        return FAILS;
    }

    /** The failure's message, and its root cause's when there is one (Kafka's client wraps what went wrong). */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + " : " + root.getMessage();
    }

    /** Removes {@code name} and the value after it from {@code args}, and returns the value as a path (or null). */
    private static Path option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " attend un fichier");
        }
        Path value = Path.of(args.get(at + 1));
        args.subList(at, at + 2).clear();
        return value;
    }

    private static Path keyPath(List<String> args, int position) {
        return args.size() > position ? Path.of(args.get(position)) : null;
    }

    private static JsonNode read(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(file.toFile());
    }
}
