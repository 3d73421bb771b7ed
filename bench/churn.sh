#!/usr/bin/env bash
# Retention under churn (README, "Operations"): starts the service as `mvn -Prun` does, on a fresh embedded MariaDB,
# with the purge running every 10 s and keeping unusable rows for 20 s; CHURN_CLIENTS clients log in, refresh and log
# out back to back against a tenant with 10 s access and 20 s refresh tokens for CHURN_MINUTES minutes; the row counts
# of the growing tables are printed every minute. Flat counts: nothing grows for ever.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${CHURN_MINUTES:-10}"
clients="${CHURN_CLIENTS:-4}"
out="bench/results/churn-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
. bench/probes.sh

mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q -f bench/pom.xml package
rm -rf target/churn-mariadb target/churn-mariadb-base
ADMIN_PASSWORD=churn PURGE_INTERVAL_SECONDS=10 RETENTION_SECONDS=20 RATE_LIMIT_ANONYMOUS_PER_MINUTE=0 \
    RATE_LIMIT_SIGNUP_PER_MINUTE=0 mvn -B -ntp -Prun -Ddev.data.dir=target/churn-mariadb > "$out/server.log" 2>&1 &
pids+=($!)
await 9080 /health/ready 300 "$out/server.log" $!
mvn -B -ntp -q -f bench/pom.xml exec:java -Dbench.main=org.opencommerce.customer.bench.load.Churn \
    -Dexec.args="http://127.0.0.1:9080 jdbc:mariadb://127.0.0.1:3307/customer churn $minutes $clients" \
    | tee "$out/churn.txt"
