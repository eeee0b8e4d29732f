package fr.labos.partenariats.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Remembers the child processes the launcher starts ({@code .data/pids/NAME.pid}: pid and a piece of its command
 * line), so that a launcher killed without its shutdown (kill -9, power cut) has its orphans stopped by the next one.
 * A recorded pid is only stopped if it is alive and its command line still carries the recorded marker, so a pid
 * re-used by an unrelated process is left alone.
 */
final class StaleProcesses {

    private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);

    private final Path folder;

    StaleProcesses(Path folder) {
        this.folder = folder;
    }

    void record(String name, long pid, String marker) throws IOException {
        if (pid <= 0) {
            return;
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".pid"), pid + "\n" + marker + "\n");
    }

    /** After an orderly stop: nothing is left to look for. */
    void forget() {
        try (Stream<Path> list = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not clear {}: {}", folder, e.getMessage());
        }
    }

    void stopLeftovers() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            // In stop order: the services, then Kafka, then PostgreSQL.
            files = list.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .sorted(java.util.Comparator.comparingInt(StaleProcesses::stopRank).thenComparing(Path::toString))
                    .toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() >= 2) {
                try {
                    long pid = Long.parseLong(lines.get(0).trim());
                    String marker = lines.get(1).trim();
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                            .ifPresent(p -> stop(file, p));
                } catch (NumberFormatException ignored) {
                    // a damaged record: nothing we can trust in it
                }
            }
            Files.deleteIfExists(file);
        }
    }

    private static int stopRank(Path record) {
        String name = record.getFileName().toString();
        return name.endsWith("-service.pid") ? 0 : name.equals("kafka.pid") ? 1 : 2;
    }

    private static void stop(Path record, ProcessHandle process) {
        log.warn("Stopping process {} left running by a previous launcher ({})", process.pid(), record.getFileName());
        process.destroy();
        try {
            if (!process.onExit().get(30, TimeUnit.SECONDS).isAlive()) {
                return;
            }
        } catch (Exception e) {
            // fall through to a forced stop
        }
        process.destroyForcibly();
    }
}
