package fr.labos.partenariats.matchmaking.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measured period, so that a benchmark run on a shared machine still says what each part
 * costs per operation: this JVM's threads grouped by what they belong to (the service's request threads, its
 * background work, the benchmark's clients, the in-process Kafka broker, MongoDB's stand-in), and the embedded
 * PostgreSQL server (its postmaster and backends, found by the port it listens on). CPU time, unlike throughput, does
 * not shrink when other processes take the cores.
 */
final class CpuAccount {

    static final String WHOLE_JVM = "whole JVM (process CPU time)";
    static final String POSTGRES = "PostgreSQL server (postmaster and backends)";
    static final String JVM_ITSELF = "JVM itself: garbage collector, JIT compiler (process time minus the Java threads)";

    /** Thread name patterns, first match wins; what matches none is the service's background work. */
    private static final Map<String, Pattern> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("service: HTTP requests (sign-in, access, command, event store)", Pattern.compile("http-nio-.*"));
        GROUPS.put("benchmark clients (JDK HttpClient)", Pattern.compile("(pool-\\d+-thread-\\d+|HttpClient-.*)"));
        GROUPS.put("Kafka broker (in-process, for the benchmark)",
                Pattern.compile("(data-plane-kafka.*|kafka-\\d+-.*|kafka-cluster.*|broker-.*|quorum-.*|controller-.*|"
                        + "ExpirationReaper.*|LogDirFailureHandler|kafka-scheduler.*|kafka-log-cleaner.*|"
                        + "group-coordinator.*|transaction-.*|TxnMarker.*|raft.*|kafka-request-handler.*)"));
        GROUPS.put("MongoDB stand-in (mongo-java-server)", Pattern.compile("mongo-server-.*"));
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int postgresPort;
    private Map<Long, Long> threadsAtStart;
    private Map<Long, String> names;
    private long postgresAtStart;
    private long processAtStart;

    CpuAccount(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    void start() {
        threadsAtStart = threadTimes();
        postgresAtStart = postgresTicks();
        processAtStart = processNanos();
    }

    /** CPU milliseconds per operation by group, PostgreSQL and the whole JVM last. */
    Map<String, Double> perOperation(long operations) {
        Map<Long, Long> end = threadTimes();
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, Long> backgroundThreads = new HashMap<>();
        GROUPS.keySet().forEach(group -> nanos.put(group, 0L));
        String background = "service: background (relay to Kafka, views, introduced pairs, live, deadlines, metrics)";
        nanos.put(background, 0L);
        end.forEach((id, time) -> {
            long spent = time - threadsAtStart.getOrDefault(id, 0L);
            String name = names.getOrDefault(id, "");
            String group = GROUPS.entrySet().stream().filter(e -> e.getValue().matcher(name).matches())
                    .map(Map.Entry::getKey).findFirst().orElse(background);
            nanos.merge(group, spent, Long::sum);
            if (group.equals(background)) {
                backgroundThreads.merge(name.replaceAll("\\d+", "#"), spent, Long::sum);
            }
        });
        if (Boolean.getBoolean("bench.threads")) {
            // Which of the service's background threads took the time, for whoever tunes it.
            backgroundThreads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(12).forEach(e -> System.out.printf(Locale.ROOT, "  background %-60s %.2f ms per operation%n",
                            e.getKey(), e.getValue() / 1e6 / operations));
        }
        Map<String, Double> perOperation = new LinkedHashMap<>();
        nanos.forEach((group, spent) -> perOperation.put(group, spent / 1e6 / operations));
        long clockTicks = 100; // USER_HZ on Linux
        double whole = (processNanos() - processAtStart) / 1e6 / operations;
        double javaThreads = perOperation.values().stream().mapToDouble(Double::doubleValue).sum();
        perOperation.put(JVM_ITSELF, whole - javaThreads);
        perOperation.put(WHOLE_JVM, whole);
        perOperation.put(POSTGRES,
                (postgresTicks() - postgresAtStart) * 1000.0 / clockTicks / operations);
        return perOperation;
    }

    private Map<Long, Long> threadTimes() {
        Map<Long, Long> times = new HashMap<>();
        Map<Long, String> seen = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                times.put(info.getThreadId(), cpu);
                seen.put(info.getThreadId(), info.getThreadName());
            }
        }
        names = seen;
        return times;
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of the postmaster listening on the port and of its children, plus its reaped children's. */
    private long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            Map<Integer, long[]> stats = new HashMap<>();
            Integer postmaster = null;
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    int pid = Integer.parseInt(proc.getFileName().toString());
                    String stat = Files.readString(proc.resolve("stat"));
                    // Fields after the command name (which may hold spaces) start after the last ')'.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ppid = Long.parseLong(f[1]);
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    long reaped = Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    stats.put(pid, new long[]{ppid, ticks, reaped});
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains("postgres") && cmdline.contains("-p " + postgresPort + " ")) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while being read.
                }
            }
            if (postmaster == null) {
                return 0;
            }
            long[] own = stats.get(postmaster);
            long total = own[1] + own[2];
            for (long[] child : stats.values()) {
                if (child[0] == postmaster) {
                    total += child[1];
                }
            }
            return total;
        } catch (IOException e) {
            return 0;
        }
    }
}
