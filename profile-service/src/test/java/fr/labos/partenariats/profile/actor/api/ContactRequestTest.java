package fr.labos.partenariats.profile.actor.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact person as a request carries it never prints the person: a log line or an exception's message may show it. */
class ContactRequestTest {

    @Test
    void aContactRequestPrintsNoneOfThePerson() {
        ActorRequest.ContactRequest request = new ActorRequest.ContactRequest("Camille Martin", "camille@example.org",
                "04 76 00 00 00");

        assertThat(request.toString()).doesNotContain("Camille", "camille@example.org", "04 76").contains("redacted");
        assertThat(request.toDetails().email()).as("the request itself still holds it").isEqualTo("camille@example.org");
    }
}
