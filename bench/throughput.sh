#!/usr/bin/env bash
# Issue 17's throughput goals in one run, each beside its reference measured in the same run on the same machine:
#   - submitting a ticket (tickets service, Release, no gateway) against pgbench committing a ticket row plus an outbox
#     row, at 8 and 32 callers, with p99;
#   - reading one ticket straight from the service against pgbench's primary-key select of that ticket;
#   - reading it through the gateway (token validation and the per-client rate limit on, the limit set out of reach)
#     against nginx proxy_pass with keepalive in front of the same service.
# PostgreSQL runs durably here (fsync and synchronous commit on, unlike the tests' throwaway servers): the goals
# compare with a real installation's commit cost. Prints one line per figure and keeps them in
# bench/results/throughput.txt.
#   bench/throughput.sh [seconds-per-measurement]
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

seconds=${1:-10}
export LC_NUMERIC=C
bp_require_dotnet
bp_ensure_local_servers
command -v wrk >/dev/null 2>&1 || bp_apt_install wrk
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || bp_apt_install nginx
command -v jq >/dev/null 2>&1 || bp_apt_install jq
nginx=$(command -v nginx || echo /usr/sbin/nginx)
pgbench=$(bp_pg_tool pgbench)
psql=$(bp_pg_tool psql)

work=$(mktemp -d /tmp/brandplatform-bench.XXXXXX); chmod 755 "$work"
epmd_before=""; bp_epmd_running && epmd_before=1
pids=()
pg_port=$(bp_free_port); mq_port=$(bp_free_port); mq_management=$(bp_free_port)
identity_port=$(bp_free_port); tickets_port=$(bp_free_port); gateway_port=$(bp_free_port); nginx_port=$(bp_free_port)
replica_port=$(bp_free_port); pair_port=$(bp_free_port)
gateway="http://127.0.0.1:$gateway_port"; direct="http://127.0.0.1:$tickets_port"; proxied="http://127.0.0.1:$nginx_port"
pair="http://127.0.0.1:$pair_port"
issuer="$gateway/identity/"
bp_stop_bench_on_exit "$work" "$epmd_before"

bp_start_postgres "$work/postgres" "$pg_port" "$work/postgres.log"
bp_start_rabbitmq "$work/rabbitmq" "$mq_port" "$mq_management" "$(bp_free_port)" "$work/rabbitmq.log"
for project in services/Identity/Identity.csproj services/Tickets/Tickets.csproj gateway/Gateway.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly || bp_die "build of $project failed"
done

database() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
messaging="amqp://guest:guest@127.0.0.1:$mq_port/"
trust=(Identity__Authority="$issuer" Identity__RequireHttpsMetadata=false)
bp_start_built_service services/Identity BrandPlatform.Identity "$identity_port" "$work/identity.log" \
  ConnectionStrings__identitydb="$(database identitydb)" ConnectionStrings__messaging="$messaging" "${trust[@]}" \
  Identity__Issuer="$issuer" Identity__RequireHttps=false
pids+=("$bp_started_pid")
# Tickets as deployed (Production: its log levels, no developer pages), so its schema is migrated first, as the
# deployment's Job does; identity stays in Development, which seeds the government client the calls use.
tickets=(ConnectionStrings__ticketsdb="$(database ticketsdb)" ConnectionStrings__messaging="$messaging" "${trust[@]}" ASPNETCORE_ENVIRONMENT=Production)
env "${tickets[@]}" dotnet services/Tickets/bin/Release/net10.0/BrandPlatform.Tickets.dll migrate >"$work/tickets-migrate.log" 2>&1 \
  || bp_die "migrating the tickets database failed (log: $work/tickets-migrate.log)"
bp_start_built_service services/Tickets BrandPlatform.Tickets "$tickets_port" "$work/tickets.log" "${tickets[@]}"
pids+=("$bp_started_pid"); tickets_pid=$bp_started_pid
# A second replica over the same database and broker: what one more process adds on this machine.
bp_start_built_service services/Tickets BrandPlatform.Tickets "$replica_port" "$work/tickets-replica.log" "${tickets[@]}"
pids+=("$bp_started_pid")
bp_start_built_service gateway BrandPlatform.Gateway "$gateway_port" "$work/gateway.log" ASPNETCORE_ENVIRONMENT=Production \
  RateLimiting__PermitLimit=1000000000 "${trust[@]}" \
  ReverseProxy__Clusters__identity__Destinations__d1__Address="http://127.0.0.1:$identity_port" \
  ReverseProxy__Clusters__tickets__Destinations__d1__Address="$direct"
pids+=("$bp_started_pid")

# nginx as a reverse proxy is usually configured: keepalive connections to the upstream, HTTP/1.1, no buffering limits hit.
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream tickets { server 127.0.0.1:$tickets_port; keepalive 64; }
  upstream replicas { server 127.0.0.1:$tickets_port; server 127.0.0.1:$replica_port; keepalive 64; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  server { listen 127.0.0.1:$nginx_port; location / { proxy_pass http://tickets; } }
  server { listen 127.0.0.1:$pair_port; location / { proxy_pass http://replicas; } }
}
NGINX
"$nginx" -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx.log" 2>&1 &
pids+=($!)

for port in "$tickets_port" "$replica_port" "$identity_port"; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || bp_die "the service on port $port is not ready (logs: $work/*.log)"
done
bp_wait_for_port "$gateway_port" 90 gateway
bp_wait_for_port "$nginx_port" 30 nginx

token=""
for _ in $(seq 1 60); do
  token=$(curl -s "$gateway/identity/connect/token" -d grant_type=client_credentials -d client_id=gov-demo-client \
    -d client_secret=brandplatform-dev-secret -d scope="tickets.read tickets.write" | jq -r '.access_token // empty')
  [ -n "$token" ] && break
  sleep 1
done
[ -n "$token" ] || bp_die "no access token from the identity service (log: $work/identity.log)"

ticket='{"title":"基准测试工单","category":"financing","description":"压力测试","enterpriseName":"三明市某某科技有限公司","unifiedSocialCreditCode":"91350100M000100Y43"}'
cat >"$work/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = '$ticket'
wrk.headers["Content-Type"] = "application/json"
LUA
# wrk: "Requests/sec: N" and, with --latency, " 99%  12.34ms"; any non-2xx answer makes the figure meaningless.
measure() { # connections url [wrk options...]: prints "requests-per-second p99-ms"
  local connections=$1 url=$2
  shift 2
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency -H "Authorization: Bearer $token" "$@" "$url" >"$work/wrk.out" 2>&1 \
    || { cat "$work/wrk.out" >&2; bp_die "wrk failed on $url"; }
  if grep -qE 'Non-2xx|Socket errors' "$work/wrk.out"; then
    cat "$work/wrk.out" >&2; tail -n 20 "$work/tickets.log" "$work/gateway.log" >&2; bp_die "requests failed: $url"
  fi
  awk '/Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
                     p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v }
       END { printf "%.0f %.1f\n", rps, p99 }' "$work/wrk.out"
}
# pgbench: "tps = N (without initial connection time)"
pg_rate() { # clients script-file database
  "$pgbench" -n -M prepared -h 127.0.0.1 -p "$pg_port" -U postgres -c "$1" -j 2 -T "$seconds" -f "$2" "$3" 2>&1 \
    | awk '/^tps = / { printf "%.0f\n", $3 }'
}

# Warm-up (JIT, pools, the broker's topology; slow answers expected), then one ticket to read.
for url in "$direct" "$gateway" "http://127.0.0.1:$replica_port"; do
  wrk -t 2 -c 8 -d 5s -H "Authorization: Bearer $token" -s "$work/submit.lua" "$url/api/tickets" >/dev/null 2>&1
done
id=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$ticket" "$direct/api/tickets" | jq -r .id)
[ -n "$id" ] && [ "$id" != null ] || bp_die "no ticket to read"

# The reference writes: a ticket-sized row and an outbox-sized row in one transaction, as the service commits them.
"$psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE pgbench" >/dev/null
"$psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d pgbench -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE TABLE tickets (id uuid PRIMARY KEY, number text NOT NULL UNIQUE, title text NOT NULL, description text NOT NULL,
  requester_id uuid NOT NULL, state text NOT NULL, submitted_at timestamptz NOT NULL, due_at timestamptz NOT NULL, version integer NOT NULL);
CREATE INDEX ON tickets (state, submitted_at);
CREATE TABLE outbox_messages (id uuid PRIMARY KEY, event_name text NOT NULL, payload jsonb NOT NULL, occurred_at timestamptz NOT NULL,
  sent_at timestamptz);
CREATE INDEX ON outbox_messages (occurred_at) WHERE sent_at IS NULL;
CREATE SEQUENCE ticket_number;
SQL
cat >"$work/ticket-outbox.sql" <<'SQL'
BEGIN;
INSERT INTO tickets VALUES (gen_random_uuid(), 'QY-2026-' || nextval('ticket_number'), '基准测试工单', '压力测试', gen_random_uuid(), 'submitted', now(), now() + interval '5 days', 1);
INSERT INTO outbox_messages VALUES (gen_random_uuid(), 'tickets.ticket-submitted.v1', '{"title":"基准测试工单","category":"financing","description":"压力测试","requester":"三明市某某科技有限公司","version":1}', now(), NULL);
COMMIT;
SQL
echo "SELECT * FROM tickets WHERE id = '$id';" >"$work/read.sql"

results=()
line() { results+=("$*"); echo "$*"; }
# Where the cores go: clock ticks of processes (user + system, /proc/PID/stat fields 14 and 15) and of the machine.
ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; } # busy idle
postgres_pids() { local postmaster; postmaster=$(head -n 1 "$work/postgres/postmaster.pid"); echo "$postmaster" $(pgrep -P "$postmaster"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for callers in 8 32; do
  reference=$(pg_rate "$callers" "$work/ticket-outbox.sql" pgbench)
  service_before=$(ticks "$tickets_pid"); postgres_before=$(ticks $(postgres_pids)); read -r busy_before idle_before <<<"$(machine_ticks)"
  read -r rate p99 <<<"$(measure "$callers" "$direct/api/tickets" -s "$work/submit.lua")"
  service_after=$(ticks "$tickets_pid"); postgres_after=$(ticks $(postgres_pids)); read -r busy_after idle_after <<<"$(machine_ticks)"
  line "submit ticket, $callers callers: $rate/s, p99 $p99 ms | pgbench ticket+outbox $reference/s | ratio $(ratio "$rate" "$reference") (goal ≥ 0.30; p99 goal < 100 ms at 32)"
done
# Of the last run (32 callers): what ran out first on this machine.
awk -v s=$(( service_after - service_before )) -v p=$(( postgres_after - postgres_before )) \
    -v b=$(( busy_after - busy_before )) -v i=$(( idle_after - idle_before )) -v cores="$(nproc)" 'BEGIN {
  all = b + i
  printf "cores while submitting at 32 callers (%d cores = %d%%): tickets service %.0f%%, PostgreSQL %.0f%%, the rest (wrk, RabbitMQ, identity, kernel) %.0f%%, idle %.0f%%\n",
    cores, cores * 100, s / all * cores * 100, p / all * cores * 100, (b - s - p) / all * cores * 100, i / all * cores * 100 }' > "$work/cores.txt"
line "$(cat "$work/cores.txt")"

reference=$(pg_rate 32 "$work/read.sql" ticketsdb)
read -r rate p99 <<<"$(measure 32 "$direct/api/tickets/$id")"
line "read ticket, direct, 32 callers: $rate/s, p99 $p99 ms | pgbench primary-key select $reference/s | ratio $(ratio "$rate" "$reference") (goal ≥ 0.30)"

# The proxies one after the other, twice, in alternating order: the machine's drift shows rather than favouring one.
declare -A proxy_rate proxy_p99
for order in "nginx gateway" "gateway nginx"; do
  for proxy in $order; do
    url=$([ "$proxy" = nginx ] && echo "$proxied" || echo "$gateway")
    read -r rate p99 <<<"$(measure 32 "$url/api/tickets/$id")"
    proxy_rate[$proxy]=$(( ${proxy_rate[$proxy]:-0} + rate ))
    proxy_p99[$proxy]=$(awk -v a="${proxy_p99[$proxy]:-0}" -v b="$p99" 'BEGIN { print (a > b ? a : b) }')
  done
done
gateway_rate=$(( proxy_rate[gateway] / 2 )); nginx_rate=$(( proxy_rate[nginx] / 2 ))
line "read ticket through the gateway, 32 callers: $gateway_rate/s, p99 ${proxy_p99[gateway]} ms | nginx proxy_pass $nginx_rate/s, p99 ${proxy_p99[nginx]} ms | ratio $(ratio "$gateway_rate" "$nginx_rate") (goal ≥ 0.95, p99 no worse than nginx's)"

# One tickets process against two over the same database, both behind nginx (the proxy's cost is in both figures).
read -r one one_p99 <<<"$(measure 32 "$proxied/api/tickets" -s "$work/submit.lua")"
read -r two two_p99 <<<"$(measure 32 "$pair/api/tickets" -s "$work/submit.lua")"
line "submit ticket through nginx, 32 callers, one tickets process: $one/s, p99 $one_p99 ms | two: $two/s, p99 $two_p99 ms | ratio $(ratio "$two" "$one") (what the second replica adds on $(nproc) cores)"

{
  echo "throughput, $(date -u +%Y-%m-%d), $(nproc) cores (load average $(cut -d' ' -f1 /proc/loadavg) at the end), ${seconds} s per figure, everything on one machine"
  printf '%s\n' "${results[@]}"
} > bench/results/throughput.txt

# BENCH_PROFILE=1: after the figures (sampling slows what it watches), where a read's time goes: dotnet-trace samples
# the tickets service's stacks during a direct read run and the gateway's during a read through it; the methods most
# often on the stack (inclusive) and at its top (exclusive) go to bench/results/profile-read-<process>.txt.
if [ -n "${BENCH_PROFILE:-}" ]; then
  export PATH="$PATH:$HOME/.dotnet/tools"
  command -v dotnet-trace >/dev/null 2>&1 || dotnet tool install -g dotnet-trace >/dev/null || bp_die "dotnet-trace could not be installed"
  gateway_pid=${pids[3]}
  for target in "tickets $tickets_pid $direct" "gateway $gateway_pid $gateway"; do
    read -r name pid url <<<"$target"
    dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "$seconds")" \
      -o "$work/$name.nettrace" >"$work/trace-$name.log" 2>&1 &
    tracing=$!
    sleep 1
    measure 32 "$url/api/tickets/$id" >/dev/null
    wait "$tracing" || { cat "$work/trace-$name.log" >&2; bp_die "dotnet-trace failed on $name"; }
    {
      echo "where a ticket read's time goes in the $name process, $(date -u +%Y-%m-%d), $(nproc) cores, 32 callers for ${seconds} s (sampled stacks)"
      echo "--- inclusive (on the stack) ---"
      dotnet-trace report "$work/$name.nettrace" topN -n 40 --inclusive 2>&1
      echo "--- exclusive (at the top of the stack) ---"
      dotnet-trace report "$work/$name.nettrace" topN -n 40 2>&1
    } > "bench/results/profile-read-$name.txt"
    echo "profile of the $name process: bench/results/profile-read-$name.txt"
  done
fi
