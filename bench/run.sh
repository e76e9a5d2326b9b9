#!/usr/bin/env bash
# HostAgent benchmarks; prints a markdown report on stdout, progress on stderr.
#   bench/run.sh [repair|footprint|api|syslog|bgp|all] [--quick] [other hostagent-bench options]
# Needs root: every agent runs in a network namespace of its own (hab-<random>-N), removed afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

WHAT="all"
if [[ "${1:-}" =~ ^(repair|footprint|api|syslog|bgp|all)$ ]]; then
    WHAT="$1"
    shift
elif [[ -n "${1:-}" && "${1:-}" != --* ]]; then
    echo "usage: bench/run.sh [repair|footprint|api|syslog|bgp|all] [--quick] [hostagent-bench options]" >&2
    exit 2
fi

# Defaults are where `./build.sh bench` (build + publish) leaves the binaries; each can be pointed elsewhere.
AOT="${HOSTAGENT_BENCH_AOT:-$ROOT/dist/hostagent}"
JIT="${HOSTAGENT_BENCH_JIT:-$ROOT/src/HostAgent.Daemon/bin/Release/net10.0/hostagent}"
BENCH="${HOSTAGENT_BENCH_BIN:-$ROOT/bench/HostAgent.Bench/bin/Release/net10.0/hostagent-bench}"
NODE_EXPORTER="${HOSTAGENT_BENCH_NODE_EXPORTER:-/usr/bin/prometheus-node-exporter}"

[[ $EUID -eq 0 ]] || { echo "bench/run.sh: needs root (creates network namespaces)" >&2; exit 1; }
[[ -x "$AOT" ]] || { echo "bench/run.sh: $AOT missing; run ./build.sh publish" >&2; exit 1; }
[[ -x "$JIT" ]] || { echo "bench/run.sh: $JIT missing; run ./build.sh build" >&2; exit 1; }
[[ -x "$NODE_EXPORTER" ]] || { echo "bench/run.sh: $NODE_EXPORTER missing; run ./build.sh deps" >&2; exit 1; }
if [[ ! -x "$BENCH" ]]; then
    echo "bench/run.sh: building the bench tool" >&2
    dotnet build "$ROOT/bench/HostAgent.Bench/HostAgent.Bench.csproj" -c Release -nologo -v quiet >&2
fi

PREFIX="hab-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"

# The bench tool cleans up after itself, also on Ctrl-C; this catches what a crash or SIGKILL would leave.
cleanup() {
    local ns pid left
    for ns in $(ip netns list | awk '{print $1}' | grep "^$PREFIX-" || true); do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do
            kill -TERM "$pid" 2>/dev/null || true
        done
        for _ in $(seq 50); do
            left="$(ip netns pids "$ns" 2>/dev/null || true)"
            [[ -z "$left" ]] && break
            sleep 0.1
        done
        for pid in $(ip netns pids "$ns" 2>/dev/null); do
            kill -KILL "$pid" 2>/dev/null || true
        done
        ip netns del "$ns" 2>/dev/null || true
        echo "bench/run.sh: removed leftover namespace $ns" >&2
    done
    rm -rf /tmp/"$PREFIX"-* 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

built() { date -u -r "$1" '+built %Y-%m-%d %H:%M UTC'; }
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
cat <<HEADER
# HostAgent benchmarks

- date: $(date -u '+%Y-%m-%d %H:%M UTC')
- command: \`bench/run.sh $WHAT${*:+ $*}\`
- machine: $(nproc) CPUs (${cpu_model:-unknown model}), $(free -h | awk '/^Mem:/ { print $2 " RAM, " $7 " available" }'), kernel $(uname -r)
- binaries: AOT \`${AOT#"$ROOT"/}\` ($(stat -c '%s' "$AOT" | awk '{ printf "%.1f MiB", $1 / 1048576 }'), $(built "$AOT")), JIT \`${JIT#"$ROOT"/}\` ($(built "$JIT")), $("$NODE_EXPORTER" --version 2>&1 | head -1)
- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; see the end for the load during the run)
- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo " (src modified)")

HEADER

"$BENCH" "$WHAT" --aot "$AOT" --jit "$JIT" --node-exporter "$NODE_EXPORTER" --ns-prefix "$PREFIX" "$@"
echo
echo "Load average at the end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)."
