#!/usr/bin/env bash
# Commit → figure visible: tickets are submitted through the gateway at a steady rate (each answer comes after the
# ticket and its outbox row committed), and reporting's figures are read through the gateway every 10 ms; the k-th
# ticket is visible when the total counts k more than before. Own throwaway PostgreSQL and RabbitMQ, identity, tickets,
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
for project in services/Identity/Identity.csproj services/Tickets/Tickets.csproj services/Reporting/Reporting.csproj gateway/Gateway.csproj; do
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

events=$((rate * seconds))
load=$(cut -d' ' -f1 /proc/loadavg)
( while :; do echo "$EPOCHREALTIME $(total)"; sleep 0.01; done ) >"$work/reads" &
poller=$!; pids+=("$poller")
started=$EPOCHREALTIME
for i in $(seq 0 $((events - 1))); do
  due=$(awk -v s="$started" -v i="$i" -v r="$rate" -v now="$EPOCHREALTIME" 'BEGIN { d = s + i / r - now; print (d > 0 ? d : 0) }')
  [ "$due" = 0 ] || sleep "$due"
  submit "$work/commits" &
done
wait_until=$(( $(date +%s) + 60 ))
until [ "$(awk 'END { print $2 }' "$work/reads")" = $((20 + events)) ] || [ "$(date +%s)" -gt "$wait_until" ]; do sleep 0.2; done
sent_for=$(awk -v s="$started" -v e="$(sort -n "$work/commits" | tail -1 | cut -d' ' -f1)" 'BEGIN { printf "%.2f", e - s }')
kill "$poller"
failed=$(awk '$2 != 201' "$work/commits" | wc -l)
[ "$failed" -eq 0 ] || bp_die "$failed submissions were not accepted (log: $work/tickets.log)"

# The k-th committed ticket is visible at the first read whose total counts k of them; nearest-rank percentiles.
mapfile -t latencies < <(awk -v base=20 '
  NR == FNR { commit[++n] = $1; next }
  $2 != "" { while (k < n && $2 - base > k) { k++; if (!(k in seen)) { seen[k] = $1 } } }
  END { for (i = 1; i <= n; i++) if (i in seen) { d = (seen[i] - commit[i]) * 1000; printf "%.1f\n", (d > 0 ? d : 0) } }
' <(sort -n "$work/commits") "$work/reads")
[ "${#latencies[@]}" -eq "$events" ] || bp_die "reporting counted ${#latencies[@]} of $events tickets within 60 s"
read -r median p95 slowest < <(bp_percentiles "${latencies[@]}")
read_ms=$(awk 'NR > 1 { d += $1 - p; n++ } { p = $1 } END { printf "%.1f", d / n * 1000 }' "$work/reads")
result=$(cat <<TXT
figures latency, $(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the start), $events tickets at $rate/s asked, sent in $sent_for s, through the gateway
ticket committed (its 201) → reporting's figures count it: median $median ms, p95 $p95 ms, slowest $slowest ms
ratio p95 / $goal_ms ms goal (below 1 meets it): $(awk -v a="$p95" -v b="$goal_ms" 'BEGIN { printf "%.2f", a / b }')
figures read every $read_ms ms on average (a read's own time included); tickets only: study and discipline events are not driven yet
TXT
)
echo "$result"
echo "$result" > bench/results/figures-latency.txt
