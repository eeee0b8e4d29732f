package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    private static final TreeHead HEAD = new TreeHead(42, Hash.of(new byte[32]), Instant.parse("2026-06-01T08:00:00Z"));

    @TempDir
    Path folder;

    @Test
    void aKeyCreatedOnceIsReadBackTheSameAtTheNextStart() throws Exception {
        Path file = folder.resolve("data/introduction-log-key.pem");
        SigningKey created = SigningKey.fromFile(file, true);
        SigningKey again = SigningKey.fromFile(file, true);

        assertThat(again.keyId()).isEqualTo(created.keyId()).hasSize(64);
        assertThat(created.signer().sign(HEAD).isSignedBy(again.publicKey())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /**
     * Instances started at once on the same data folder: one creates the key, the others read that one rather than
     * each writing its own over it and signing with a key the file no longer holds. Tried on several folders, since
     * the instances must meet between one's look for the file and its writing of it.
     */
    @Test
    void instancesCreatingTheKeyAtOnceAllSignWithTheOneTheFileHolds() throws Exception {
        int instances = 4;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 20; round++) {
                Path file = folder.resolve("data-" + round + "/introduction-log-key.pem");
                CyclicBarrier start = new CyclicBarrier(instances);
                List<Future<SigningKey>> keys = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    keys.add(threads.submit(() -> {
                        start.await();
                        return SigningKey.fromFile(file, true);
                    }));
                }
                List<String> signedWith = new ArrayList<>();
                for (Future<SigningKey> key : keys) {
                    signedWith.add(key.get(30, TimeUnit.SECONDS).keyId());
                }
                String inTheFile = SigningKey.read(Files.readString(file)).keyId();
                assertThat(signedWith).as("the keys the instances sign with, round " + round).containsOnly(inTheFile);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theServedPublicKeyChecksTheHeadsAsTheVerifierReadsIt() {
        SigningKey key = SigningKey.generate();
        SignedTreeHead signed = key.signer().sign(HEAD);
        assertThat(signed.isSignedBy(ProofJson.readPublicKey(key.publicKeyPem(), signed.algorithm()))).isTrue();
        assertThat(signed.isSignedBy(SigningKey.generate().publicKey())).isFalse();
    }

    @Test
    void anEcKeyFromASecretStoreSignsWithEcdsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + ProofJson.writePublicKey(pair.getPublic());

        SigningKey key = SigningKey.read(pem);

        assertThat(key.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(key.signer().sign(HEAD).isSignedBy(pair.getPublic())).isTrue();
    }

    @Test
    void aFileWithoutThePublicKeyIsRefusedWithTheCommandThatCompletesIt() throws Exception {
        Path file = folder.resolve("key.pem");
        SigningKey.generate().writeTo(file);
        String privateOnly = Files.readString(file).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        assertThatThrownBy(() -> SigningKey.read(privateOnly)).hasMessageContaining("openssl pkey");
    }

    /** A key file put together from two key pairs: every head would be signed by one key and named by the other. */
    @Test
    void aFileWhosePublicKeyIsNotItsPrivateKeysIsRefused() throws Exception {
        Path mine = folder.resolve("mine.pem");
        Path other = folder.resolve("other.pem");
        SigningKey.generate().writeTo(mine);
        SigningKey.generate().writeTo(other);
        String privatePart = Files.readString(mine).split("-----BEGIN PUBLIC KEY-----")[0];
        String otherPublic = "-----BEGIN PUBLIC KEY-----" + Files.readString(other).split("-----BEGIN PUBLIC KEY-----")[1];
        assertThatThrownBy(() -> SigningKey.read(privatePart + otherPublic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the one of its private key");
        assertThat(SigningKey.read(Files.readString(mine)).keyId()).hasSize(64);
    }

    /**
     * A write cut short (a kill, a full disk) leaves no key file: the next start creates the key, where a partial
     * file under the key's name would have stopped every start after it.
     */
    @Test
    void aKeyFileIsPutWholeOrNotAtAll() throws Exception {
        Path file = folder.resolve("local").resolve("signing-key.pem");
        assertThatThrownBy(() -> SigningKey.publish(file, out -> {
            out.write("-----BEGIN PRIVATE KEY-----\nMC4CAQ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            throw new java.io.IOException("No space left on device");
        })).hasMessage("No space left on device");
        assertThat(file).doesNotExist();
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("nothing left beside it").isEmpty();
        }

        SigningKey created = SigningKey.fromFile(file, true);
        assertThat(SigningKey.fromFile(file, true).keyId()).isEqualTo(created.keyId());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKey.publish(file, out -> out.write(new byte[]{1}))).as("an existing key is never replaced").isFalse();
        assertThat(SigningKey.fromFile(file, false).keyId()).isEqualTo(created.keyId());
    }

    @Test
    void aMissingKeyIsNotCreatedUnlessAsked() {
        assertThatThrownBy(() -> SigningKey.fromFile(folder.resolve("absent.pem"), false))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
