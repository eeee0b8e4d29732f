package fr.labos.partenariats.profile.infrastructure;

import fr.labos.partenariats.platform.testing.FailureText;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An append PostgreSQL refuses, on the service's own connections (profile-service.yml's pool): the exception, which
 * the logs print, does not carry the refused event's payload and its personal data, as pgjdbc would put it in the
 * batch's message; the refusal is still the concurrency conflict it is (a 409 to retry, not a 500).
 */
@ProfileServiceIntegrationTest
class EventStoreErrorsIntegrationTest {

    private static final String EMAIL = "camille.martin@example.org";

    @Autowired
    EventStorageEngine events;

    @Test
    void anAppendRefusedForItsSequenceCarriesNoneOfTheEventsData() {
        String actorId = "actor-" + UUID.randomUUID();
        events.appendEvents(new GenericDomainEventMessage<>("Actor", actorId, 0L, Map.of("name", "Wimoov Isère")),
                new GenericDomainEventMessage<>("Actor", actorId, 1L, Map.of("name", "Wimoov")));

        // Another instance wrote sequence 1 first: this one's events are refused by the (aggregate, sequence) index.
        ConcurrencyException refused = catchThrowableOfType(ConcurrencyException.class, () -> events.appendEvents(
                new GenericDomainEventMessage<>("Actor", actorId, 1L, Map.of("contactName", "Camille Martin", "email", EMAIL)),
                new GenericDomainEventMessage<>("Actor", actorId, 2L, Map.of("email", EMAIL))));

        assertThat(refused).as("a unique violation, recognised as a concurrent change").isNotNull();
        String chain = FailureText.of(refused);
        assertThat(chain).contains("Batch entry").contains("duplicate key value violates unique constraint")
                .doesNotContain(EMAIL).doesNotContain("Camille")
                .doesNotContain(HexFormat.of().formatHex(EMAIL.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("Key (");
    }

}
