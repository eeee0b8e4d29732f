package fr.labos.partenariats.matchmaking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.CloseSessionCommand;
import fr.labos.partenariats.schema.session.GenerateScheduleCommand;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.PublishScheduleCommand;
import fr.labos.partenariats.schema.session.RegisterParticipantCommand;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.StartRoundCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a facilitator waits for when it opens the sessions' page years into a lab's life: {@code GET /api/sessions}
 * over HTTP, signed in, with {@code N} speed-meeting sessions in the event store that were run from start to end
 * (40 participants registered and checked in, a grid of 10 rounds generated and published, every round started and
 * each of its 20 meetings recorded as held, then closed: 294 events each, and each meeting held becoming an
 * introduction). Also one session's page and grid, and a member's list of its sessions when one of them, with 40
 * participants, is open to wishes (so it is told which participants complement its organisation). Not a test (kept out of surefire by its name); run as
 * BENCHMARKS.md says:
 * <pre>
 * mvn -B -q -pl matchmaking-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.SessionListBenchmark -Dexec.args="60 100"
 * </pre>
 * (sessions, measured requests of each kind). Prints Markdown and writes it to {@code target/session-list-benchmark.md}.
 */
public final class SessionListBenchmark {

    private static final int ACTORS = 200;
    private static final int PARTICIPANTS = 40;
    private static final int ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (BenchService bench = BenchService.start("sessions")) {
            RunningMatchmaking service = bench.service();
            List<String> actors = bench.registerActors(ACTORS);
            long seeding = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                ids.add(runSession(service.commands(), actors, s));
            }
            double seedingSeconds = (System.nanoTime() - seeding) / 1e9;
            String admin = TestTokens.admin().sign();
            String some = ids.get(ids.size() / 2);
            String plan = planOfTheList(service.databaseUrl());
            long[] list = measure(requests, () -> service.get("/api/sessions", admin));
            int listed = RunningMatchmaking.parse(service.get("/api/sessions", admin).body()).size();
            long[] one = measure(requests, () -> service.get("/api/sessions/" + some, admin));
            long[] grid = measure(requests, () -> service.get("/api/sessions/" + some + "/schedule", admin));
            // A member's list of its sessions: its organisation took part in some of those that ran; then one of 40
            // opens to wishes, and the list tells it which participants complement its organisation (the engine, asked
            // for each of the 39 others, both ways).
            String member = TestTokens.member(actors.get(0)).sign();
            long closed = closedSessionsOf(ids, actors.get(0), service);
            bench.postNeedsAndOffers(actors);
            long[] mineClosed = measure(requests, () -> service.get("/api/me/sessions", member));
            planOpenSession(service.commands(), actors);
            int suggested = RunningMatchmaking.parse(service.get("/api/me/sessions", member).body()).findValues("complementary")
                    .stream().mapToInt(JsonNode::size).sum();
            long[] mineOpen = measure(requests, () -> service.get("/api/me/sessions", member));
            String report = String.format(Locale.ROOT, """
                    ## Sessions' list with %d sessions that ran

                    Machine: %d CPU cores, Java %s. %d sessions seeded in %.0f s (%d events each, through the command
                    bus); %d listed. Each figure: %d requests over HTTP, one at a time, signed in as an admin, after as
                    many to warm up. %s

                    | request | p50 | p90 | p99 | max |
                    |---|---:|---:|---:|---:|
                    | `GET /api/sessions` | %s |
                    | `GET /api/sessions/{id}` | %s |
                    | `GET /api/sessions/{id}/schedule` | %s |
                    | `GET /api/me/sessions`, a member of a participant of %d sessions that ran | %s |
                    | the same, its organisation also at a session of 40 open to wishes (%d participants complementary to it) | %s |

                    The list's query in PostgreSQL (`EXPLAIN ANALYZE`, after the seeding):

                    ```
                    %s
                    ```
                    """, sessions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    sessions, seedingSeconds, 4 + 2 * PARTICIPANTS + ROUNDS + ROUNDS * PARTICIPANTS / 2, listed,
                    requests, hostLine(), row(list), row(one), row(grid), closed, row(mineClosed), suggested, row(mineOpen),
                    plan.strip());
            BenchService.publish(report, "session-list-benchmark.md");
        }
        System.exit(0);
    }

    /** One session from plan to close, dated one week earlier than the previous one. */
    private static String runSession(CommandGateway commands, List<String> actors, int n) {
        String id = "bench-session-" + n + "-" + UUID.randomUUID();
        commands.sendAndWait(new PlanSessionCommand(id, "Rencontres express n° " + (n + 1),
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), "Grenoble", LocalDate.now().minusWeeks(n),
                LocalTime.of(9, 0), ROUNDS, 7, PARTICIPANTS / 2, "facilitator-isere"));
        List<String> participants = new ArrayList<>();
        for (int p = 0; p < PARTICIPANTS; p++) {
            String actor = actors.get((n * 7 + p) % actors.size());
            participants.add(actor);
            commands.sendAndWait(new RegisterParticipantCommand(id, actor, "Organisation " + p));
        }
        List<ScheduledMeeting> meetings = roundRobin(participants);
        commands.sendAndWait(new GenerateScheduleCommand(id, meetings,
                new ScheduleObjective(ROUNDS, 0, 0, 0, 0, meetings.size())));
        commands.sendAndWait(new PublishScheduleCommand(id));
        participants.forEach(actor -> commands.sendAndWait(new CheckInParticipantCommand(id, actor)));
        for (int round = 1; round <= ROUNDS; round++) {
            commands.sendAndWait(new StartRoundCommand(id, round)); // holds the round's meetings
        }
        commands.sendAndWait(new CloseSessionCommand(id));
        return id;
    }

    /** A session of {@link #PARTICIPANTS} planned for next week, the first actors among them, its plan not made. */
    private static void planOpenSession(CommandGateway commands, List<String> actors) {
        String id = "bench-open-session-" + UUID.randomUUID();
        commands.sendAndWait(new PlanSessionCommand(id, "Rencontres express à venir",
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), "Grenoble", LocalDate.now().plusWeeks(1),
                LocalTime.of(9, 0), ROUNDS, 7, PARTICIPANTS / 2, "facilitator-isere"));
        for (int p = 0; p < PARTICIPANTS; p++) {
            commands.sendAndWait(new RegisterParticipantCommand(id, actors.get(p), "Organisation " + p));
        }
    }

    /** How many of the sessions that ran the actor took part in. */
    private static long closedSessionsOf(List<String> sessions, String actor, RunningMatchmaking service) {
        return RunningMatchmaking.parse(service.get("/api/me/sessions", TestTokens.member(actor).sign()).body())
                .findValuesAsText("id").stream().filter(sessions::contains).count();
    }

    /** The circle method: every participant meets a different one in each round, a table per pair. */
    private static List<ScheduledMeeting> roundRobin(List<String> participants) {
        List<ScheduledMeeting> meetings = new ArrayList<>();
        int size = participants.size();
        List<String> others = participants.subList(1, size);
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> circle = new ArrayList<>();
            circle.add(participants.get(0));
            for (int k = 0; k < size - 1; k++) {
                circle.add(others.get((k + round - 1) % (size - 1)));
            }
            for (int table = 0; table < size / 2; table++) {
                meetings.add(new ScheduledMeeting(round, table + 1, circle.get(table), circle.get(size - 1 - table),
                        0.5, MeetingReason.COMPLEMENTARITY, "Complémentarité", false));
            }
        }
        return meetings;
    }

    /** The plan PostgreSQL runs for the list of sessions (the query of {@code SessionDirectory}). */
    private static String planOfTheList(String databaseUrl) throws Exception {
        Class<?> directory = Class.forName("fr.labos.partenariats.matchmaking.session.api.SessionDirectory");
        java.lang.reflect.Field query = directory.getDeclaredField("PLANNED_SESSIONS");
        query.setAccessible(true);
        StringBuilder plan = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(databaseUrl, EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE " + query.get(null))) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static long[] measure(int requests, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < requests; i++) {
            check(request.get());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            check(request.get());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static String row(long[] sorted) {
        return String.format(Locale.ROOT, "%.1f ms | %.1f ms | %.1f ms | %.1f ms", BenchService.millisAt(sorted, 0.50),
                BenchService.millisAt(sorted, 0.90), BenchService.millisAt(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static String hostLine() {
        double speed = HostSpeed.measure();
        return String.format(Locale.ROOT, "Host speed just after: %.0f sorts of 100,000 ints per second.", speed);
    }
}
