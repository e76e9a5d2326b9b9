#!/usr/bin/env bash
# HostAgent build entry point. Run ./build.sh help for the subcommands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Both may point elsewhere, so a build can stay out of the work tree: HOSTAGENT_DIST for the published
# binaries and packages, HOSTAGENT_ARTIFACTS for dotnet's intermediate files (--artifacts-path).
DIST="${HOSTAGENT_DIST:-$ROOT/dist}"
ARTIFACTS=()
[[ -n "${HOSTAGENT_ARTIFACTS:-}" ]] && ARTIFACTS=(--artifacts-path "$HOSTAGENT_ARTIFACTS")
RID="linux-x64"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests, the demo and the NativeAOT publish need.
APT_PACKAGES=(iproute2 iputils-ping procps clang zlib1g-dev prometheus-node-exporter curl frr frr-pythontools dbus rsyslog rsyslog-relp
    docker.io debootstrap rpm rpmlint binutils cpio)

usage() {
    cat <<'USAGE'
Usage: ./build.sh COMMAND

  deps       Install the Debian packages that tests, demo and publish need (only missing ones)
  build      Restore and build the whole solution (Release)
  publish    NativeAOT linux-x64 binaries hostagent and hostagentctl into dist/
  package    publish, then dist/hostagent-VERSION-1.el9.x86_64.rpm (NativeAOT) and
             dist/hostagent-VERSION-1.el8.x86_64.rpm (self-contained ReadyToRun), checked with rpmlint
  test       deps + build + package, then every test project; ends with "N passed, N failed, N skipped",
             each failed test named just above it (integration tests need root and are reported as
             skipped without it)
  demo       deps + publish, then a rack in network namespaces: a ToR running FRR, two nodes with the
             agent (pod bridge, BGP, syslog), a central log server; status, routes, a ping across the
             ToR, drift repair, drain/undrain, a bridge withdrawn and back, a container's log line
  demo down  Remove everything the demo created
  bench      Benchmarks (see bench/README.md); results go to stdout
USAGE
}

need_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "build.sh: the .NET 10 SDK (dotnet) is required and was not found on PATH" >&2
        exit 1
    fi
}

cmd_deps() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        if [[ $EUID -ne 0 ]]; then
            echo "build.sh: missing packages ${missing[*]}; run as root to install them" >&2
            return 1
        fi
        echo "build.sh: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    # NativeAOT looks for 'clang'; Debian may ship only a versioned binary.
    if ! command -v clang >/dev/null 2>&1; then
        local versioned
        versioned="$(ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -1 || true)"
        [[ -n "$versioned" && $EUID -eq 0 ]] && ln -sf "$versioned" /usr/local/bin/clang
    fi
    need_dotnet
}

cmd_build() {
    need_dotnet
    dotnet build "$ROOT/HostAgent.sln" -c Release -nologo -v minimal
}

cmd_publish() {
    need_dotnet
    mkdir -p "$DIST"
    for p in HostAgent.Daemon HostAgent.Cli; do
        dotnet publish "$ROOT/src/$p/$p.csproj" -c Release -r "$RID" -nologo -v minimal "${ARTIFACTS[@]}" \
            -p:PublishAot=true -o "$DIST/aot"
    done
    cp "$DIST/aot/hostagent" "$DIST/aot/hostagentctl" "$DIST/"
    rm -f "$DIST"/aot/*.dbg
    echo "build.sh: published $DIST/hostagent and $DIST/hostagentctl"
}

# One RPM per target, because a NativeAOT binary needs the build machine's glibc (2.34 on Debian 12):
# el9 (glibc 2.34) gets the NativeAOT binaries from cmd_publish; el8 (glibc 2.28) a self-contained
# ReadyToRun single-file build, whose runtime Microsoft builds against an old glibc.
build_packages() {
    local version work
    version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$ROOT/Directory.Build.props")"
    work="$DIST/package"
    rm -rf "$work" "$DIST"/hostagent-*.rpm
    mkdir -p "$work/jit"
    for p in HostAgent.Daemon HostAgent.Cli; do
        dotnet publish "$ROOT/src/$p/$p.csproj" -c Release -r "$RID" -nologo -v minimal "${ARTIFACTS[@]}" \
            --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -p:PublishSingleFile=true \
            -p:PublishTrimmed=true -p:DebugType=none -o "$work/jit"
    done
    local target runtime binaries
    for target in el8 el9; do
        if [[ $target == el8 ]]; then runtime=jit; binaries="$work/jit"; else runtime=aot; binaries="$DIST"; fi
        local payload="$work/payload-$target"
        mkdir -p "$payload/doc"
        cp "$binaries/hostagent" "$binaries/hostagentctl" "$payload/"
        cp "$ROOT/systemd/hostagent.service" "$ROOT/packaging/hostagent.json" "$payload/"
        cp "$ROOT/README.md" "$ROOT"/docs/*.md "$payload/doc/"
        rpmbuild -bb --quiet --define "_topdir $work/rpmbuild-$target" --define "payload $payload" \
            --define "version_ $version" --define "dist .$target" --define "runtime $runtime" \
            "$ROOT/packaging/rpm/hostagent.spec"
        cp "$work/rpmbuild-$target"/RPMS/x86_64/*.rpm "$DIST/"
    done
    echo "build.sh: packaged $(cd "$DIST" && echo hostagent-*.rpm)"
    # Findings are printed for people to read; they do not fail the build (see docs/operations.md).
    rpmlint --file "$ROOT/packaging/rpm/rpmlintrc" "$ROOT/packaging/rpm/hostagent.spec" "$DIST"/hostagent-*.rpm || true
}

cmd_package() {
    cmd_publish
    build_packages
}

# Sums the TRX counters of every test project into the one closing line CI reads.
summarize() {
    local results="$1" passed=0 failed=0 skipped=0 projects_failed="$2"
    for trx in "$results"/*.trx; do
        [[ -e "$trx" ]] || continue
        local counters
        counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
        local p f e n
        p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
        n="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")"
        passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
        # Name each failed test and the first line of its message, so they sit right above the total.
        awk '
            /<UnitTestResult / && /outcome="Failed"/ {
                match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
            want && /<Message>/ {
                sub(/.*<Message>/, ""); sub(/<\/Message>.*/, "")
                print "build.sh: FAILED " name ": " substr($0, 1, 300); want = 0 }
        ' "$trx" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
    done
    failed=$((failed + projects_failed))
    echo "$passed passed, $failed failed, $skipped skipped"
    [[ $failed -eq 0 ]]
}

cmd_test() {
    cmd_deps
    cmd_build
    cmd_publish
    build_packages
    if [[ $EUID -ne 0 ]]; then
        echo "build.sh: not root: integration tests that create network namespaces will be skipped" >&2
    fi
    local results="$ROOT/artifacts/test-results"
    rm -rf "$results"; mkdir -p "$results"
    local broken=0
    export HOSTAGENT_DIST="$DIST"
    for proj in "$ROOT"/tests/*/*.csproj; do
        local name
        name="$(basename "$proj" .csproj)"
        [[ "$name" == "HostAgent.TestLab" || "$name" == "HostAgent.TestFakes" ]] && continue
        echo "build.sh: testing $name"
        # A project whose run produces no result file (a crash, a hang killed by the timeout) counts as one failure.
        if ! dotnet test "$proj" -c Release --no-build -nologo -v quiet \
            --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
            --results-directory "$results" --blame-hang-timeout 10m; then
            [[ -e "$results/$name.trx" ]] || broken=$((broken + 1))
        fi
    done
    summarize "$results" "$broken"
}

cmd_demo() {
    if [[ "${1:-}" == "down" ]]; then
        exec "$ROOT/tests/lab/demo.sh" down
    fi
    cmd_deps
    cmd_publish
    "$ROOT/tests/lab/demo.sh" up
}

cmd_bench() {
    cmd_deps
    cmd_build
    cmd_publish
    "$ROOT/bench/run.sh" "$@"
}

case "${1:-help}" in
    deps) cmd_deps ;;
    build) cmd_build ;;
    publish) cmd_publish ;;
    package) cmd_package ;;
    test) cmd_test ;;
    demo) shift; cmd_demo "$@" ;;
    bench) shift; cmd_bench "$@" ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
esac
