#!/usr/bin/env bash
# The benchmark in one command (README, "Benchmark"): builds the service and the bench, starts the service the way
# `mvn -Prun` does (Open Liberty + a fresh embedded MariaDB + the dev inbox) with the empty ceiling endpoint deployed
# next to it, starts Keycloak from Maven Central for the comparison, runs every scenario and writes
# bench/results/<time>/results.{txt,csv,json}. Needs nothing but a JDK 17 and Maven (Keycloak wants Java >= 21:
# KEYCLOAK_JAVA_HOME, else the first JDK 21+ under /usr/lib/jvm; without one the Keycloak part is skipped).
#
# Settings (environment): BENCH_SECONDS (measured seconds per run, 10), BENCH_WARMUP (5), BENCH_REPS (runs per
# scenario, the median reported, 3), BENCH_WARMUP_MAX (seconds: rounds of every scenario before the first measured
# one until the server's JIT compilers are nearly idle, at most this long, at least one round; 900),
# BENCH_CONCURRENCY (1,16,64),
# BENCH_SCALES (1000,1000000), BENCH_KEYCLOAK (yes|no), BENCH_SERVER_JVM (the service's JVM options, the small
# footprint of README "Operations": -Xmx192m -Xmn80m -XX:SurvivorRatio=3 -XX:+UseSerialGC -Xss512k
# -XX:ReservedCodeCacheSize=96m -XX:-TieredCompilation, plus -XX:TrimNativeHeapInterval=2000 where the JDK has it).
# A smoke run (about 2 minutes, most of it building and starting the server):
#   BENCH_SECONDS=2 BENCH_WARMUP=1 BENCH_WARMUP_MAX=0 BENCH_REPS=1 BENCH_CONCURRENCY=4 BENCH_SCALES=100 BENCH_KEYCLOAK=no bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${BENCH_SECONDS:-10}"
warmup="${BENCH_WARMUP:-5}"
warmup_max="${BENCH_WARMUP_MAX:-900}"
reps="${BENCH_REPS:-3}"
concurrency="${BENCH_CONCURRENCY:-1,16,64}"
scales="${BENCH_SCALES:-1000,1000000}"
with_keycloak="${BENCH_KEYCLOAK:-yes}"
# -XX:-TieredCompilation: only the optimizing compiler, whose code the tiers' profiled copies more than doubled (code
# cache ~66 MiB resident with tiers, ~25 without: bench/RESULTS.md, round 5).
default_jvm="-Xmx192m -Xmn80m -XX:SurvivorRatio=3 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m -XX:-TieredCompilation"
# Hands freed native memory back to the OS every 2 s (JDK 17.0.9+, 21.0.1+); older JDKs refuse the option.
if java -XX:TrimNativeHeapInterval=2000 -version > /dev/null 2>&1; then
    default_jvm="$default_jvm -XX:TrimNativeHeapInterval=2000"
fi
server_jvm="${BENCH_SERVER_JVM:-$default_jvm}"
keycloak_version=26.7.3
keycloak_port=18089
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

. bench/probes.sh

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -f target/liberty/wlp/usr/servers/customer/dropins/bench-empty.war
}
trap cleanup EXIT

for port in 9080 9443 3307 2525 "${keycloak_port}"; do
    if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is in use: stop \`mvn -Prun\` (or whatever listens there) first" >&2
        exit 1
    fi
done

echo "building the service and the bench"
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q -f bench/pom.xml package

echo "starting the service (log: $out/server.log)"
rm -rf target/bench-mariadb target/bench-mariadb-base
# deployed before the server starts (an application dropped into a running server was not always served), into a
# server that exists: on a fresh clone liberty:run would create it over a dropins folder made by hand and not serve it
mvn -B -ntp -q -Prun liberty:create
mkdir -p target/liberty/wlp/usr/servers/customer/dropins
cp bench/target/bench-empty.war target/liberty/wlp/usr/servers/customer/dropins/
# the load comes from one address: the per-address rate limits are off for the benchmark; the operator's password
# (new each run) lets the bench register the back-office client of the search scenarios
admin_password="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
MALLOC_ARENA_MAX=2 JVM_ARGS="$server_jvm" RATE_LIMIT_ANONYMOUS_PER_MINUTE=0 RATE_LIMIT_SIGNUP_PER_MINUTE=0 \
    ADMIN_PASSWORD="$admin_password" \
    mvn -B -ntp -Prun -Ddev.data.dir=target/bench-mariadb > "$out/server.log" 2>&1 &
pids+=($!)
await 9080 /health/ready 300 "$out/server.log" $!
await 9080 /bench-empty/ping 120 "$out/server.log" $!
server_pid=$(pid_of 'ws-server\.jar customer')

keycloak_args=()
if [ "$with_keycloak" = yes ]; then
    keycloak_java="${KEYCLOAK_JAVA_HOME:-}"
    if [ -z "$keycloak_java" ]; then
        for jdk in /usr/lib/jvm/*; do
            [ -x "$jdk/bin/java" ] || continue
            version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' || true)
            if [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null; then keycloak_java="$jdk"; break; fi
        done
    fi
    if [ -z "$keycloak_java" ]; then
        echo "no JDK 21+ for Keycloak: skipping the comparison (set KEYCLOAK_JAVA_HOME)" >&2
    else
        keycloak_dir="bench/target/keycloak-$keycloak_version"
        if [ ! -d "$keycloak_dir" ]; then
            mvn -B -ntp -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" \
                -DoutputDirectory=bench/target
        fi
        rm -rf "$keycloak_dir/data"
        echo "starting Keycloak $keycloak_version on $keycloak_java (log: $out/keycloak.log)"
        JAVA_HOME="$keycloak_java" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
            "$keycloak_dir/bin/kc.sh" start-dev --http-port="$keycloak_port" > "$out/keycloak.log" 2>&1 &
        pids+=($!)
        await "$keycloak_port" /realms/master 300 "$out/keycloak.log" $!
        keycloak_pid=$(pid_of "keycloak-$keycloak_version.*quarkus")
        keycloak_args=(--keycloak "http://127.0.0.1:$keycloak_port" --keycloak-pid "${keycloak_pid:-0}")
    fi
fi

echo "running the scenarios"
# The raw hash rate is measured in this JVM: give it the JIT directives the server has (server-config/liberty/
# jvm.options), else HotSpot may compile BouncyCastle's Argon2 without inlining its rounds, at half the speed.
jit_options=$(grep -E '^-XX:CompileCommand' server-config/liberty/jvm.options | tr '\n' ' ')
MAVEN_OPTS="${MAVEN_OPTS:-} $jit_options" mvn -B -ntp -q -f bench/pom.xml exec:java \
    -Dexec.args="--base http://127.0.0.1:9080 --server-pid $server_pid \
    --out $out --seconds $seconds --warmup $warmup --warmup-max $warmup_max --reps $reps --concurrency $concurrency --scales $scales \
    --admin-password $admin_password ${keycloak_args[*]}" \
    | tee "$out/bench.log"
