#!/usr/bin/env bash
# The run command: installs what is missing, starts the AppHost (every service, the gateway, PostgreSQL, RabbitMQ
# and the Aspire dashboard) in the right infrastructure mode, and prints where to find the dashboard and gateway.
#   ./run.sh [settings]            start (Ctrl+C stops everything)
#   ./run.sh --reset [settings]    delete the local PostgreSQL and RabbitMQ data (the system must be stopped)
# Settings are the AppHost's configuration as arguments, e.g. --Infrastructure:Local:PostgresPort=5544 (a leading --
# is allowed). BRANDPLATFORM_INFRASTRUCTURE, BRANDPLATFORM_GATEWAY_PORT and BRANDPLATFORM_DATA_DIRECTORY stand for
# Infrastructure:Mode, Gateway:Port and Infrastructure:Local:DataDirectory; arguments win over them.
set -euo pipefail
started=$SECONDS
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

reset=""
if [ "${1:-}" = --reset ]; then reset=1; shift; fi
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

bp_require_dotnet
bp_log "building"
dotnet build AppHost/AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
apphost() { dotnet run --project AppHost/AppHost.csproj --no-build --no-launch-profile -- "$@"; }

# The data folder, the ports and the mode are the AppHost's, read from its configuration with the same settings
# (AppHost/Infrastructure/RunCommandSettings.cs): this script keeps no copy of them.
answer=$(apphost settings "${settings[@]}") || bp_die "the AppHost did not accept these settings: ${settings[*]}"
while IFS='=' read -r name value; do
  case "$name" in
    mode|data_directory|postgres_port|rabbitmq_port|rabbitmq_management_port|gateway_port) printf -v "$name" '%s' "$value";;
  esac
done <<<"$answer"

if [ -n "$reset" ]; then
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

if [ "$mode" = auto ]; then
  if bp_container_runtime_answers; then mode=containers; else mode=local; fi
fi
if [ "$mode" = local ]; then bp_ensure_local_servers; fi
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
  local deadline=$(( SECONDS + 600 )) answer
  until answer=$(http_get "http://127.0.0.1:$gateway_port/health"); [ "${answer%%$'\n'*}" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { report_not_ready "$answer"; return; }
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
if [ "$gateway_port" -gt 0 ]; then
  report_when_ready &
  reporter=$!
  trap 'kill $reporter 2>/dev/null || true' EXIT
fi

bp_log "starting the AppHost (Ctrl+C stops everything)"
apphost "${settings[@]}" --Infrastructure:Mode="$mode" 2>&1 \
  | while IFS= read -r line; do
      printf '%s\n' "$line"
      case "$line" in
        *"Login to the dashboard at "*)
          bp_log "dashboard: ${line##*Login to the dashboard at }"
          if [ "$gateway_port" -gt 0 ]; then
            bp_log "gateway:   http://localhost:$gateway_port (healthy shortly; a line follows)"
          else
            bp_log "gateway:   on the port the dashboard shows (Gateway:Port is 0)"
          fi;;
      esac
    done
