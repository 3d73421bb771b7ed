#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on this machine, no containers: Debian's mariadb-server + galera-4 + rsync
# (installed by .ci/run; this script installs nothing). See galera/README.md.
#
#   usage: cluster.sh start   [DIR]   fresh cluster: wipes DIR, bootstraps node 1, joins 2 and 3, creates the database
#          cluster.sh stop    [DIR]   stops every node of DIR (SIGTERM, then SIGKILL after 20 s)
#          cluster.sh kill N  [DIR]   kill -9 of node N (a crash)
#          cluster.sh restart N [DIR] starts node N again (after kill/stop): --wsrep-recover, then joins the cluster
#          cluster.sh bootstrap N [DIR] makes node N's component primary again (pc.bootstrap) after a quorum loss
#          cluster.sh status  [DIR]   per node: pid, wsrep_cluster_size, wsrep_local_state_comment, wsrep_cluster_status
#          cluster.sh wait N STATE [SECONDS] [DIR]  waits until node N reports wsrep_local_state_comment STATE (Synced)
#
# DIR defaults to $GALERA_DIR, else target/galera. Ports (GALERA_PORT_OFFSET, default 0, is added to all of them):
#   node N (1..3): SQL 23305+N, Galera replication 24557+10N, IST 24558+10N, rsync SST 24434+10N
#   i.e. SQL 23306/23307/23308, replication 24567/24577/24587, IST 24568/24578/24588, SST 24444/24454/24464.
# Users over TCP: root@127.0.0.1 without password, customer@127.0.0.1 password 'customer' (all rights on the database
# `customer`, utf8mb4_unicode_ci). Root also over each node's socket (DIR/nodeN/mysqld.sock).
set -euo pipefail

MARIADBD=${MARIADBD:-/usr/sbin/mariadbd}
PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
OFFSET=${GALERA_PORT_OFFSET:-0}
CLUSTER_NAME=${GALERA_CLUSTER_NAME:-customer-galera}
NODES=(1 2 3)

die() { echo "cluster.sh: $*" >&2; exit 1; }
log() { echo "cluster.sh: $*" >&2; }

sql_port()  { echo $((23305 + $1 + OFFSET)); }
repl_port() { echo $((24557 + 10 * $1 + OFFSET)); }
ist_port()  { echo $((24558 + 10 * $1 + OFFSET)); }
sst_port()  { echo $((24434 + 10 * $1 + OFFSET)); }

node_dir()  { echo "$DIR/node$1"; }
pid_of() {
    local file; file="$(node_dir "$1")/mariadbd.pid"
    [ -s "$file" ] || return 1
    local pid; pid=$(cat "$file")
    # only a live mariadbd of this node counts (a stale file after a kill -9 names a dead or reused pid)
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "--defaults-file=$(node_dir "$1")/my.cnf"; then
        echo "$pid"
    else
        return 1
    fi
}

client() { # client N SQL...: as root over the node's socket
    local n=$1; shift
    mariadb --no-defaults --protocol=socket --socket="$(node_dir "$n")/mysqld.sock" -uroot -N -B -e "$*"
}

status_var() { # status_var N NAME
    client "$1" "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'
}

check_installed() {
    local missing=()
    [ -x "$MARIADBD" ] || missing+=("$MARIADBD (mariadb-server)")
    [ -f "$PROVIDER" ] || missing+=("$PROVIDER (galera-4)")
    command -v mariadb >/dev/null || missing+=("mariadb (mariadb-client)")
    command -v mariadb-install-db >/dev/null || missing+=("mariadb-install-db (mariadb-server)")
    command -v rsync >/dev/null || missing+=("rsync")
    id mysql >/dev/null 2>&1 || missing+=("the mysql user (mariadb-server)")
    if [ ${#missing[@]} -gt 0 ]; then
        die "missing: ${missing[*]} — apt-get install -y mariadb-server galera-4 mariadb-client rsync"
    fi
}

write_config() { # write_config N
    local n=$1 d; d=$(node_dir "$n")
    local peers="" m
    for m in "${NODES[@]}"; do peers+="${peers:+,}127.0.0.1:$(repl_port "$m")"; done
    cat > "$d/my.cnf" <<EOF
# node $n of the test Galera cluster (galera/cluster.sh)
[mariadbd]
user=mysql
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mariadbd.pid
log-error=$d/error.log
tmpdir=$d/tmp
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
innodb_flush_log_at_trx_commit=2
skip-log-bin
performance_schema=OFF

binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2

wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=$CLUSTER_NAME
wsrep_cluster_address=gcomm://$peers
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(repl_port "$n")
wsrep_node_incoming_address=127.0.0.1:$(sql_port "$n")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(repl_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S"
wsrep_slave_threads=2
EOF
}

launch() { # launch N [extra mariadbd args...]: in the background, detached; returns at once
    local n=$1; shift
    local d; d=$(node_dir "$n")
    rm -f "$d/mariadbd.pid" "$d/mysqld.sock"
    mkdir -p "$d/tmp"; chown mysql:mysql "$d/tmp"
    setsid nohup "$MARIADBD" --defaults-file="$d/my.cnf" "$@" >> "$d/stdout.log" 2>&1 < /dev/null &
    echo $! > "$d/launcher.pid"
}

wait_state() { # wait_state N STATE SECONDS
    local n=$1 want=$2 secs=$3 i state=""
    for ((i = 0; i < secs * 2; i++)); do
        state=$(status_var "$n" wsrep_local_state_comment || true)
        if [ "$state" = "$want" ]; then return 0; fi
        local lp; lp=$(cat "$(node_dir "$n")/launcher.pid" 2>/dev/null || true)
        if [ -n "$lp" ] && ! kill -0 "$lp" 2>/dev/null && ! pid_of "$n" >/dev/null; then
            log "node $n ended; the end of its error log:"; tail -n 30 "$(node_dir "$n")/error.log" >&2 || true
            return 1
        fi
        sleep 0.5
    done
    log "node $n not $want within ${secs}s (state: '${state}'); the end of its error log:"
    tail -n 30 "$(node_dir "$n")/error.log" >&2 || true
    return 1
}

cmd_start() {
    check_installed
    cmd_stop quiet
    rm -rf "$DIR"
    mkdir -p "$DIR"
    local n
    for n in "${NODES[@]}"; do mkdir -p "$(node_dir "$n")"; write_config "$n"; done
    # node 1's fresh datadir, copied for the joiners (they still take a full rsync state transfer from node 1,
    # but start from a valid data directory)
    mariadb-install-db --no-defaults --user=mysql --datadir="$(node_dir 1)/data" --auth-root-authentication-method=socket \
        --skip-test-db > "$(node_dir 1)/install.log" 2>&1 || { cat "$(node_dir 1)/install.log" >&2; die "mariadb-install-db failed"; }
    for n in 2 3; do cp -a "$(node_dir 1)/data" "$(node_dir "$n")/data"; done
    chown -R mysql:mysql "$DIR"

    launch 1 --wsrep-new-cluster
    wait_state 1 Synced 60 || die "node 1 did not bootstrap"
    client 1 "CREATE DATABASE IF NOT EXISTS customer CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
              CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
              GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
              CREATE USER IF NOT EXISTS 'customer'@'127.0.0.1' IDENTIFIED BY 'customer';
              GRANT ALL PRIVILEGES ON customer.* TO 'customer'@'127.0.0.1';"
    # joiners one after the other: one donor serves one state transfer at a time
    for n in 2 3; do
        launch "$n"
        wait_state "$n" Synced 90 || die "node $n did not join"
    done
    cmd_status
}

cmd_stop() {
    local quiet=${1:-} n pid pids=()
    [ -d "$DIR" ] || return 0
    for n in "${NODES[@]}"; do
        if pid=$(pid_of "$n"); then kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); fi
    done
    local i
    for ((i = 0; i < 40; i++)); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    [ -n "$quiet" ] || log "stopped ${#pids[@]} node(s) of $DIR"
}

cmd_kill() {
    local n=$1 pid
    pid=$(pid_of "$n") || die "node $n is not running"
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    log "killed node $n (pid $pid)"
}

cmd_restart() {
    local n=$1 d; d=$(node_dir "$n")
    if pid_of "$n" >/dev/null; then die "node $n is running"; fi
    # the position the crashed node had reached, so that it rejoins by incremental state transfer when it can
    local position
    "$MARIADBD" --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" > /dev/null 2>&1 || true
    position=$(grep -o 'WSREP: Recovered position: [^ ]*' "$d/recover.log" 2>/dev/null | tail -n 1 | awk '{print $4}')
    rm -f "$d/recover.log"
    if [ -n "$position" ]; then
        launch "$n" --wsrep-start-position="$position"
    else
        launch "$n"
    fi
    log "node $n restarting from position ${position:-unknown}"
}

cmd_bootstrap() {
    local n=$1
    client "$n" "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
    log "node $n: pc.bootstrap=YES"
}

cmd_status() {
    local n pid
    for n in "${NODES[@]}"; do
        if pid=$(pid_of "$n"); then
            echo "node$n port=$(sql_port "$n") pid=$pid size=$(status_var "$n" wsrep_cluster_size || true)" \
                 "state=$(status_var "$n" wsrep_local_state_comment || true)" \
                 "status=$(status_var "$n" wsrep_cluster_status || true)"
        else
            echo "node$n port=$(sql_port "$n") down"
        fi
    done
}

command=${1:-}
shift || true
case "$command" in
    start|stop|status)
        DIR=$(realpath -m "${1:-${GALERA_DIR:-target/galera}}")
        "cmd_$command" ;;
    kill|restart|bootstrap)
        [[ "${1:-}" =~ ^[123]$ ]] || die "usage: $0 $command N [DIR]"
        n=$1
        DIR=$(realpath -m "${2:-${GALERA_DIR:-target/galera}}")
        "cmd_$command" "$n" ;;
    wait)
        [[ "${1:-}" =~ ^[123]$ ]] || die "usage: $0 wait N STATE [SECONDS] [DIR]"
        DIR=$(realpath -m "${4:-${GALERA_DIR:-target/galera}}")
        wait_state "$1" "${2:-Synced}" "${3:-60}" ;;
    *)
        sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2 ;;
esac
