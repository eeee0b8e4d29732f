package fr.labos.partenariats.profile.actor.command;

import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.Mockito.mock;

/** The {@link Actor} aggregate under test, with the resources its handlers take: a contact vault and a fixed clock. */
final class ActorFixtures {

    private ActorFixtures() {
    }

    /** With a vault nobody looks into (the test is about members or invitations, not contact persons). */
    static AggregateTestFixture<Actor> at(Instant now) {
        return at(now, mock(ContactVault.class));
    }

    static AggregateTestFixture<Actor> at(Instant now, ContactVault contacts) {
        AggregateTestFixture<Actor> fixture = new AggregateTestFixture<>(Actor.class);
        fixture.registerInjectableResource(contacts);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }
}
