#!/usr/bin/env bash
# Commit → figure visible, across services: tickets submitted by a government system (tickets service) and party lessons
# held by a branch secretary (study service) share a steady rate through the gateway (each answer comes after the
# change and its outbox row committed) while reporting's figures for each are read back to back, all by a .NET driver
# (bench/FiguresLatency); the k-th change of a stream is visible when its figure counts k more than before. Own
# throwaway PostgreSQL and RabbitMQ, identity, tickets, study, reporting and gateway (rate limit lifted), so nothing
# else shares the measure. Results are ratios to the goal.
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
identity_port=$(bp_free_port); tickets_port=$(bp_free_port); study_port=$(bp_free_port); reporting_port=$(bp_free_port)
gateway_port=$(bp_free_port)
gateway="http://127.0.0.1:$gateway_port"
issuer="$gateway/identity/"
bp_stop_bench_on_exit "$work" "$epmd_before"

bp_start_throwaway_servers "$work" "$pg_port" "$mq_port" "$mq_management"
for project in services/Identity/Identity.csproj services/Tickets/Tickets.csproj services/Study/Study.csproj services/Reporting/Reporting.csproj gateway/Gateway.csproj bench/FiguresLatency/FiguresLatency.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly || bp_die "build of $project failed"
done

database() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
messaging="amqp://guest:guest@127.0.0.1:$mq_port/"
trust=(Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false)
bp_start_built_service services/Tickets BrandPlatform.Tickets "$tickets_port" "$work/tickets.log" \
  ConnectionStrings__ticketsdb="$(database ticketsdb)" ConnectionStrings__messaging="$messaging" "${trust[@]}"
pids+=("$bp_started_pid")
bp_start_built_service services/Study BrandPlatform.Study "$study_port" "$work/study.log" \
  ConnectionStrings__studydb="$(database studydb)" ConnectionStrings__messaging="$messaging" "${trust[@]}"
pids+=("$bp_started_pid")
bp_start_built_service services/Reporting BrandPlatform.Reporting "$reporting_port" "$work/reporting.log" \
  ConnectionStrings__reportingdb="$(database reportingdb)" ConnectionStrings__messaging="$messaging" "${trust[@]}"
pids+=("$bp_started_pid")
# The directory announces its units and people once, as it first starts: its subscribers' queues must exist by then.
for port in "$tickets_port" "$study_port" "$reporting_port"; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || bp_die "the service on port $port is not ready (logs: $work/*.log)"
done
bp_start_built_service services/Identity BrandPlatform.Identity "$identity_port" "$work/identity.log" \
  ConnectionStrings__identitydb="$(database identitydb)" ConnectionStrings__messaging="$messaging" "${trust[@]}" \
  Identity__Issuer="$issuer" Identity__RequireHttps=false Identity__Portal__RedirectUris__0="$gateway/portal/signin-callback"
pids+=("$bp_started_pid")
bp_start_built_service gateway BrandPlatform.Gateway "$gateway_port" "$work/gateway.log" ASPNETCORE_ENVIRONMENT=Production \
  RateLimiting__PermitLimit=100000000 "${trust[@]}" \
  ReverseProxy__Clusters__identity__Destinations__d1__Address="http://127.0.0.1:$identity_port" \
  ReverseProxy__Clusters__tickets__Destinations__d1__Address="http://127.0.0.1:$tickets_port" \
  ReverseProxy__Clusters__study__Destinations__d1__Address="http://127.0.0.1:$study_port" \
  ReverseProxy__Clusters__reporting__Destinations__d1__Address="http://127.0.0.1:$reporting_port"
pids+=("$bp_started_pid")
for port in "$identity_port" "$gateway_port"; do bp_wait_for_port "$port" 90 "port $port"; done

system=""
for _ in $(seq 1 60); do
  system=$(curl -s "$gateway/identity/connect/token" -d grant_type=client_credentials -d client_id=gov-demo-client \
    -d client_secret=brandplatform-dev-secret -d scope=tickets.write | jq -r '.access_token // empty')
  [ -n "$system" ] && break
  sleep 1
done
[ -n "$system" ] || bp_die "no access token from the identity service (log: $work/identity.log)"
office=$(bp_person_token "$gateway" office 'Dangjian#2026' "openid roles reporting.read" "$work/office.cookies")
secretary=$(bp_person_token "$gateway" secretary 'Dangjian#2026' "openid roles study.read study.write" "$work/secretary.cookies")

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
lines=$(dotnet bench/FiguresLatency/bin/Release/net10.0/FiguresLatency.dll "$gateway" "$system" "$office" "$secretary" "$rate" "$seconds") \
  || bp_die "the load driver failed (logs: $work/*.log)"
read -r events sent_for median p95 slowest read_ms <<<"$(sed -n 1p <<<"$lines")"
stream_line() { # stream label
  local name events sent median p95 slowest read
  read -r name events sent median p95 slowest read <<<"$(grep "^$1 " <<<"$lines")"
  echo "  $2: $events, median $median ms, p95 $p95 ms, slowest $slowest ms (figure read every $read ms)"
}
result=$(cat <<TXT
figures latency, $(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the start), $events changes at $rate/s asked (half tickets, half party lessons), sent in $sent_for s, through the gateway
change committed (its answer) → reporting's figures count it: median $median ms, p95 $p95 ms, slowest $slowest ms
$(stream_line tickets "tickets submitted (tickets service → ticket total)")
$(stream_line study "party lessons held (study service → lessons held in the period)")
ratio p95 / $goal_ms ms goal (below 1 meets it): $(awk -v a="$p95" -v b="$goal_ms" 'BEGIN { printf "%.2f", a / b }')
TXT
)
echo "$result"
echo "$result" > bench/results/figures-latency.txt
