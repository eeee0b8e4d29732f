#!/usr/bin/env bash
# Starts the whole partnership lab on this machine with embedded defaults (a local OpenID Connect provider,
# PostgreSQL, a Kafka broker, MongoDB's wire protocol, both services) and the demo territory of Isère. Run it again
# while it runs to stop it; Ctrl-C also stops it. Data is kept in .data/ at the repository root (delete it to start
# afresh). Get a token for a demo account with ./deploy/token.sh <account>.
#
# Environment: PROFILE_SERVICE_PORT (8081), MATCHMAKING_SERVICE_PORT (8082), KAFKA_PORT (9092), POSTGRES_PORT (5432),
# MONGODB_PORT (27017), AUTH_SERVER_PORT (9000), LAB_DATA_DIR (.data), LAB_SKIP_BUILD=1 to use what is built,
# LAB_SERVICE_JAVA_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
export LAB_ROOT="$ROOT"

DATA_DIR="${LAB_DATA_DIR:-.data}"
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$ROOT/$DATA_DIR" ;; esac
PID_FILE="$DATA_DIR/launcher.pid"
LAUNCHER_CLASS=fr.labos.partenariats.deploy.LocalLauncher
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The pid of a launcher that is running now, if any (checked against its command line, not just the number).
running_launcher() {
    [ -f "$PID_FILE" ] || return 1
    local pid
    pid="$(tr -dc '0-9' < "$PID_FILE")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$LAUNCHER_CLASS" || return 1
    echo "$pid"
}

if pid="$(running_launcher)"; then
    echo "The partnership lab is running (launcher pid $pid): stopping it..."
    kill -TERM "$pid"
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { echo "Stopped."; exit 0; }
        sleep 0.5
    done
    echo "The launcher (pid $pid) did not stop within 2 minutes." >&2
    exit 1
fi

# One start at a time: a second ./deploy/run.sh while this one builds (before its launcher runs, which the check above
# finds) says so, instead of building into the same target/ folders at once or being taken for a stop.
mkdir -p "$DATA_DIR"
exec 9>"$DATA_DIR/run.lock"
if command -v flock >/dev/null && ! flock -n 9; then
    echo "./deploy/run.sh is already starting the lab: run it again once it is up to stop it." >&2
    exit 1
fi

# Build only when something changed since the last build made by this script.
STAMP="$ROOT/deploy/target/.run-build-stamp"
needs_build() {
    [ "${LAB_SKIP_BUILD:-0}" = 1 ] && return 1
    [ -f "$STAMP" ] || return 0
    for f in profile-service/target/profile-service-0.1.0-SNAPSHOT-exec.jar \
             matchmaking-service/target/matchmaking-service-0.1.0-SNAPSHOT-exec.jar \
             deploy/auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar \
             deploy/target/launcher.classpath deploy/kafka-broker/target/lib; do
        [ -e "$f" ] || return 0
    done
    [ -n "$(find . \( -name target -o -name node_modules -o -name '.*' ! -name . \) -prune -o \
            \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$STAMP" -print -quit)" ]
}
if needs_build; then
    echo "Building (mvn -B -q install -DskipTests)..."
    mvn -B -q install -DskipTests
    touch "$STAMP"
fi

CLASSPATH="$ROOT/deploy/target/classes:$(cat "$ROOT/deploy/target/launcher.classpath")"

# The launcher gets a session of its own: Ctrl-C reaches only this script, which asks the launcher to stop, and the
# launcher stops the services before Kafka, MongoDB and PostgreSQL instead of everything dying at once.
setsid "$JAVA" -Xmx256m -cp "$CLASSPATH" "$LAUNCHER_CLASS" 9>&- &
LAUNCHER_PID=$!
asked_to_stop=0
trap 'asked_to_stop=1; kill -TERM "$LAUNCHER_PID" 2>/dev/null || true' INT TERM HUP

status=0
while :; do
    if wait "$LAUNCHER_PID"; then status=0; else status=$?; fi
    kill -0 "$LAUNCHER_PID" 2>/dev/null || break
done
# A launcher stopped on request (Ctrl-C here, or a second ./deploy/run.sh) ends with SIGTERM's status: that is success.
if [ "$status" = 143 ] && { [ "$asked_to_stop" = 1 ] || [ ! -f "$PID_FILE" ]; }; then
    status=0
fi
exit "$status"
