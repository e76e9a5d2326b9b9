#!/usr/bin/env bash
# The HostAgent demo lab: a small bare-metal rack in network namespaces.
#
#   hademo-tor    top-of-rack router: FRR (zebra, bgpd), AS 65000, forwards between the nodes
#   hademo-n1     node 1: the agent, pod CIDR 10.216.1.0/24, AS 65101, its own zebra (bgpd and
#                 rsyslogd are started by the agent)
#   hademo-n2     node 2: the same with 10.216.2.0/24, AS 65102
#   hademo-logs   the central log server: rsyslogd taking RELP (TCP without rsyslog-relp)
#
#   n1 eth0 192.168.101.2/30 --- swp1 192.168.101.1/30  tor
#   n2 eth0 192.168.102.2/30 --- swp2 192.168.102.1/30  tor
#   logs eth0 192.168.109.2/30 - swp9 192.168.109.1/30  tor (announced to the nodes by the ToR)
#
#   tests/lab/demo.sh up     run the demo and clean up afterwards (also on failure or Ctrl-C)
#   tests/lab/demo.sh down   remove whatever a previous (interrupted) demo left behind
#
# Every link, address, route and sysctl is made inside these namespaces; the veth pairs are created
# directly in them. Everything the demo starts runs inside one of them, and its files live in .lab/demo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${HOSTAGENT_DIST:-$ROOT/dist}"
AGENT="$DIST/hostagent"
CTL="$DIST/hostagentctl"
STATE="$ROOT/.lab/demo"
TOR="hademo-tor"
LOGS="hademo-logs"
NODES=(n1 n2)
NAMESPACES=(hademo-n1 hademo-n2 "$TOR" "$LOGS")
TOR_ASN=65000
LOG_SERVER="192.168.109.2"
ZEBRA=/usr/lib/frr/zebra
BGPD=/usr/lib/frr/bgpd
START=$SECONDS

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }

# Per node: namespace, AS number, uplink subnet (third octet), pod CIDR, gateway.
ns_of() { echo "hademo-$1"; }
idx_of() { echo "${1#n}"; }
asn_of() { echo "6510$(idx_of "$1")"; }
uplink_of() { echo "192.168.10$(idx_of "$1").2"; }
tor_side_of() { echo "192.168.10$(idx_of "$1").1"; }
cidr_of() { echo "10.216.$(idx_of "$1").0/24"; }
gw_of() { echo "10.216.$(idx_of "$1").1"; }

ctl() { local node="$1"; shift; "$CTL" --socket "$STATE/$node/agent.sock" "$@"; }
tor_vtysh() { vtysh --vty_socket "$STATE/tor" "$@"; }

# wait_until SECONDS COMMAND...: polls every 0.2 s; false when time ran out.
wait_until() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# ---------------------------------------------------------------------------------------------
# Clean-up: only what the demo made. Processes are found through the demo's namespaces
# (ip netns pids) and its pid files; a pid file counts only when the process runs from .lab/demo.
# ---------------------------------------------------------------------------------------------

ours() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "$STATE/"; }

stop_pids() {
    local pids=("$@") live=()
    ((${#pids[@]})) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 30); do
        live=()
        for p in "${pids[@]}"; do [[ -d /proc/$p ]] && live+=("$p"); done
        ((${#live[@]})) || return 0
        sleep 0.1
    done
    kill -KILL "${live[@]}" 2>/dev/null || true
}

down() {
    trap '' INT TERM
    local pids=() f p ns
    # The agents first, so none of them starts bgpd or rsyslogd again while the rest goes.
    for f in "$STATE"/n*/agent.pid; do
        [[ -f "$f" ]] && p="$(cat "$f")" && ours "$p" && pids+=("$p")
    done
    stop_pids "${pids[@]}"
    # Then everything else in the namespaces at once (FRR's daemons take a second or two on SIGTERM).
    pids=()
    for ns in "${NAMESPACES[@]}"; do
        # shellcheck disable=SC2207
        pids+=($(ip netns pids "$ns" 2>/dev/null || true))
    done
    stop_pids "${pids[@]}"
    # Daemons whose namespace is already gone (an earlier, interrupted clean-up).
    pids=()
    for f in "$STATE"/*/*.pid "$STATE"/*.pid; do
        [[ -f "$f" ]] && p="$(cat "$f" 2>/dev/null)" && [[ "$p" =~ ^[0-9]+$ ]] && ours "$p" && pids+=("$p")
    done
    stop_pids "${pids[@]}"
    for ns in "${NAMESPACES[@]}"; do
        ip netns del "$ns" 2>/dev/null || true
    done
    rm -rf "$STATE"
}

on_exit() {
    local rc=$?
    if ((rc == 130 || rc == 143)); then
        echo "demo: interrupted" >&2
    elif ((rc != 0)) && [[ -d "$STATE" ]]; then
        echo "demo: failed (exit $rc); the last lines of each agent's log:" >&2
        for n in "${NODES[@]}"; do [[ -f "$STATE/$n/agent.log" ]] && tail -5 "$STATE/$n/agent.log" | sed "s/^/  $n: /" >&2; done
    fi
    say "Cleaning up: agents, bgpd, zebra, rsyslogd, namespaces, .lab/demo"
    down
    echo "done in $((SECONDS - START)) s"
}

# ---------------------------------------------------------------------------------------------
# Building the rack
# ---------------------------------------------------------------------------------------------

# link NS_A IF_A ADDR_A NS_B IF_B ADDR_B: a veth pair made directly inside the two namespaces.
link() {
    ip link add "$2" netns "$1" type veth peer name "$5" netns "$4"
    ip -n "$1" addr add "$3" dev "$2"
    ip -n "$4" addr add "$6" dev "$5"
    ip -n "$1" link set "$2" up
    ip -n "$4" link set "$5" up
}

# frr_dir DIR: a folder for one FRR instance's pid files, zserv and vty sockets, owned by frr.
frr_dir() {
    mkdir -p "$1"
    chown frr:frr "$1"
    chmod 755 "$1"
}

start_zebra() {
    local ns="$1" dir="$2"
    ip netns exec "$ns" "$ZEBRA" -d -f /dev/null -i "$dir/zebra.pid" -z "$dir/zserv.api" --vty_socket "$dir" -u frr -g frr \
        >>"$dir/zebra.out" 2>&1
    wait_until 10 test -S "$dir/zebra.vty" || fail "zebra did not start in $ns"
}

tor_config() {
    cat <<EOF
frr defaults traditional
hostname $TOR
router bgp $TOR_ASN
 bgp router-id 192.168.109.1
 no bgp ebgp-requires-policy
 timers bgp 1 3
EOF
    for n in "${NODES[@]}"; do
        cat <<EOF
 neighbor $(uplink_of "$n") remote-as $(asn_of "$n")
 neighbor $(uplink_of "$n") description $(ns_of "$n")
 neighbor $(uplink_of "$n") timers connect 1
 neighbor $(uplink_of "$n") advertisement-interval 0
EOF
    done
    cat <<EOF
 address-family ipv4 unicast
  network 192.168.109.0/30
 exit-address-family
EOF
}

start_tor() {
    local dir="$STATE/tor"
    frr_dir "$dir"
    tor_config >"$dir/frr.conf"
    chown frr:frr "$dir/frr.conf"
    ip -n "$TOR" link set lo up
    ip netns exec "$TOR" sysctl -qw net.ipv4.ip_forward=1
    start_zebra "$TOR" "$dir"
    ip netns exec "$TOR" "$BGPD" -d -f "$dir/frr.conf" -i "$dir/bgpd.pid" -z "$dir/zserv.api" \
        --vty_socket "$dir" -u frr -g frr -p 179
    wait_until 10 tor_vtysh -c "show bgp summary json" || fail "bgpd did not start in $TOR"
}

# RELP when both ends are installed (Debian: rsyslog-relp), plain TCP otherwise.
pick_transport() {
    printf 'module(load="imrelp")\nmodule(load="omrelp")\naction(type="omfile" file="/dev/null")\n' >"$STATE/relp-check.conf"
    if rsyslogd -N1 -f "$STATE/relp-check.conf" >/dev/null 2>&1; then TRANSPORT=relp; PORT=2514; else TRANSPORT=tcp; PORT=514; fi
}

start_central_log_server() {
    local dir="$STATE/logs"
    mkdir -p "$dir/work"
    {
        echo "global(workDirectory=\"$dir/work\")"
        if [[ $TRANSPORT == relp ]]; then
            echo 'module(load="imrelp")'
            echo "input(type=\"imrelp\" port=\"$PORT\")"
        else
            echo 'module(load="imtcp")'
            echo "input(type=\"imtcp\" port=\"$PORT\")"
        fi
        echo 'template(name="central" type="string" string="%timereported:12:23:date-rfc3339% %timegenerated:12:23:date-rfc3339% %hostname% %app-name%:%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%\n")'
        echo "action(type=\"omfile\" file=\"$dir/central.log\" template=\"central\")"
    } >"$dir/rsyslog.conf"
    ip -n "$LOGS" link set lo up
    ip -n "$LOGS" route add default via 192.168.109.1
    ip netns exec "$LOGS" rsyslogd -n -f "$dir/rsyslog.conf" -i "$dir/rsyslogd.pid" >"$dir/rsyslogd.out" 2>&1 &
    wait_until 10 sh -c "ip netns exec $LOGS ss -Htln 'sport = :$PORT' | grep -q LISTEN" \
        || fail "the central rsyslogd is not listening: $(cat "$dir/rsyslogd.out")"
}

# The agent's config for one node: pod network, BGP to the ToR, logs to the central server.
agent_config() {
    local n="$1" dir="$STATE/$1" frr="$STATE/$1/frr"
    cat <<EOF
{
  "agent": {
    "grpcSocket": "$dir/agent.sock",
    "resyncInterval": "30s",
    "retryMinDelay": "50ms",
    "retryMaxDelay": "2s",
    "metricsListen": "127.0.0.1:9469",
    "followUnits": []
  },
  "network": { "podCidr": "$(cidr_of "$n")", "bridge": "cbr0" },
  "bgp": {
    "localAsn": $(asn_of "$n"),
    "routerIdInterface": "eth0",
    "neighbors": [ { "address": "$(tor_side_of "$n")", "remoteAsn": $TOR_ASN, "description": "$TOR" } ],
    "communities": ["$(asn_of "$n"):100"],
    "configFile": "$frr/frr.conf",
    "vtySocketDir": "$frr",
    "pidFile": "$frr/bgpd.pid",
    "drainStateFile": "$dir/bgp-drain.json",
    "sessionPollInterval": "2s",
    "startCommand": ["$BGPD", "-d", "-f", "$frr/frr.conf", "-i", "$frr/bgpd.pid", "-z", "$frr/zserv.api",
                     "--vty_socket", "$frr", "-u", "frr", "-g", "frr", "-p", "179"]
  },
  "syslog": {
    "directory": "$dir/syslog",
    "mainConfig": "$dir/rsyslog.conf",
    "dropInDirectory": "$dir/rsyslog.d",
    "spoolDirectory": "$dir/spool",
    "stateDirectory": "$dir/state",
    "maxDiskSpace": "64m",
    "canaryInterval": "5s",
    "servers": [ { "address": "$LOG_SERVER", "transport": "$TRANSPORT" } ],
    "startCommand": ["/usr/sbin/rsyslogd", "-n", "-f", "$dir/rsyslog.conf", "-i", "$dir/rsyslogd.pid"],
    "pidFile": "$dir/rsyslogd.pid"
  }
}
EOF
}

prepare_node() {
    local n="$1" ns dir
    ns="$(ns_of "$n")"; dir="$STATE/$n"
    mkdir -p "$dir"/{rsyslog.d,spool,state,work}
    frr_dir "$dir/frr"
    ip -n "$ns" link set lo up
    start_zebra "$ns" "$dir/frr"
    # The node's own rsyslog.conf: the agent only adds its drop-in to the directory this includes.
    cat >"$dir/rsyslog.conf" <<EOF
global(workDirectory="$dir/work")
\$IncludeConfig $dir/rsyslog.d/*.conf
EOF
    agent_config "$n" >"$dir/hostagent.json"
}

start_agent() {
    local n="$1" ns dir
    ns="$(ns_of "$n")"; dir="$STATE/$n"
    # A host name of its own too (a UTS namespace), so its log lines and those of the rsyslogd it starts
    # say which node they come from. Each step execs the next: the agent keeps the pid recorded here.
    ip netns exec "$ns" unshare --uts sh -c 'hostname "$0" && exec "$@"' "$ns" "$AGENT" --config "$dir/hostagent.json" \
        >"$dir/agent.log" 2>&1 &
    echo $! >"$dir/agent.pid"
}

tor_has_route() { ip -n "$TOR" route show "$1" proto bgp | grep -q via; }

# Milliseconds from the gateway's deletion to its return, from `ip -t monitor` kernel timestamps.
repair_ms() {
    awk -v addr="$2" '
         /^Timestamp:/ { split($5, t, ":"); ts = t[1]*3600 + t[2]*60 + t[3] + $7 / 1e6; next }
         $0 ~ "^Deleted .*" addr { deleted = ts; next }
         deleted && index($0, addr) { printf "%.3f\n", (ts - deleted) * 1000; exit }' "$1"
}

# Route events of a monitor log, one line each with the kernel time: "10:31:02.123456  Deleted 10.216.2.0/24 ...".
route_events() {
    awk -v prefix="$2" '
         /^Timestamp:/ { split($5, t, ":"); ts = sprintf("%s:%s:%09.6f", t[1], t[2], t[3] + $7 / 1e6); next }
         index($0, prefix) { print "  " ts "  " $0 }' "$1"
}

# The lines of `show bgp ipv4 unicast PREFIX` that say where the path comes from and what it carries.
tor_path() {
    tor_vtysh -c "show bgp ipv4 unicast $1" \
        | grep -v -E "^Paths:|Advertised to|^  [0-9.]+( [0-9.]+)*$|Last update" | sed 's/^/  /'
}

tor_communities() { tor_vtysh -c "show bgp ipv4 unicast $1" | grep -E "Community:"; }

# start_monitor NAME NS OBJECT: `ip -t monitor OBJECT` inside NS into .lab/demo/NAME.log.
start_monitor() {
    mkdir -p "$STATE/monitors"
    ip -n "$2" -t monitor "$3" >"$STATE/$1.log" 2>&1 &
    echo $! >"$STATE/monitors/$1.pid"
    sleep 0.3
}

stop_monitors() {
    local f
    for f in "$STATE"/monitors/*.pid; do
        [[ -f "$f" ]] && kill "$(cat "$f")" 2>/dev/null || true
        rm -f "$f"
    done
}

# The bridge's link events with kernel times: "10:31:02.123456  cbr0 <BROADCAST,MULTICAST> state DOWN".
link_events() {
    awk '/^Timestamp:/ { split($5, t, ":"); ts = sprintf("%s:%s:%09.6f", t[1], t[2], t[3] + $7 / 1e6); next }
         $2 == "cbr0:" { for (i = 1; i < NF; i++) if ($i == "state") st = $(i + 1); print "  " ts "  cbr0 " $3 " state " st }' "$1"
}

# Milliseconds from the bridge going down (no UP flag) to the agent's "up" (the UP flag back).
link_repair_ms() {
    awk '/^Timestamp:/ { split($5, t, ":"); ts = t[1]*3600 + t[2]*60 + t[3] + $7 / 1e6; next }
         $2 == "cbr0:" && $3 !~ /[<,]UP[,>]/ && !down { down = ts; next }
         $2 == "cbr0:" && $3 ~ /[<,]UP[,>]/ && down { printf "%.3f\n", (ts - down) * 1000; exit }' "$1"
}

set_network_observe_only() {
    local file="$STATE/$1/hostagent.json"
    sed -i -E "s/(\"bridge\": \"cbr0\")(, \"observeOnly\": (true|false))?/\1, \"observeOnly\": $2/" "$file"
}

# ---------------------------------------------------------------------------------------------

up() {
    [[ $EUID -eq 0 ]] || fail "needs root (creates network namespaces)"
    [[ -x "$AGENT" && -x "$CTL" ]] || fail "$AGENT missing; run ./build.sh publish"
    [[ -x "$ZEBRA" && -x "$BGPD" ]] && command -v vtysh >/dev/null && command -v rsyslogd >/dev/null \
        || fail "needs FRR and rsyslog: ./build.sh deps installs them"
    down
    trap on_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$STATE"
    chmod 755 "$ROOT/.lab" "$STATE"
    pick_transport

    say "The rack: ToR $TOR (AS $TOR_ASN), nodes hademo-n1 (AS 65101) and hademo-n2 (AS 65102), log server $LOGS"
    for ns in "${NAMESPACES[@]}"; do ip netns add "$ns"; done
    for n in "${NODES[@]}"; do
        link "$(ns_of "$n")" eth0 "$(uplink_of "$n")/30" "$TOR" "swp$(idx_of "$n")" "$(tor_side_of "$n")/30"
    done
    link "$LOGS" eth0 "$LOG_SERVER/30" "$TOR" swp9 192.168.109.1/30
    start_tor
    start_central_log_server
    for n in "${NODES[@]}"; do prepare_node "$n"; done
    for n in "${NODES[@]}"; do
        printf '%-11s eth0 %-17s <->  %s swp%s %s/30\n' "$(ns_of "$n")" "$(uplink_of "$n")/30" "$TOR" "$(idx_of "$n")" "$(tor_side_of "$n")"
    done
    printf '%-11s eth0 %-17s <->  %s swp9 192.168.109.1/30 (announced to the nodes by the ToR)\n' "$LOGS" "$LOG_SERVER/30" "$TOR"
    echo "$TOR: zebra + bgpd (AS $TOR_ASN, accepts the nodes' routes); $LOGS: rsyslogd taking $TRANSPORT on port $PORT"
    echo "hademo-n1, hademo-n2: zebra only; no bridge, no bgpd, no rsyslogd: the agent brings them"

    say "Each node's config: pod CIDR, bgp (peer $TOR), syslog (forward to $LOG_SERVER over $TRANSPORT)"
    for n in "${NODES[@]}"; do
        "$AGENT" check-config --config "$STATE/$n/hostagent.json" | sed "s|$STATE/||"
    done

    say "Starting the agents (ip netns exec hademo-nX hostagent --config .lab/demo/nX/hostagent.json)"
    for n in "${NODES[@]}"; do start_agent "$n"; done
    for n in "${NODES[@]}"; do
        wait_until 20 ctl "$n" status || fail "the agent in $(ns_of "$n") did not answer"
    done
    local t0=$SECONDS
    for n in "${NODES[@]}"; do
        wait_until 40 tor_has_route "$(cidr_of "$n")" || fail "the ToR never learned $(cidr_of "$n")"
    done
    echo "both /24s in the ToR's kernel $((SECONDS - t0)) s after the agents answered"
    # hostagentctl bgp exits 0 once bgpd runs, the session is up and the ToR is sent what it should be;
    # status shows the agent's last session poll, so wait for that to have seen the /24 sent as well.
    for n in "${NODES[@]}"; do
        wait_until 20 ctl "$n" bgp || true
        wait_until 10 sh -c "'$CTL' --socket '$STATE/$n/agent.sock' status bgp | grep -q 'advertised to .*10\.216'" || true
    done

    say "hostagentctl status on hademo-n1"
    ctl n1 status

    say "hostagentctl status on hademo-n2 (the components and what they observe, condensed)"
    ctl n2 status | awk '/^[a-z]+: / { print; next } /^  observed:/ { seen = 1; next } /^  [a-z]/ { seen = 0 }
        seen && /^    (state|addresses|socket |rsyslog|forward|daemon|session|advertised|own routes)/'

    say "hostagentctl bgp on hademo-n1"
    ctl n1 bgp || true

    say "The ToR's BGP table (vtysh -c 'show bgp ipv4 unicast')"
    tor_vtysh -c "show bgp ipv4 unicast" | sed -n '/Network/,$p'

    say "Each node's kernel route to the other node's pods, installed by its zebra"
    wait_until 20 sh -c "ip -n hademo-n1 route show $(cidr_of n2) | grep -q bgp && ip -n hademo-n2 route show $(cidr_of n1) | grep -q bgp" || true
    echo "hademo-n1: $(ip -n hademo-n1 route show "$(cidr_of n2)")"
    echo "hademo-n2: $(ip -n hademo-n2 route show "$(cidr_of n1)")"

    say "Pod network to pod network: ping from hademo-n1's gateway $(gw_of n1) to hademo-n2's $(gw_of n2)"
    ip netns exec hademo-n1 ping -c 3 -i 0.2 -W 1 -I "$(gw_of n1)" "$(gw_of n2)" | grep -E "bytes from|packets"
    ip netns exec hademo-n1 ip route get "$(gw_of n2)" from "$(gw_of n1)" | head -1

    say "Drift on hademo-n1: someone deletes the gateway address (ip addr del $(gw_of n1)/24 dev cbr0)"
    start_monitor n1-addr hademo-n1 address
    ip -n hademo-n1 addr del "$(gw_of n1)/24" dev cbr0
    sleep 1
    stop_monitors
    grep -E "^(Timestamp|Deleted)|$(gw_of n1)/24" "$STATE/n1-addr.log" | grep -B1 "$(gw_of n1)/24" | grep -v '^--' | head -6
    local latency
    latency="$(repair_ms "$STATE/n1-addr.log" "$(gw_of n1)/24")"
    if [[ -n "$latency" ]]; then
        echo "repaired ${latency} ms after the deletion (kernel event timestamps)"
    else
        echo "could not find both events in the monitor output" >&2
    fi
    ip -n hademo-n1 -br addr show cbr0

    say "Maintenance on hademo-n1: hostagentctl drain (GRACEFUL_SHUTDOWN, withdraw after 10m)"
    ctl n1 drain --withdraw-delay 10m
    wait_until 10 sh -c "vtysh --vty_socket '$STATE/tor' -c 'show bgp ipv4 unicast $(cidr_of n1)' | grep -q graceful-shutdown" \
        || echo "the ToR did not see graceful-shutdown within 10 s" >&2
    echo "the ToR's path to $(cidr_of n1):"
    tor_path "$(cidr_of n1)"

    say "hostagentctl undrain"
    ctl n1 undrain
    wait_until 10 sh -c "! vtysh --vty_socket '$STATE/tor' -c 'show bgp ipv4 unicast $(cidr_of n1)' | grep -q graceful-shutdown" || true
    echo "the ToR's path to $(cidr_of n1):"
    tor_path "$(cidr_of n1)"

    say "Drift on hademo-n2: someone takes the pod bridge down (ip link set cbr0 down)"
    start_monitor tor-routes "$TOR" route
    start_monitor n2-link hademo-n2 link
    ip -n hademo-n2 link set cbr0 down
    sleep 2
    stop_monitors
    link_events "$STATE/n2-link.log"
    echo "the agent had it up again $(link_repair_ms "$STATE/n2-link.log") ms later (kernel event timestamps)"
    if route_events "$STATE/tor-routes.log" "$(cidr_of n2)" | grep -q .; then
        echo "$TOR's kernel route to $(cidr_of n2) meanwhile:"
        route_events "$STATE/tor-routes.log" "$(cidr_of n2)"
    else
        echo "$TOR's route to $(cidr_of n2) never changed: the bridge was back before bgpd withdrew anything"
    fi

    say "The same with hademo-n2's network component observe-only (network.observeOnly, hostagentctl reload)"
    set_network_observe_only n2 true
    ctl n2 reload
    start_monitor tor-routes "$TOR" route
    start_monitor n2-link hademo-n2 link
    ip -n hademo-n2 link set cbr0 down
    wait_until 15 sh -c "! ip -n $TOR route show $(cidr_of n2) | grep -q bgp" || echo "the ToR still has $(cidr_of n2)" >&2
    echo "FRR withdrew $(cidr_of n2): its network statement needs the connected route. The ToR now:"
    tor_vtysh -c "show bgp ipv4 unicast" | grep -E '^\*' | sed 's/^/  /'
    echo "hostagentctl plan on hademo-n2: the drift is reported, not repaired"
    ctl n2 plan | sed 's/^/  /' || true

    say "Enforcing again on hademo-n2: network.observeOnly false, hostagentctl reload"
    set_network_observe_only n2 false
    ctl n2 reload
    wait_until 15 tor_has_route "$(cidr_of n2)" || echo "the ToR did not get $(cidr_of n2) back" >&2
    sleep 0.3
    stop_monitors
    echo "the whole episode, hademo-n2's cbr0:"
    link_events "$STATE/n2-link.log"
    echo "$TOR, kernel route to $(cidr_of n2):"
    route_events "$STATE/tor-routes.log" "$(cidr_of n2)"

    say "Logs: a container on hademo-n1 writes to the socket directory it bind-mounts (logger -u /run/syslog/log)"
    # Each node's rsyslog retries the server every 5 s or so until BGP has brought the route to it.
    for n in "${NODES[@]}"; do
        wait_until 30 grep -q " $(ns_of "$n") hostagent:" "$STATE/logs/central.log" \
            || echo "nothing from $(ns_of "$n") on the central server yet" >&2
    done
    local tag="demo-app" message
    message="hello from a pod on hademo-n1 ($(date +%s%N))"
    # A mount namespace of its own, like a container's: the node's directory appears at /run/syslog.
    ip netns exec hademo-n1 unshare --mount --propagation private sh -c \
        'mount -t tmpfs none /run && mkdir /run/syslog && mount --bind "$1" /run/syslog && logger -u /run/syslog/log -t "$2" "$3"' \
        sh "$STATE/n1/syslog" "$tag" "$message"
    if wait_until 10 grep -qF "$message" "$STATE/logs/central.log"; then
        echo "on the central log server ($LOGS, $TRANSPORT), sent at / received at:"
        grep -F "$message" "$STATE/logs/central.log" | sed 's/^/  /'
    else
        echo "the line did not reach the central server within 10 s" >&2
    fi
    echo "the agents' own lines go there too ($(grep -c ' hostagent: ' "$STATE/logs/central.log" || true) so far). The first of each node waited"
    echo "in the node's disk-assisted queue until BGP had brought the route to $LOG_SERVER and rsyslog retried:"
    for n in "${NODES[@]}"; do
        grep -m1 " $(ns_of "$n") hostagent: " "$STATE/logs/central.log" | sed 's/^/  /' || true
    done

    say "Some of /metrics on hademo-n1 (127.0.0.1:9469 inside the node)"
    ip netns exec hademo-n1 curl -s 127.0.0.1:9469/metrics \
        | grep -E '^hostagent_(component_in_sync|drift_events_total|bgp_session_up|bgp_drained|syslog_socket_accepting)' || true
}

case "${1:-up}" in
    up) up ;;
    down) down; echo "demo: removed" ;;
    *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
