#!/usr/bin/env bash
# What the gateway costs: the same requests straight to the tickets service and through the YARP gateway, on the
# same throwaway PostgreSQL and RabbitMQ. Results are ratios (gateway / direct), so they compare across machines.
#   bench/gateway-overhead.sh [requests] [concurrency]
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

requests=${1:-2000}
concurrency=${2:-8}
bp_require_dotnet
bp_ensure_local_servers
command -v ab >/dev/null 2>&1 || bp_apt_install apache2-utils

work=$(mktemp -d /tmp/brandplatform-bench.XXXXXX); chmod 755 "$work"
epmd_before=""; bp_epmd_running && epmd_before=1
pids=()
pg_port=$(bp_free_port); mq_port=$(bp_free_port); mq_management=$(bp_free_port)
tickets_port=$(bp_free_port); gateway_port=$(bp_free_port); identity_port=$(bp_free_port)
issuer="http://127.0.0.1:$gateway_port/identity/"
bp_stop_bench_on_exit "$work" "$epmd_before"

bp_start_throwaway_servers "$work" "$pg_port" "$mq_port" "$mq_management"
dotnet build services/Tickets/Tickets.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build gateway/Gateway.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build services/Identity/Identity.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

# The identity service issues the token every call carries; it and the tickets service trust the gateway's issuer URL.
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
ConnectionStrings__identitydb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=identitydb" \
ConnectionStrings__messaging="amqp://guest:guest@127.0.0.1:$mq_port/" \
Identity__Issuer="$issuer" Identity__RequireHttps=false Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false \
  dotnet services/Identity/bin/Release/net10.0/BrandPlatform.Identity.dll --contentRoot "$PWD/services/Identity/bin/Release/net10.0" \
  --urls "http://127.0.0.1:$identity_port" >"$work/identity.log" 2>&1 &
pids+=($!)

ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
ConnectionStrings__ticketsdb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ticketsdb" \
ConnectionStrings__messaging="amqp://guest:guest@127.0.0.1:$mq_port/" \
Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false \
  dotnet services/Tickets/bin/Release/net10.0/BrandPlatform.Tickets.dll --contentRoot "$PWD/services/Tickets/bin/Release/net10.0" \
  --urls "http://127.0.0.1:$tickets_port" \
  >"$work/tickets.log" 2>&1 &
pids+=($!)
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning RateLimiting__PermitLimit=100000000 \
Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false \
ReverseProxy__Clusters__tickets__Destinations__d1__Address="http://127.0.0.1:$tickets_port" \
ReverseProxy__Clusters__identity__Destinations__d1__Address="http://127.0.0.1:$identity_port" \
  dotnet gateway/bin/Release/net10.0/BrandPlatform.Gateway.dll --contentRoot "$PWD/gateway/bin/Release/net10.0" \
  --urls "http://127.0.0.1:$gateway_port" \
  >"$work/gateway.log" 2>&1 &
pids+=($!)
direct="http://127.0.0.1:$tickets_port"; gateway="http://127.0.0.1:$gateway_port"
bp_wait_for_port "$tickets_port" 60 "tickets"
bp_wait_for_port "$gateway_port" 60 "gateway"
bp_wait_for_port "$identity_port" 60 "identity"
token=""
for _ in $(seq 1 30); do
  answer=$(curl -s "$gateway/identity/connect/token" -d grant_type=client_credentials -d client_id=gov-demo-client \
    -d client_secret=brandplatform-dev-secret -d scope=tickets.write)
  token=$(echo "$answer" | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')
  [ -n "$token" ] && break
  sleep 1
done
[ -n "$token" ] || bp_die "no access token from the identity service: $answer"

cat > "$work/ticket.json" <<'JSON'
{"title":"基准测试工单","category":"financing","description":"压力测试","enterpriseName":"三明市某某科技有限公司","unifiedSocialCreditCode":"91350100M000100Y43"}
JSON

# ab prints "Requests per second:    1234.56 [#/sec] (mean)"; a run with errors or non-2xx answers measures nothing.
# (ab also counts answers of another length as failed; ticket bodies vary in length, so those are ignored.)
rps() {
  ab -q -k -n "$requests" -c "$concurrency" -H "Authorization: Bearer $token" "$@" >"$work/ab.out" 2>&1
  if grep -qE '^Non-2xx responses|\((Connect|Receive): [1-9]|Exceptions: [1-9]' "$work/ab.out"; then
    cat "$work/ab.out" >&2; tail -20 "$work/gateway.log" >&2; bp_die "requests failed: $*"
  fi
  awk '/^Requests per second/ { print $4 }' "$work/ab.out"
}
submit() { rps -p "$work/ticket.json" -T application/json "$1/api/tickets/"; }

submit "$direct" >/dev/null; submit "$gateway" >/dev/null   # warm-up: JIT, pools, topology
id=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @"$work/ticket.json" \
  "$direct/api/tickets/" | sed 's/.*"id":"\([^"]*\)".*/\1/')

post_direct=$(submit "$direct"); post_gateway=$(submit "$gateway")
get_direct=$(rps "$direct/api/tickets/$id"); get_gateway=$(rps "$gateway/api/tickets/$id")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
result=$(cat <<TXT
gateway overhead, $(date -u +%Y-%m-%d), $(nproc) cores, $requests requests, concurrency $concurrency
submit ticket (POST, writes ticket + outbox row): direct $post_direct req/s, gateway $post_gateway req/s, ratio gateway/direct $(ratio "$post_gateway" "$post_direct")
read ticket (GET): direct $get_direct req/s, gateway $get_gateway req/s, ratio gateway/direct $(ratio "$get_gateway" "$get_direct")
TXT
)
echo "$result"
echo "$result" > bench/results/gateway-overhead.txt
