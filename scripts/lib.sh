#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing, and start/stop throwaway PostgreSQL and RabbitMQ servers.

bp_log() { printf '\033[1;34m[brandplatform]\033[0m %s\n' "$*" >&2; }
bp_die() { printf '\033[1;31m[brandplatform]\033[0m %s\n' "$*" >&2; exit 1; }

bp_is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as root: directly when we are root, else through sudo.
bp_as_root() {
  if bp_is_root; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else bp_die "need root (or sudo) to run: $*"
  fi
}

bp_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || bp_die "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH"
  dotnet --list-sdks | grep -q '^10\.' || bp_die "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

bp_container_runtime_answers() {
  local runtime
  for runtime in ${ASPIRE_CONTAINER_RUNTIME:-docker podman}; do
    if command -v "$runtime" >/dev/null 2>&1 && timeout 10 "$runtime" info --format '{{.ServerVersion}}' >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

bp_postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

bp_apt_updated=""
bp_apt_install() {
  if [ -z "$bp_apt_updated" ]; then
    bp_log "apt-get update"
    bp_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    bp_apt_updated=1
  fi
  bp_log "apt-get install $*"
  bp_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# PostgreSQL server binaries and RabbitMQ from Debian's packages, when missing.
bp_ensure_local_servers() {
  if [ -z "$(bp_postgres_bin)" ]; then
    bp_apt_install postgresql
  fi
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    bp_apt_install rabbitmq-server
  fi
  [ -n "$(bp_postgres_bin)" ] || bp_die "PostgreSQL server binaries are still missing after install"
}

bp_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A loopback port nobody listens on, from the ephemeral range's lower neighbour.
bp_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! bp_port_in_use "$port"; then echo "$port"; return 0; fi
  done
  bp_die "no free port found"
}

bp_wait_for_port() { # port seconds what
  local deadline=$(( SECONDS + $2 ))
  until bp_port_in_use "$1"; do
    [ $SECONDS -lt $deadline ] || bp_die "$3 did not open port $1 within $2 s"
    sleep 0.3
  done
}

# Runs a command as the postgres account when we are root (the server refuses root).
bp_as_postgres() {
  if bp_is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

bp_start_postgres() { # data-dir port log
  local bin dir=$1 port=$2 log=$3
  bin=$(bp_postgres_bin)
  mkdir -p "$dir"
  if bp_is_root; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  bp_as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$log" 2>&1 \
    || { cat "$log" >&2; bp_die "initdb failed"; }
  # The server writes its own log, as the postgres account, inside its data folder.
  bp_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; bp_die "PostgreSQL did not start"; }
}

bp_stop_postgres() { # data-dir
  local bin
  bin=$(bp_postgres_bin)
  [ -f "$1/postmaster.pid" ] && bp_as_postgres "$bin/pg_ctl" -D "$1" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

# A private RabbitMQ node: own name, ports, folders and Erlang cookie (HOME), management UI on loopback.
bp_rabbitmq_env() { # dir port management-port
  echo "HOME=$1 RABBITMQ_NODENAME=bp-test-$2@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$2 \
RABBITMQ_DIST_PORT=$(( $2 + 1 )) RABBITMQ_MNESIA_BASE=$1/mnesia RABBITMQ_LOG_BASE=$1/log \
RABBITMQ_ENABLED_PLUGINS_FILE=$1/enabled_plugins"
}

bp_start_rabbitmq() { # dir port management-port log
  local dir=$1 port=$2 management=$3 log=$4
  mkdir -p "$dir/mnesia" "$dir/log"
  echo '[rabbitmq_management].' > "$dir/enabled_plugins"
  # shellcheck disable=SC2046
  env $(bp_rabbitmq_env "$dir" "$port" "$management") RABBITMQ_LOGS=- \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-rabbitmq_management tcp_config [{ip,\"127.0.0.1\"},{port,$management}]" \
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$log" 2>&1 &
  echo $! > "$dir/server.pid"
  bp_wait_for_port "$port" 90 "RabbitMQ" || { cat "$log" >&2; return 1; }
  bp_wait_for_port "$management" 60 "RabbitMQ management"
}

bp_stop_rabbitmq() { # dir port management-port
  local dir=$1 pid
  [ -f "$dir/server.pid" ] || return 0
  pid=$(cat "$dir/server.pid")
  # shellcheck disable=SC2046
  env $(bp_rabbitmq_env "$dir" "$2" "$3") timeout 60 /usr/lib/rabbitmq/bin/rabbitmqctl -q stop >/dev/null 2>&1 || true
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/server.pid"
}

bp_epmd_running() { pgrep -x epmd >/dev/null 2>&1; }
