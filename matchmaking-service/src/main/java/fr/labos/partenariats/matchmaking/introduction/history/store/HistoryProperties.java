package fr.labos.partenariats.matchmaking.introduction.history.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The introductions' history ({@code lab.introductions.history.*}).
 *
 * @param signingKey       path of the PEM file of the key that signs tree heads (a secret); none: an ephemeral key per start,
 *                         fit for tests only, since heads signed by it can no longer be checked after a restart
 * @param createSigningKey create the key file at {@code signingKey} when it does not exist (a local run)
 * @param headInterval     how often a head is signed and published when the tree grew
 */
@ConfigurationProperties("lab.introductions.history")
public record HistoryProperties(String signingKey, @DefaultValue("false") boolean createSigningKey,
                                @DefaultValue("PT1M") Duration headInterval) {
}
