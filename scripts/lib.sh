#!/usr/bin/env bash
# Shared by run.sh, test.sh, bench/ and the backup scripts: install what is missing, start/stop local PostgreSQL and
# RabbitMQ servers, and find servers and AppHosts left from an earlier start.

bp_log() { printf '\033[1;34m[brandplatform]\033[0m %s\n' "$*" >&2; }
bp_error() { printf '\033[1;31m[brandplatform]\033[0m %s\n' "$*" >&2; }
bp_die() { bp_error "$@"; exit 1; }

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

# kubectl renders deploy/ for the deployment's unit tests (kubectl kustomize, offline). Its kustomize must be v5:
# Debian 12's kubernetes-client package (kubectl 1.20, kustomize v2) cannot render labels or replacements, and the
# upstream download is not reachable from an intranet, so nothing is installed: the run goes on and those tests fail
# saying what is missing.
bp_check_kubectl() {
  local kustomize
  if ! command -v kubectl >/dev/null 2>&1; then
    bp_log "kubectl 1.32 or later is not on PATH: the deployment tests will fail (https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/)"
    return 0
  fi
  kustomize=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v//p')
  [ "${kustomize%%.*}" -ge 5 ] 2>/dev/null \
    || bp_log "kubectl's kustomize is '${kustomize:-none}', not v5 or later: the deployment tests will fail"
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

# The Chinese font PDFs are drawn with (services/Printing's ChineseFont; reporting answers 503 without it).
bp_ensure_report_font() {
  if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
    bp_apt_install fonts-noto-cjk
  fi
}

# The portal's browser tests drive Debian's Chromium (Playwright's own browser download is unreachable here); its
# Chinese text needs the CJK font above.
bp_ensure_browser() {
  if ! command -v chromium > /dev/null 2>&1; then
    bp_apt_install chromium
  fi
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

bp_scripts=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# test.sh and bench/ run the same server scripts the AppHost runs (scripts/local-postgres.sh, local-rabbitmq.sh), in
# the background in a session of their own with their output in LOG; PIDFILE is for bp_stop_server.
bp_start_server() { # pidfile log command...
  local pidfile=$1 log=$2
  shift 2
  setsid "$@" >"$log" 2>&1 &
  echo $! > "$pidfile"
}

# Waits until a started server answers READY-COMMAND; stops the wait with its log if the server exits first.
bp_wait_for_server() { # pidfile log seconds what ready-command...
  local pid deadline=$(( SECONDS + $3 )) log=$2 seconds=$3 what=$4
  pid=$(cat "$1")
  shift 4
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; bp_die "$what exited while starting (log above)"; }
    [ $SECONDS -lt $deadline ] || { cat "$log" >&2; bp_die "$what did not answer within $seconds s (log above)"; }
    sleep 0.3
  done
}

# Stops a server started by bp_start_server as the AppHost's orchestrator does, with SIGTERM (a background job ignores
# SIGINT, so the scripts cannot trap that one), and its whole session if it has not ended within a minute.
bp_stop_server() { # pidfile
  local pid deadline=$(( SECONDS + 60 ))
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$1"
}

bp_start_postgres() { # data-dir port log [server options]
  local dir=$1 port=$2 log=$3 bin
  shift 3
  bin=$(bp_postgres_bin)
  bp_start_server "$dir.pid" "$log" "$bp_scripts/local-postgres.sh" "$dir" "$port" "$@"
  # Asked through the socket in its own data folder: another server on the port must not pass for this one.
  bp_wait_for_server "$dir.pid" "$log" 90 PostgreSQL "$bin/pg_isready" -q -h "$dir" -p "$port"
}

bp_stop_postgres() { bp_stop_server "$1.pid"; } # data-dir

bp_start_rabbitmq() { # dir port management-port distribution-port log
  local dir=$1 port=$2 management=$3
  bp_start_server "$dir.pid" "$5" "$bp_scripts/local-rabbitmq.sh" "$dir" "$port" "$management" "$4"
  # Its own log says when it is up (management listener included): another node on the port must not pass for it.
  bp_wait_for_server "$dir.pid" "$5" 120 RabbitMQ grep -q "Server startup complete" "$5"
  bp_port_in_use "$port" && bp_port_in_use "$management" || bp_die "RabbitMQ started without listening on $port and $management"
}

bp_stop_rabbitmq() { bp_stop_server "$1.pid"; } # dir

# PostgreSQL and RabbitMQ for one run of the tests or a benchmark, in WORK: durability is traded for speed.
bp_start_throwaway_servers() { # work postgres-port rabbitmq-port management-port
  bp_start_postgres "$1/postgres" "$2" "$1/postgres.log" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  bp_start_rabbitmq "$1/rabbitmq" "$3" "$4" "$(bp_free_port)" "$1/rabbitmq.log"
}

bp_epmd_running() { pgrep -x epmd >/dev/null 2>&1; }

# The Erlang port mapper starts with the first node and outlives it; stop it unless it was running before.
bp_stop_epmd_unless() { # was-running-before
  if [ -z "$1" ] && bp_epmd_running; then epmd -kill >/dev/null 2>&1 || true; fi
}

# --- What an earlier start left running (run.sh looks before it starts, and ./run.sh --stop ends it) ---

bp_cmdline() { { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null; } # pid: its arguments, space-separated

# "name (pid N)" of what listens on a loopback port, when ss may say (another user's processes it names only to root).
bp_port_owner() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
}

# The AppHost whose Aspire orchestrator (dcp) started a process, when that AppHost still runs: the outermost dcp among
# the process's ancestors watches it (--monitor). Once the AppHost is gone, what dcp has not stopped yet is a leftover.
bp_apphost_of() { # pid
  local pid=$1 apphost=""
  while pid=$(ps -o ppid= -p "$pid" 2>/dev/null) && pid=${pid// /} && [ "${pid:-0}" -gt 1 ]; do
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dcp ]; then
      apphost=$(bp_cmdline "$pid" | sed -n 's/.* --monitor \([0-9]*\).*/\1/p')
    fi
  done
  [ -n "$apphost" ] && [ -d "/proc/$apphost" ] && echo "$apphost"
}

# The AppHosts started from a checkout: `dotnet run` runs the executable it built under AppHost/bin.
bp_apphost_pids() { pgrep -f "^$1/AppHost/bin/[^ ]+/AppHost( |\$)" || true; } # checkout

# The live PostgreSQL server on a data folder: the pid its postmaster.pid names, when that process is a postgres.
bp_postgres_on() { # data-dir
  local pid
  pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [[ $(bp_cmdline "$pid") == *postgres* ]] && echo "$pid"
}

# The RabbitMQ node on a folder: scripts/local-rabbitmq.sh makes the folder the node's home.
bp_rabbitmq_on() { # dir
  local pid
  for pid in $(pgrep -x beam.smp); do
    if [[ "$(bp_cmdline "$pid") " == *" -home $1 "* ]]; then echo "$pid"; return 0; fi
  done
  return 1
}

# Sends a signal and waits up to a minute for the process to end.
bp_end_process() { # pid signal
  local deadline=$(( SECONDS + 60 ))
  kill "-$2" "$1" 2>/dev/null || return 1
  while [ -d "/proc/$1" ]; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.3
  done
}

# --- The AppHost's settings, and the databases ---

bp_root=$(dirname "$bp_scripts")

# The AppHost's effective settings (AppHost/Infrastructure/RunCommandSettings.cs) as variables: mode, data_directory,
# postgres_port, rabbitmq_port, rabbitmq_management_port, rabbitmq_distribution_port, gateway_port. The AppHost must
# be built (run.sh builds it).
bp_read_apphost_settings() { # [configuration arguments]
  local answer name value
  answer=$(dotnet run --project "$bp_root/AppHost/AppHost.csproj" --no-build --no-launch-profile -- settings "$@") || return 1
  while IFS='=' read -r name value; do
    case "$name" in
      mode|data_directory|postgres_port|rabbitmq_port|rabbitmq_management_port|rabbitmq_distribution_port|gateway_port)
        printf -v "$name" '%s' "$value";;
    esac
  done <<<"$answer"
}

# A PostgreSQL client program (psql, pg_dump, pg_restore) of the newest installed version: it must not be older than
# the server it talks to.
bp_pg_tool() { # name
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then echo "$dir/$1"
  elif command -v "$1" >/dev/null 2>&1; then command -v "$1"
  else bp_die "$1 was not found: install postgresql-client"
  fi
}

# The server the backup scripts talk to: the one PGHOST, PGPORT and PGUSER (and PGPASSWORD or ~/.pgpass) name when
# PGPORT is set, else the local system's (run.sh's local mode; its settings from the AppHost).
bp_default_to_local_postgres() {
  [ -z "${PGPORT:-}" ] || return 0
  if [ ! -d "$bp_root/AppHost/bin" ]; then
    dotnet build "$bp_root/AppHost/AppHost.csproj" -nologo -v quiet -clp:ErrorsOnly >&2 || bp_die "the AppHost does not build"
  fi
  bp_read_apphost_settings || bp_die "the AppHost did not print its settings"
  export PGHOST=127.0.0.1 PGPORT=$postgres_port PGUSER=postgres
}

# Every database on the server but the templates and postgres: each service has its own.
bp_service_databases() {
  "$(bp_pg_tool psql)" -X -A -t -v ON_ERROR_STOP=1 -d postgres \
    -c "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1"
}

# psql statements printing "schema.table<TAB>rows" for every table of the current database, counted exactly
# (count(*), not the planner's estimates); other sessions' temporary tables are out of reach and left out.
bp_count_rows_sql="SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
  ORDER BY n.nspname, c.relname \\gexec"

bp_psql_rows() { "$(bp_pg_tool psql)" -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 "$@"; } # psql, tab-separated rows only

# A person's access token through the gateway, as the portal's sign-in does it in a browser (tests/Testing/PortalSignIn.cs):
# authorize → login page → post the form with its antiforgery token → back to authorize → code at the redirect URI →
# token with the PKCE verifier. Needs curl, jq and openssl.
bp_b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
bp_query_value() { # url name: a query parameter, percent-decoded
  local value; value=$(sed -n "s/.*[?&]$2=\([^&]*\).*/\1/p" <<<"$1"); value=${value//+/ }
  printf '%b' "${value//%/\\x}"
}
bp_person_token() { # gateway user-name password scopes cookie-jar
  local gateway=$1 user=$2 password=$3 scopes=$4 jar=$5 callback verifier challenge login page field after code
  callback="$gateway/portal/signin-callback"
  verifier=$(openssl rand 32 | bp_b64url)
  challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | bp_b64url)
  login=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' -G "$gateway/identity/connect/authorize" \
    --data-urlencode client_id=brandplatform-portal --data-urlencode response_type=code --data-urlencode "scope=$scopes" \
    --data-urlencode "redirect_uri=$callback" --data-urlencode state=bench \
    --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256)
  [ -n "$login" ] || bp_die "authorize did not send $user to the login page"
  page=$(curl -s -c "$jar" -b "$jar" "$login")
  field=$(sed -n 's/.*<input type="hidden" name="\(__RequestVerificationToken[^"]*\)" value="\([^"]*\)".*/\1=\2/p' <<<"$page")
  after=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' "$gateway/identity/account/login" \
    --data-urlencode "${field%%=*}=${field#*=}" --data-urlencode "userName=$user" --data-urlencode "password=$password" \
    --data-urlencode "returnUrl=$(bp_query_value "$login" ReturnUrl)")
  [ -n "$after" ] || bp_die "sign-in of $user failed"
  code=$(bp_query_value "$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' "$after")" code)
  [ -n "$code" ] || bp_die "no code for $user at $callback"
  curl -s "$gateway/identity/connect/token" -d grant_type=authorization_code -d client_id=brandplatform-portal \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$callback" -d "code_verifier=$verifier" | jq -er .access_token \
    || bp_die "the code of $user was not redeemed"
}

# Ends what a benchmark started on throwaway servers in WORK: its processes, the servers, epmd unless it ran before,
# and (unless BENCH_KEEP is set) the folder.
# Stops what a benchmark started when it ends, also when it is interrupted or killed (timeout, Ctrl+C): bash runs an
# EXIT trap on a signal only if the signal has a trap of its own.
bp_stop_bench_on_exit() { # work epmd-was-running (pids from the caller's array pids)
  trap "bp_stop_bench '$1' '$2' \"\${pids[@]}\"" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bp_stop_bench() { # work epmd-was-running pid...
  local work=$1 epmd_before=$2
  shift 2
  for pid in "$@"; do kill "$pid" 2>/dev/null; done
  wait "$@" 2>/dev/null
  bp_stop_rabbitmq "$work/rabbitmq"
  bp_stop_postgres "$work/postgres"
  bp_stop_epmd_unless "$epmd_before"
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}

# A service's Release build on a loopback port, in the background (Development, warnings only in its log); its process
# id in bp_started_pid. Settings as VAR=value arguments; a later one wins (ASPNETCORE_ENVIRONMENT=Production).
bp_start_built_service() { # project-dir assembly port log [VAR=value...]
  local dir=$1 assembly=$2 port=$3 log=$4
  shift 4
  env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning "$@" \
    dotnet "$dir/bin/Release/net10.0/$assembly.dll" --contentRoot "$PWD/$dir/bin/Release/net10.0" \
    --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  bp_started_pid=$!
}

# Nearest-rank median, p95 and maximum of the numbers given, one line "median p95 max".
bp_percentiles() { printf '%s\n' "$@" | sort -n | awk '
  { v[NR] = $1 } END { m = int((NR + 1) / 2); p = int(NR * 0.95); if (p < NR * 0.95) p++; print v[m], v[p], v[NR] }'; }
