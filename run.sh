#!/usr/bin/env bash
# The run command: installs what is missing, starts the AppHost (every service, the gateway, PostgreSQL, RabbitMQ
# and the Aspire dashboard) in the right infrastructure mode, and prints where to find the dashboard and gateway.
#   ./run.sh            start (Ctrl+C stops everything)
#   ./run.sh --reset    delete the local PostgreSQL and RabbitMQ data (the system must be stopped)
set -euo pipefail
started=$SECONDS
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

dashboard_port=${BRANDPLATFORM_DASHBOARD_PORT:-18888}
gateway_port=${BRANDPLATFORM_GATEWAY_PORT:-8080}
mode=${BRANDPLATFORM_INFRASTRUCTURE:-auto}

local_data_directory() {
  if [ -n "${BRANDPLATFORM_DATA_DIRECTORY:-}" ]; then echo "$BRANDPLATFORM_DATA_DIRECTORY"
  elif bp_is_root; then echo /var/lib/brandplatform
  else echo "${XDG_DATA_HOME:-$HOME/.local/share}/brandplatform"
  fi
}

if [ "${1:-}" = "--reset" ]; then
  if bp_port_in_use 55432 || bp_port_in_use 55672; then
    bp_die "the local servers are still running; stop ./run.sh first"
  fi
  dir=$(local_data_directory)
  bp_log "deleting local data in $dir"
  rm -rf "$dir/postgres" "$dir/rabbitmq"
  if bp_container_runtime_answers; then
    for volume in brandplatform-postgres brandplatform-rabbitmq; do
      ${ASPIRE_CONTAINER_RUNTIME:-docker} volume rm -f "$volume" >/dev/null 2>&1 || true
    done
    bp_log "container volumes removed"
  fi
  exit 0
fi

bp_require_dotnet
if [ "$mode" = auto ]; then
  if bp_container_runtime_answers; then mode=containers; else mode=local; fi
fi
if [ "$mode" = local ]; then bp_ensure_local_servers; fi
bp_log "infrastructure mode: $mode"

bp_log "building"
dotnet build AppHost/AppHost.csproj -nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
# No development certificate here: the dashboard and its endpoints speak plain HTTP on loopback only.
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPNETCORE_URLS="http://127.0.0.1:$dashboard_port"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(( dashboard_port + 2 ))"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(( dashboard_port + 3 ))"


report_when_ready() {
  # The gateway's /health is healthy only when every service is, and they only when their database and broker are.
  local deadline=$(( SECONDS + 600 ))
  until [ "$(curl_status "http://127.0.0.1:$gateway_port/health")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { bp_log "the gateway did not report healthy within 10 minutes"; return; }
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
curl_status() {
  # bash-only HTTP GET, so the script needs no curl on a fresh machine
  local host=${1#http://}; host=${host%%/*}; local path=/${1#http://*/}
  exec 3<>"/dev/tcp/${host%:*}/${host#*:}" 2>/dev/null || { echo 000; return; }
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$host" >&3
  local status; read -r _ status _ <&3 || status=000
  exec 3>&- 3<&-
  echo "${status:-000}"
}
report_when_ready &
reporter=$!
trap 'kill $reporter 2>/dev/null || true' EXIT

bp_log "starting the AppHost (Ctrl+C stops everything)"
dotnet run --project AppHost/AppHost.csproj --no-build --no-launch-profile -- \
  --Infrastructure:Mode="$mode" --Gateway:Port="$gateway_port" 2>&1 \
  | while IFS= read -r line; do
      printf '%s\n' "$line"
      case "$line" in
        *"Login to the dashboard at "*)
          bp_log "dashboard: ${line##*Login to the dashboard at }"
          bp_log "gateway:   http://localhost:$gateway_port (healthy shortly; a line follows)";;
      esac
    done
