package fr.labos.partenariats.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the services, run from its executable jar as a child JVM with its configuration in environment variables. */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long startedAt;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("SERVER_PORT", Integer.toString(port));
        // Axon 4.13 otherwise calls home at start-up, which these machines cannot do.
        this.environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile.toAbsolutePath();
    }

    public String name() {
        return name;
    }

    Path jar() {
        return jar;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public Process process() {
        return process;
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar for " + name + " at " + jar + ": build it with `mvn -B -q install -DskipTests`");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Daxoniq.update-checker.disabled=true");
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            startedAt = System.nanoTime();
            process = builder.start();
            log.info("Starting {} on port {} (pid {}, log {})", name, port, process.pid(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} says UP; fails early if the process exits. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(baseUri().resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} is UP after {} ms", name, Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s (last answer: "
                + last + "); see " + logFile);
    }

    /** SIGTERM (Spring's graceful shutdown), then wait; kill only if it hangs. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        ChildProcesses.stopGracefully(process, name);
        log.info("Stopped {}", name);
    }
}
