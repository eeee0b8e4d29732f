package fr.labos.partenariats.matchmaking.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorPairTest {

    @Test
    void thePairIsTheSameWhicheverActorIsNamedFirst() {
        assertThat(ActorPair.of("wimoov", "fondation")).isEqualTo(ActorPair.of("fondation", "wimoov"));
        assertThat(ActorPair.of("wimoov", "fondation")).isEqualTo(new ActorPair("fondation", "wimoov"));
    }

    /** Rows and name-based ids already stored name the pair in this order: it is the order of String.compareTo. */
    @Test
    void theActorsComeInTheOrderOfTheirIdsAsStrings() {
        ActorPair pair = ActorPair.of("actor-10", "actor-9");
        assertThat(pair.first()).isEqualTo("actor-10");
        assertThat(pair.second()).isEqualTo("actor-9");
        assertThat(ActorPair.of("b", "B")).isEqualTo(new ActorPair("B", "b"));
    }

    @Test
    void anActorWithItselfIsAPairOfTheSameId() {
        assertThat(ActorPair.of("wimoov", "wimoov")).isEqualTo(new ActorPair("wimoov", "wimoov"));
    }

    @Test
    void aPairNamedOutOfOrderIsRefused() {
        assertThatThrownBy(() -> new ActorPair("wimoov", "fondation")).isInstanceOf(IllegalArgumentException.class);
    }
}
