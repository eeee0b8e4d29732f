package fr.labos.partenariats.matchmaking.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a spreadsheet's actor name is compared with the actors' names (the imports of sessions and past introductions). */
class ActorsByNameTest {

    @Test
    void aNameIsOneWhateverItsCaseAccentsLigaturesSpacesAndApostrophes() {
        assertThat(ActorsByName.key("  Les Restos du  Cœur "))
                .isEqualTo(ActorsByName.key("les restos du coeur"))
                .isEqualTo(ActorsByName.key("LES RESTOS DU CŒUR"));
        assertThat(ActorsByName.key("Ville d’Échirolles")).isEqualTo(ActorsByName.key("ville d'echirolles"));
        assertThat(ActorsByName.key("Ætheria")).isEqualTo(ActorsByName.key("aetheria"));
        assertThat(ActorsByName.key("Restos du Cœur")).isNotEqualTo(ActorsByName.key("Restos du Chœur"));
        assertThat(ActorsByName.key(null)).isEmpty();
    }
}
