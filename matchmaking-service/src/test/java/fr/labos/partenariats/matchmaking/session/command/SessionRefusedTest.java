package fr.labos.partenariats.matchmaking.session.command;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal names its actors by id in its own message, and by what its reader knows them as when the API says it. */
class SessionRefusedTest {

    @Test
    void theActorsOfARefusalAreSaidByIdOrByName() {
        SessionRefused refused = new WishNotExpressed("actor-a", "actor-b");
        assertThat(refused.getMessage()).isEqualTo("l'acteur actor-a n'a pas souhaité rencontrer actor-b");
        assertThat(refused.actorIds()).containsExactly("actor-a", "actor-b");
        Map<String, String> names = Map.of("actor-a", "« Association Tremplin »", "actor-b", "« Ville de Voiron »");
        assertThat(refused.naming(names::get))
                .isEqualTo("l'acteur « Association Tremplin » n'a pas souhaité rencontrer « Ville de Voiron »");
    }

    @Test
    void anActorTheCommandDidNotNameIsSaidSo() {
        SessionRefused refused = new NotAParticipant(null);
        assertThat(refused.getMessage()).isEqualTo("l'acteur non précisé n'est pas inscrit à la session");
        assertThat(refused.naming(id -> "« " + id + " »")).isEqualTo(refused.getMessage());
    }

    @Test
    void aRefusalNamingNoActorIsItsMessage() {
        SessionRefused refused = new SessionAlreadyClosed();
        assertThat(refused.actorIds()).isEmpty();
        assertThat(refused.naming(id -> "?")).isEqualTo("la session est close");
    }
}
