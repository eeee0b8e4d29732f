package fr.labos.partenariats.deploy;

import org.junit.jupiter.api.RepeatedTest;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    /**
     * Repeated: ports drawn one after the other, each closed before the next, repeat themselves in about one draw of
     * fifty out of seven on Linux; forty draws all without a duplicate are what only holding them gives.
     */
    @RepeatedTest(40)
    void theFreePortsOfOneDrawAreAllDifferentAndFree() {
        int[] ports = Ports.freePorts(50);

        assertThat(ports).hasSize(50).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ports).allMatch(Ports::isFree)).as("every port given back once drawn").isTrue();
    }
}
