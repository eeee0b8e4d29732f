package fr.labos.partenariats.deploy;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives a test the real local authorization server, started once for the whole run (its own JVM, from the jar built
 * in {@code deploy/auth-server}) and stopped when the run ends. Use it with
 * {@code @ExtendWith(SharedAuthServer.class)} and a {@link LocalAuthServer} parameter of a {@code @BeforeAll} or test
 * method; {@link LocalAuthServer#token(String)} then returns a signed token for a demo account, and
 * {@link SharedClasspath#signInWith(LocalAuthServer)} points a service started in the test at it.
 */
final class SharedAuthServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAuthServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    static LocalAuthServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).server;
    }

    /** Closed by JUnit at the end of the run. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final LocalAuthServer server;
        private final Path folder;

        Running() {
            try {
                folder = Files.createTempDirectory("lab-auth-server");
                server = LocalAuthServer.start(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            server.close();
            SignedInLab.deleteQuietly(folder);
        }
    }
}
