#!/usr/bin/env bash
# The run command: installs what is missing, starts the AppHost (every service, the gateway, PostgreSQL, RabbitMQ
# and the Aspire dashboard) in the right infrastructure mode, and prints where to find the dashboard and gateway.
#   ./run.sh [settings]            start (Ctrl+C stops everything)
#   ./run.sh --stop [settings]     stop the copy running from this folder, and servers left from an earlier start
#   ./run.sh --reset [settings]    delete the local PostgreSQL and RabbitMQ data (the system must be stopped)
# Settings are the AppHost's configuration as arguments, e.g. --Infrastructure:Local:PostgresPort=5544 (a leading --
# is allowed). BRANDPLATFORM_INFRASTRUCTURE, BRANDPLATFORM_GATEWAY_PORT and BRANDPLATFORM_DATA_DIRECTORY stand for
# Infrastructure:Mode, Gateway:Port and Infrastructure:Local:DataDirectory; arguments win over them.
set -euo pipefail
started=$SECONDS
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

command=start
case "${1:-}" in
  --reset) command=reset; shift;;
  --stop) command=stop; shift;;
esac
if [ "${1:-}" = -- ]; then shift; fi
dashboard_port=${BRANDPLATFORM_DASHBOARD_PORT:-18888}
settings=()
if [ -n "${BRANDPLATFORM_INFRASTRUCTURE:-}" ]; then settings+=("--Infrastructure:Mode=$BRANDPLATFORM_INFRASTRUCTURE"); fi
if [ -n "${BRANDPLATFORM_GATEWAY_PORT:-}" ]; then settings+=("--Gateway:Port=$BRANDPLATFORM_GATEWAY_PORT"); fi
if [ -n "${BRANDPLATFORM_DATA_DIRECTORY:-}" ]; then
  settings+=("--Infrastructure:Local:DataDirectory=$BRANDPLATFORM_DATA_DIRECTORY")
fi
settings+=("$@")

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
# No development certificate here: the dashboard and its endpoints speak plain HTTP on loopback only.
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPNETCORE_URLS="http://127.0.0.1:$dashboard_port"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(( dashboard_port + 2 ))"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(( dashboard_port + 3 ))"

# The copy running from this folder names itself in .local/run.pid (pid first, then where to find it), so a second
# ./run.sh stops before it builds over the running binaries; a pid no longer a run.sh is a crashed copy's, ignored.
checkout=$PWD
mkdir -p .local
pidfile=.local/run.pid
apphost_log=$checkout/.local/apphost.log
running_copy() {
  local line
  line=$(cat "$pidfile" 2>/dev/null) || return 1
  [ "${line%%,*}" != $$ ] && [[ $(bp_cmdline "${line%%,*}") == *run.sh* ]] && echo "$line"
}

if [ "$command" = stop ]; then
  copy=$(running_copy) || copy=""
  for pid in $(bp_apphost_pids "$checkout"); do
    bp_log "stopping the AppHost (pid $pid) and everything it started"
    bp_end_process "$pid" TERM || bp_die "the AppHost (pid $pid) did not stop within a minute: kill -9 $pid"
  done
  if [ -n "$copy" ]; then
    # It ends with its AppHost; one still building or asking for settings has none yet.
    bp_end_process "${copy%%,*}" 0 || bp_end_process "${copy%%,*}" TERM || bp_die "run.sh (pid ${copy%%,*}) did not stop: kill ${copy%%,*}"
    bp_log "stopped the running copy (run.sh pid ${copy%%,*})"
  fi
elif copy=$(running_copy); then
  bp_die "BrandPlatform already runs from this folder (run.sh pid ${copy%%,*},${copy#*,}); stop it with Ctrl+C there or ./run.sh --stop"
else
  # Not started by a run.sh that still runs (killed, or by hand), but it may be someone's running system.
  for pid in $(bp_apphost_pids "$checkout"); do
    bp_die "an AppHost from an earlier start still runs from this folder (pid $pid): stop it with ./run.sh --stop (or kill $pid)"
  done
fi

bp_require_dotnet
# Stopping and resetting only ask the AppHost for its settings: a build is needed only if there is none.
if [ "$command" = start ] || [ ! -d AppHost/bin ]; then
  bp_log "building"
  dotnet build AppHost/AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
fi
apphost() { dotnet run --project AppHost/AppHost.csproj --no-build --no-launch-profile -- "$@"; }

# The data folder, the ports and the mode are the AppHost's, read from its configuration with the same settings
# (AppHost/Infrastructure/RunCommandSettings.cs): this script keeps no copy of them.
bp_read_apphost_settings "${settings[@]}" || bp_die "the AppHost did not accept these settings: ${settings[*]}"

# A PostgreSQL server or RabbitMQ node left on this data folder by an earlier start that no AppHost runs any more is
# stopped (PostgreSQL's fast shutdown: nothing committed is lost); one a running AppHost started is named with it.
stop_leftovers() {
  local pid apphost
  if pid=$(bp_postgres_on "$data_directory/postgres"); then
    if apphost=$(bp_apphost_of "$pid"); then
      bp_die "PostgreSQL on $data_directory/postgres (pid $pid) belongs to a running AppHost (pid $apphost): stop that first (kill $apphost)"
    fi
    bp_log "stopping PostgreSQL left running from an earlier start (pid $pid, data $data_directory/postgres)"
    bp_end_process "$pid" INT || bp_die "PostgreSQL (pid $pid) did not stop within a minute: kill -9 $pid"
  fi
  if pid=$(bp_rabbitmq_on "$data_directory/rabbitmq"); then
    if apphost=$(bp_apphost_of "$pid"); then
      bp_die "RabbitMQ on $data_directory/rabbitmq (pid $pid) belongs to a running AppHost (pid $apphost): stop that first (kill $apphost)"
    fi
    bp_log "stopping RabbitMQ left running from an earlier start (pid $pid, data $data_directory/rabbitmq)"
    bp_end_process "$pid" TERM || bp_die "RabbitMQ (pid $pid) did not stop within a minute: kill -9 $pid"
  fi
}

# A port someone else holds: named with its process (and a PostgreSQL server's data folder) and the setting to change.
require_free_port() { # port what setting
  local owner data
  bp_port_in_use "$1" || return 0
  owner=$(bp_port_owner "$1")
  if [[ $owner =~ pid\ ([0-9]+) ]]; then
    data=$(bp_cmdline "${BASH_REMATCH[1]}" | sed -n 's/.* -D \([^ ]*\).*/\1/p')
    bp_die "port $1 ($2) is taken by ${owner%)}${data:+, data $data}): stop it (kill ${BASH_REMATCH[1]}) or choose another port with $3"
  fi
  bp_die "port $1 ($2) is taken: stop what listens there or choose another port with $3"
}

if [ "$command" = stop ]; then
  # The orchestrator stops the servers with its AppHost; what outlived it is a leftover now.
  stop_leftovers
  bp_log "stopped"
  exit 0
fi
stop_leftovers

if [ "$command" = reset ]; then
  if bp_port_in_use "$postgres_port" || bp_port_in_use "$rabbitmq_port"; then
    bp_die "the local servers are still running (127.0.0.1:$postgres_port, 127.0.0.1:$rabbitmq_port); stop ./run.sh first"
  fi
  bp_log "deleting local data in $data_directory"
  rm -rf "$data_directory/postgres" "$data_directory/rabbitmq"
  if bp_container_runtime_answers; then
    for volume in brandplatform-postgres brandplatform-rabbitmq; do
      ${ASPIRE_CONTAINER_RUNTIME:-docker} volume rm -f "$volume" >/dev/null 2>&1 || true
    done
    bp_log "container volumes removed"
  fi
  exit 0
fi

bp_ensure_report_font
if [ "$mode" = auto ]; then
  if bp_container_runtime_answers; then mode=containers; else mode=local; fi
fi
if [ "$mode" = local ]; then
  bp_ensure_local_servers
  require_free_port "$postgres_port" PostgreSQL --Infrastructure:Local:PostgresPort=...
  require_free_port "$rabbitmq_port" RabbitMQ --Infrastructure:Local:RabbitMqPort=...
  require_free_port "$rabbitmq_management_port" "RabbitMQ management" --Infrastructure:Local:RabbitMqManagementPort=...
  require_free_port "$rabbitmq_distribution_port" "RabbitMQ distribution" --Infrastructure:Local:RabbitMqDistributionPort=...
fi
if [ "$gateway_port" -gt 0 ]; then require_free_port "$gateway_port" gateway BRANDPLATFORM_GATEWAY_PORT=...; fi
for port in "$dashboard_port" $(( dashboard_port + 2 )) $(( dashboard_port + 3 )); do
  require_free_port "$port" "dashboard, OTLP, resource service" BRANDPLATFORM_DASHBOARD_PORT=...
done
bp_log "infrastructure mode: $mode"
if [ "$mode" = local ]; then
  bp_log "local data in $data_directory (PostgreSQL 127.0.0.1:$postgres_port, RabbitMQ 127.0.0.1:$rabbitmq_port, management $rabbitmq_management_port)"
fi

# bash-only HTTP GET, so the script needs no curl on a fresh machine: the status (000 when nothing answers), then the body
http_get() {
  local host=${1#http://}; host=${host%%/*}; local path=/${1#http://*/} status line body=""
  { exec 3<>"/dev/tcp/${host%:*}/${host#*:}"; } 2>/dev/null || { echo 000; return; }
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$host" >&3
  read -r -t 10 _ status _ <&3 || status=000
  echo "${status:-000}"
  while IFS= read -r -t 10 line || [ -n "$line" ]; do
    if [ -n "$body" ]; then printf '%s\n' "$line"; elif [ "$line" = $'\r' ]; then body=1; fi
  done <&3
  exec 3>&-
}

# One line: what is still awaited and what answers, by the ports the AppHost was given.
starting_state() { # gateway-status
  local waiting="" up=""
  if [ "$mode" = local ]; then
    if bp_port_in_use "$postgres_port"; then up="PostgreSQL"; else waiting="PostgreSQL, "; fi
    if bp_port_in_use "$rabbitmq_port"; then up="${up:+$up, }RabbitMQ"; else waiting+="RabbitMQ, "; fi
  fi
  if [ "$1" = 000 ]; then
    waiting+="the services and the gateway (it starts once every service is healthy)"
  else
    waiting+="the gateway's /health (answers $1)"
  fi
  echo "waiting for $waiting${up:+; up: $up}"
}

report_not_ready() { # last answer of the gateway's /health
  local status=${1%%$'\n'*} body=""
  if [[ $1 == *$'\n'* ]]; then body=${1#*$'\n'}; fi
  bp_log "the gateway did not report healthy within 10 minutes"
  if [ "$status" != 000 ]; then
    bp_log "  its /health answers $status${body:+: $body}"
    return
  fi
  bp_log "  nothing answers at http://127.0.0.1:$gateway_port: the gateway starts once every service is healthy, and they once PostgreSQL and RabbitMQ are"
  if [ "$mode" = local ]; then
    bp_port_in_use "$postgres_port" || bp_log "  PostgreSQL does not answer on 127.0.0.1:$postgres_port (data in $data_directory/postgres)"
    bp_port_in_use "$rabbitmq_port" || bp_log "  RabbitMQ does not answer on 127.0.0.1:$rabbitmq_port (data in $data_directory/rabbitmq)"
  fi
  bp_log "  the dashboard (its login URL is above) shows each resource's state and its log"
}

report_when_ready() {
  # The gateway's /health is healthy only when every service is, and they only when their database and broker are.
  # A line of progress every 15 s, nothing else; it ends with run.sh.
  local deadline=$(( SECONDS + 600 )) progress=$(( SECONDS + 15 )) answer
  until answer=$(http_get "http://127.0.0.1:$gateway_port/health"); [ "${answer%%$'\n'*}" = 200 ]; do
    [ -d "/proc/$$" ] || return
    [ $SECONDS -lt $deadline ] || { report_not_ready "$answer"; return; }
    if [ $SECONDS -ge $progress ]; then
      bp_log "still starting after $(( SECONDS - started )) s: $(starting_state "${answer%%$'\n'*}")"
      progress=$(( SECONDS + 15 ))
    fi
    sleep 1
  done
  bp_log "all resources healthy $(( SECONDS - started )) s after ./run.sh started"
  bp_log "gateway:   http://localhost:$gateway_port   (API reference: http://localhost:$gateway_port/docs)"
  if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
    bp_log "demo government client (Development only): gov-demo-client / brandplatform-dev-secret"
    bp_log "  token: POST http://localhost:$gateway_port/identity/connect/token grant_type=client_credentials scope=tickets.write"
    bp_log "demo accounts (Development only), password Dangjian#2026, sign in at http://localhost:$gateway_port/identity/account/login:"
    bp_log "  admin (Administrator)  operator (Operator)  office (OfficeStaff)  secretary (BranchSecretary, 第一党支部)"
    bp_log "  officer (PartyAffairsOfficer, 第二党支部)  member (Member, 第一党支部)  handler (TaskForceHandler, 招商服务专班)"
    bp_log "  leader (LiaisonLeader)  enterprise / enterprise2 (EnterpriseContact, 示范科技 / 样板制造)  member01..member30  youth-fic1/2"
  fi
}

if [ "$gateway_port" -gt 0 ]; then gateway_url=http://localhost:$gateway_port; else gateway_url="on the port the dashboard shows"; fi
record_running_copy() { echo "$$, gateway $gateway_url, dashboard $1" > "$pidfile"; } # dashboard
record_running_copy "not up yet"
reporter=""
finish() {
  if [ -n "$reporter" ]; then kill "$reporter" 2>/dev/null || true; fi
  if [ "$(cut -d, -f1 "$pidfile" 2>/dev/null)" = $$ ]; then rm -f "$pidfile"; fi
}
trap finish EXIT
if [ "$gateway_port" -gt 0 ]; then
  report_when_ready &
  reporter=$!
fi

# The AppHost's output, also kept in .local/apphost.log. A resource that cannot start makes it write one line,
# "brandplatform: resource '<name>' failed to start: <reason>", and exit: that line is shown where it stands out.
# Ctrl+C reaches the AppHost, which stops everything; this reader ignores it so the AppHost's last words still show.
bp_log "starting the AppHost (Ctrl+C stops everything)"
set +e
apphost "${settings[@]}" --Infrastructure:Mode="$mode" 2>&1 \
  | { trap '' INT
      while IFS= read -r line; do
        printf '%s\n' "$line" >&3
        case "$line" in
          "brandplatform: resource '"*"' failed to start: "*)
            bp_error "${line#brandplatform: }";;
          *"Login to the dashboard at "*)
            printf '%s\n' "$line"
            bp_log "dashboard: ${line##*Login to the dashboard at }"
            record_running_copy "${line##*Login to the dashboard at }"
            if [ "$gateway_port" -gt 0 ]; then
              bp_log "gateway:   $gateway_url (healthy shortly; a line follows)"
            else
              bp_log "gateway:   $gateway_url (Gateway:Port is 0)"
            fi;;
          *) printf '%s\n' "$line";;
        esac
      done; } 3>"$apphost_log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then bp_error "the AppHost exited with status $status (its log: $apphost_log)"; fi
exit "$status"
