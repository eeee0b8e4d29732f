package fr.labos.partenariats.profile.actor.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a member hands a colleague so that the colleague joins the actor: {@code <invitation id>.<secret>}. The
 * secret is 128 random bits (22 characters of URL-safe Base64), so that no one guesses it; only its SHA-256 digest is
 * ever stored, and the code itself is shown once, to whoever invited.
 *
 * @param invitationId the invitation (a UUID), which says where to look
 * @param secret       what proves the holder was given the code
 */
public record InvitationCode(String invitationId, String secret) {

    /** What a well-formed code looks like; anything else is refused before any lookup. */
    private static final Pattern PATTERN = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 16;

    public static InvitationCode newCode() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new InvitationCode(UUID.randomUUID().toString(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The code as written by whoever was given it (surrounding blanks ignored), or empty when it is not one. */
    public static Optional<InvitationCode> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(written.strip());
        return matcher.matches() ? Optional.of(new InvitationCode(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** SHA-256 of the secret, lowercase hexadecimal: what the invitation's event keeps. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The code to hand over. */
    public String value() {
        return invitationId + "." + secret;
    }

    /** Without the secret, so that a log line never carries a working code. */
    @Override
    public String toString() {
        return "InvitationCode[" + invitationId + ".…]";
    }
}
