package fr.labos.partenariats.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * What the provider keeps on disk, readable by the local user only: the RSA signing key (so that tokens and the
 * services' cached key set stay valid when it restarts) and the demo secret (the client secret and form-login password
 * of every demo account, so that only someone who can read the data folder gets a token). It also writes the list of
 * accounts and the issuer, for {@code deploy/token.sh}: where to ask, and which names to offer when asked for an
 * account that does not exist.
 */
final class DataFolder {

    static final String SIGNING_KEY = "signing-key.jwk.json";
    static final String DEMO_SECRET = "demo-secret";
    static final String ACCOUNTS = "accounts.txt";
    static final String ISSUER = "issuer";

    private final Path dir;

    DataFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    RSAKey signingKey() {
        Path file = dir.resolve(SIGNING_KEY);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            writePrivately(file, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Unreadable signing key in " + file + ": delete it to make a new one", e);
        }
    }

    String demoSecret() {
        Path file = dir.resolve(DEMO_SECRET);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writePrivately(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo secret in " + file, e);
        }
    }

    void describe(String issuer, List<AuthServerProperties.Account> accounts) {
        StringBuilder text = new StringBuilder();
        for (AuthServerProperties.Account account : accounts) {
            text.append(String.format("%-20s %-13s %s%n", account.name(), account.role(), String.join(",", account.territories())));
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ACCOUNTS), text);
            Files.writeString(dir.resolve(ISSUER), issuer + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(ACCOUNTS), e);
        }
    }

    /** Written to a temporary file first, so that a crash never leaves half a key behind. */
    private void writePrivately(Path file, String content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
