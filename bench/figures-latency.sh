#!/usr/bin/env bash
# Commit → figure visible: tickets are submitted through the gateway at a steady rate (each answer comes after the
# ticket and its outbox row committed) while reporting's figures are read through the gateway back to back, both by a
# .NET driver (bench/FiguresLatency); the k-th ticket is visible when the total counts k more than before. Own throwaway PostgreSQL and RabbitMQ, identity, tickets,
# reporting and gateway (rate limit lifted), so nothing else shares the measure. Results are ratios to the goal.
#   bench/figures-latency.sh [events-per-second] [seconds]
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

rate=${1:-200}
seconds=${2:-5}
goal_ms=100
export LC_NUMERIC=C   # $EPOCHREALTIME and awk with a decimal point
bp_require_dotnet
bp_ensure_local_servers
command -v jq >/dev/null 2>&1 || bp_apt_install jq
command -v openssl >/dev/null 2>&1 || bp_apt_install openssl

work=$(mktemp -d /tmp/brandplatform-bench.XXXXXX); chmod 755 "$work"
epmd_before=""; bp_epmd_running && epmd_before=1
pids=()
pg_port=$(bp_free_port); mq_port=$(bp_free_port); mq_management=$(bp_free_port)
identity_port=$(bp_free_port); tickets_port=$(bp_free_port); reporting_port=$(bp_free_port); gateway_port=$(bp_free_port)
gateway="http://127.0.0.1:$gateway_port"
issuer="$gateway/identity/"
trap 'bp_stop_bench "$work" "$epmd_before" "${pids[@]}"' EXIT

bp_start_throwaway_servers "$work" "$pg_port" "$mq_port" "$mq_management"
for project in services/Identity/Identity.csproj services/Tickets/Tickets.csproj services/Reporting/Reporting.csproj gateway/Gateway.csproj bench/FiguresLatency/FiguresLatency.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly || bp_die "build of $project failed"
done

database() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
messaging="amqp://guest:guest@127.0.0.1:$mq_port/"
trust=(Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false)
bp_start_built_service services/Identity BrandPlatform.Identity "$identity_port" "$work/identity.log" \
  ConnectionStrings__identitydb="$(database identitydb)" ConnectionStrings__messaging="$messaging" "${trust[@]}" \
  Identity__Issuer="$issuer" Identity__RequireHttps=false Identity__Portal__RedirectUris__0="$gateway/portal/signin-callback"
pids+=("$bp_started_pid")
bp_start_built_service services/Tickets BrandPlatform.Tickets "$tickets_port" "$work/tickets.log" \
  ConnectionStrings__ticketsdb="$(database ticketsdb)" ConnectionStrings__messaging="$messaging" "${trust[@]}"
pids+=("$bp_started_pid")
bp_start_built_service services/Reporting BrandPlatform.Reporting "$reporting_port" "$work/reporting.log" \
  ConnectionStrings__reportingdb="$(database reportingdb)" ConnectionStrings__messaging="$messaging" "${trust[@]}"
pids+=("$bp_started_pid")
bp_start_built_service gateway BrandPlatform.Gateway "$gateway_port" "$work/gateway.log" ASPNETCORE_ENVIRONMENT=Production \
  RateLimiting__PermitLimit=100000000 "${trust[@]}" \
  ReverseProxy__Clusters__identity__Destinations__d1__Address="http://127.0.0.1:$identity_port" \
  ReverseProxy__Clusters__tickets__Destinations__d1__Address="http://127.0.0.1:$tickets_port" \
  ReverseProxy__Clusters__reporting__Destinations__d1__Address="http://127.0.0.1:$reporting_port"
pids+=("$bp_started_pid")
for port in "$identity_port" "$tickets_port" "$reporting_port" "$gateway_port"; do bp_wait_for_port "$port" 90 "port $port"; done

system=""
for _ in $(seq 1 60); do
  system=$(curl -s "$gateway/identity/connect/token" -d grant_type=client_credentials -d client_id=gov-demo-client \
    -d client_secret=brandplatform-dev-secret -d scope=tickets.write | jq -r '.access_token // empty')
  [ -n "$system" ] && break
  sleep 1
done
[ -n "$system" ] || bp_die "no access token from the identity service (log: $work/identity.log)"
office=$(bp_person_token "$gateway" office 'Dangjian#2026' "openid roles reporting.read" "$work/office.cookies")

ticket='{"title":"基准测试工单","category":"financing","description":"压力测试","enterpriseName":"三明市某某科技有限公司","unifiedSocialCreditCode":"91350100M000100Y43"}'
submit() { # one ticket; the time its answer arrived (the commit is behind it) and the status
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $system" -H 'Content-Type: application/json' \
    --data "$ticket" "$gateway/api/tickets")
  echo "$EPOCHREALTIME $status" >>"$1"
}
total() { curl -s -H "Authorization: Bearer $office" "$gateway/api/reporting/tickets/summary" | jq -r '.total // empty'; }

# Warm-up (JIT, pools, the projection's first message), until reporting counts what was sent.
for _ in $(seq 1 20); do submit "$work/warm-up"; done
for _ in $(seq 1 300); do [ "$(total)" = 20 ] && break; sleep 0.2; done
[ "$(total)" = 20 ] || bp_die "reporting did not count the warm-up tickets (log: $work/reporting.log)"

load=$(cut -d' ' -f1 /proc/loadavg)
# The driver is .NET, not curl per request: a shell cannot keep 200 requests a second on two cores.
read -r events sent_for median p95 slowest read_ms < <(dotnet bench/FiguresLatency/bin/Release/net10.0/FiguresLatency.dll \
  "$gateway" "$system" "$office" "$rate" "$seconds") || bp_die "the load driver failed (logs: $work/*.log)"
result=$(cat <<TXT
figures latency, $(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the start), $events tickets at $rate/s asked, sent in $sent_for s, through the gateway
ticket committed (its 201) → reporting's figures count it: median $median ms, p95 $p95 ms, slowest $slowest ms
ratio p95 / $goal_ms ms goal (below 1 meets it): $(awk -v a="$p95" -v b="$goal_ms" 'BEGIN { printf "%.2f", a / b }')
figures read every $read_ms ms on average (a read's own time included); tickets only: study and discipline events are not driven yet
TXT
)
echo "$result"
echo "$result" > bench/results/figures-latency.txt
