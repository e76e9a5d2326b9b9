#!/usr/bin/env bash
# The HostAgent demo lab: one network namespace standing for a node, the agent inside it.
#   tests/lab/demo.sh up     run the demo and clean up afterwards
#   tests/lab/demo.sh down   remove whatever a previous (interrupted) demo left behind
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS="hademo"
STATE="$ROOT/.lab/demo"
AGENT="$ROOT/dist/hostagent"
CTL="$ROOT/dist/hostagentctl"
SOCKET="$STATE/agent.sock"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

down() {
    if [[ -f "$STATE/agent.pid" ]]; then
        kill -TERM "$(cat "$STATE/agent.pid")" 2>/dev/null || true
        sleep 0.5
    fi
    if [[ -f "$STATE/monitor.pid" ]]; then
        kill "$(cat "$STATE/monitor.pid")" 2>/dev/null || true
    fi
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$STATE"
}

ctl() { "$CTL" --socket "$SOCKET" "$@"; }

# Milliseconds from the gateway's deletion to its return, from `ip -t monitor` kernel timestamps.
repair_ms() {
    awk '/^Timestamp:/ { split($5, t, ":"); ts = t[1]*3600 + t[2]*60 + t[3] + $7 / 1e6; next }
         /^Deleted .*10\.216\.0\.1\/24/ { deleted = ts; next }
         deleted && /10\.216\.0\.1\/24/ { printf "%.3f\n", (ts - deleted) * 1000; exit }' "$1"
}

up() {
    [[ $EUID -eq 0 ]] || { echo "demo: needs root (creates a network namespace)" >&2; exit 1; }
    [[ -x "$AGENT" && -x "$CTL" ]] || { echo "demo: $AGENT missing; run ./build.sh publish" >&2; exit 1; }
    down
    trap down EXIT
    mkdir -p "$STATE"

    say "A node: network namespace '$NS', nothing configured yet"
    ip netns add "$NS"
    ip -n "$NS" link set lo up
    ip -n "$NS" -br link
    echo "net.ipv4.ip_forward = $(ip netns exec "$NS" cat /proc/sys/net/ipv4/ip_forward)"

    say "The sample config (packaging/hostagent.json), socket moved into the lab by HOSTAGENT__AGENT__GRPCSOCKET"
    HOSTAGENT__AGENT__GRPCSOCKET="$SOCKET" "$AGENT" check-config --config "$ROOT/packaging/hostagent.json"

    say "Dry run before the agent acts: hostagent starts observe-only (HOSTAGENT__AGENT__OBSERVEONLY=true)"
    HOSTAGENT__AGENT__GRPCSOCKET="$SOCKET" HOSTAGENT__AGENT__OBSERVEONLY=true \
        ip netns exec "$NS" "$AGENT" --config "$ROOT/packaging/hostagent.json" >"$STATE/agent-observe.log" 2>&1 &
    echo $! >"$STATE/agent.pid"
    for _ in $(seq 100); do [[ -S "$SOCKET" ]] && ctl status >/dev/null 2>&1 && break; sleep 0.05; done
    ctl status || true
    kill -TERM "$(cat "$STATE/agent.pid")"; wait "$(cat "$STATE/agent.pid")" 2>/dev/null || true

    say "The agent enforcing: hostagent --config packaging/hostagent.json inside $NS"
    HOSTAGENT__AGENT__GRPCSOCKET="$SOCKET" \
        ip netns exec "$NS" "$AGENT" --config "$ROOT/packaging/hostagent.json" >"$STATE/agent.log" 2>&1 &
    echo $! >"$STATE/agent.pid"
    for _ in $(seq 100); do [[ -S "$SOCKET" ]] && ctl status >/dev/null 2>&1 && break; sleep 0.05; done
    sleep 0.2
    cat "$STATE/agent.log"
    say "hostagentctl status"
    ctl status
    ip -n "$NS" -br addr show cbr0

    say "Drift: someone deletes the gateway address (ip addr del 10.216.0.1/24 dev cbr0)"
    ip -n "$NS" -t monitor address >"$STATE/monitor.log" 2>&1 &
    echo $! >"$STATE/monitor.pid"
    sleep 0.3
    ip -n "$NS" addr del 10.216.0.1/24 dev cbr0
    sleep 1
    kill "$(cat "$STATE/monitor.pid")" 2>/dev/null || true
    cat "$STATE/monitor.log"
    local latency
    latency="$(repair_ms "$STATE/monitor.log")"
    if [[ -n "$latency" ]]; then
        echo "repaired ${latency} ms after the deletion (kernel event timestamps)"
    else
        echo "could not find both events in the monitor output" >&2
    fi

    say "hostagentctl status after the repair"
    ctl status
    ip -n "$NS" -br addr show cbr0
    tail -3 "$STATE/agent.log"

    say "Some of /metrics (127.0.0.1:9469 inside the node)"
    ip netns exec "$NS" curl -s 127.0.0.1:9469/metrics | grep -E '^hostagent_(component_in_sync|drift_events_total|actions_applied_total)' || true

    say "Stopping the agent changes nothing on the host"
    kill -TERM "$(cat "$STATE/agent.pid")"; wait "$(cat "$STATE/agent.pid")" 2>/dev/null || true
    ip -n "$NS" -br addr show cbr0

    say "Cleaning up"
}

case "${1:-up}" in
    up) up ;;
    down) down; echo "demo: removed" ;;
    *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
