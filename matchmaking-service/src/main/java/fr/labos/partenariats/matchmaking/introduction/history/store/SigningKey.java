package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHeadSigner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that signs tree heads: read from a PEM file holding a PKCS#8 private key ("BEGIN PRIVATE KEY") and its
 * public key ("BEGIN PUBLIC KEY"), Ed25519 or EC. Its id is the SHA-256 of the public key's X.509 encoding.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String algorithm) {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    /** A fresh Ed25519 key, kept nowhere: for a test or a service started without a configured key. */
    public static SigningKey generate() {
        KeyPair pair = TreeHeadSigner.newEd25519KeyPair();
        return new SigningKey(pair.getPrivate(), pair.getPublic(), TreeHeadSigner.ED25519);
    }

    /** Reads the key, or creates one at that path first when asked to (a local run keeps it in its data folder). */
    static SigningKey fromFile(Path file, boolean createIfMissing) throws IOException {
        if (!createIfMissing) {
            return read(Files.readString(file));
        }
        if (!Files.exists(file)) {
            SigningKey created = generate();
            if (created.writeTo(file)) {
                return created;
            }
        }
        // Created by another instance, since the check or just before it: the one both sign with, there whole.
        return read(Files.readString(file));
    }

    /** The key from the PEM text of a key file (its private key and its public key). */
    public static SigningKey read(String pem) {
        byte[] privateKey = null;
        String publicKey = null;
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (block.group(1).equals("PRIVATE KEY")) {
                privateKey = Base64.getMimeDecoder().decode(block.group(2));
            } else if (block.group(1).equals("PUBLIC KEY")) {
                publicKey = block.group();
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalArgumentException("the signing key file needs a PKCS#8 private key and its public key "
                    + "(openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout >> key.pem)");
        }
        for (String algorithm : new String[]{TreeHeadSigner.ED25519, "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(privateKey));
                String signature = algorithm.equals("EC") ? "SHA256withECDSA" : algorithm;
                return checkedPair(key, ProofJson.readPublicKey(publicKey, signature), signature);
            } catch (GeneralSecurityException e) {
                // not a key of this algorithm: try the next one
            }
        }
        throw new IllegalArgumentException("the signing key is neither an Ed25519 nor an EC private key");
    }

    /**
     * The two keys of the file, once they are seen to belong together: a public key that did not come with the
     * private key would be served to verifiers and named in every head, and every head would fail their check,
     * found out only when someone checks. Refused at the start instead.
     */
    private static SigningKey checkedPair(PrivateKey privateKey, PublicKey publicKey, String algorithm) {
        SignedTreeHead probe = new TreeHeadSigner(privateKey, algorithm)
                .sign(new TreeHead(0, MerkleHashing.emptyTreeHash(), Instant.EPOCH));
        if (!probe.isSignedBy(publicKey)) {
            throw new IllegalArgumentException("the public key of the signing key file is not the one of its private "
                    + "key: write the private key's own (openssl pkey -in key.pem -pubout)");
        }
        return new SigningKey(privateKey, publicKey, algorithm);
    }

    /** SHA-256 of the public key's X.509 encoding, lower-case hex: which key signed a head. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    public TreeHeadSigner signer() {
        return new TreeHeadSigner(privateKey, algorithm);
    }

    /** The public key as PEM, as served to verifiers. */
    public String publicKeyPem() {
        return ProofJson.writePublicKey(publicKey);
    }

    /** Writes the key into a new file (see {@link #publish}); false, writing nothing, when the file exists already. */
    boolean writeTo(Path file) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + publicKeyPem();
        return publish(file, out -> out.write(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What goes into a file being published. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Puts a file at {@code file} whole or not at all, readable and writable by its owner only from its creation (a
     * file restricted after being written would let others open it in between). The content is written and synced
     * to a file of its own beside it, then linked under the file's name: a kill while writing leaves a stray
     * temporary file rather than a partial key, which every later start would refuse to read. The link fails when
     * the name exists, so that two instances starting at once cannot both put a key there.
     *
     * @return false, writing nothing, when the file exists already
     */
    static boolean publish(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                // A file system without hard links (FAT, some network or FUSE mounts): moved into place instead,
                // which still refuses a name that exists (no REPLACE_EXISTING).
                Files.move(temporary, file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
