package fr.labos.partenariats.authserver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a sign-out may send the browser back besides the addresses registered as they are: a registered loopback
 * address on another port, and nothing else — the ID token travels with the request, so any other host would be an
 * open redirect.
 */
class ConsoleSignOutRedirectsTest {

    private static final String REGISTERED = "http://127.0.0.1:8082/console/";

    @Test
    void aRegisteredLoopbackAddressIsTakenOnAnyPort() {
        assertThat(ConsoleSignOutRedirects.sameLoopbackAddressButThePort(REGISTERED, "http://127.0.0.1:41605/console/")).isTrue();
        assertThat(ConsoleSignOutRedirects.sameLoopbackAddressButThePort("http://[::1]:8082/console/", "http://[::1]:9999/console/")).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        for (String elsewhere : new String[]{
                "http://localhost:41605/console/",            // another host name, even one for the same machine
                "http://evil.example/console/",
                "https://127.0.0.1:41605/console/",           // another scheme
                "http://127.0.0.1:41605/autre/",              // another path
                "http://127.0.0.1:41605/console/?suite=http://evil.example",
                "http://127.0.0.1:41605/console/#fragment",
                "http://127.0.0.1:1@evil.example/console/",   // user info: the host is evil.example
                "http://127.0.0.1:41605@evil.example/console/"}) {
            assertThat(ConsoleSignOutRedirects.sameLoopbackAddressButThePort(REGISTERED, elsewhere)).as(elsewhere).isFalse();
        }
        assertThat(ConsoleSignOutRedirects.sameLoopbackAddressButThePort("https://lab.example.org/console/",
                "https://lab.example.org:8443/console/")).as("a registered address that is not loopback: exact only").isFalse();
    }
}
