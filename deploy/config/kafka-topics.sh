#!/usr/bin/env bash
# Creates the lab's topics on a production Kafka cluster: replication factor 3, min.insync.replicas=2, events kept
# forever (retention -1) so that any read model can be rebuilt from offset 0. Idempotent (--if-not-exists).
# Usage: KAFKA_BOOTSTRAP_SERVERS=k1:9092,k2:9092,k3:9092 deploy/config/kafka-topics.sh [partitions]
# Needs Kafka's command-line tools (kafka-topics.sh) on the PATH. Run it before the services' first start: a topic a
# service creates itself has no min.insync.replicas, and is then left as it is.
# A cluster that asks for credentials: KAFKA_COMMAND_CONFIG=/path/to/admin-client.properties (SASL, TLS).
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS to the brokers of the cluster}"
PARTITIONS="${1:-6}"
CREDENTIALS=()
if [[ -n "${KAFKA_COMMAND_CONFIG:-}" ]]; then
    CREDENTIALS=(--command-config "$KAFKA_COMMAND_CONFIG")
fi
# The dead-letter topics: records a read model could not apply, parked with their reason (kept forever too) —
# lab.profile.events.DLT for the matching projection, lab.matchmaking.events.introduction-views.DLT for the
# introduction views.
for topic in lab.profile.events lab.matchmaking.events lab.profile.events.DLT \
        lab.matchmaking.events.introduction-views.DLT; do
    kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" ${CREDENTIALS[@]+"${CREDENTIALS[@]}"} --create --if-not-exists --topic "$topic" \
        --partitions "$PARTITIONS" --replication-factor 3 \
        --config min.insync.replicas=2 --config retention.ms=-1 --config retention.bytes=-1 \
        --config unclean.leader.election.enable=false
done
kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" ${CREDENTIALS[@]+"${CREDENTIALS[@]}"} --describe --topic lab.profile.events
