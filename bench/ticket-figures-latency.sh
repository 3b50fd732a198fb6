#!/usr/bin/env bash
# How soon reporting's ticket figures count a ticket once its requester confirms it (goal: within 2 s). Against a
# system started by ./run.sh, through its gateway and with people's own tokens (the portal's sign-in, code + PKCE):
# each ticket walks the closed loop of the acceptance scenario (the enterprise submits, the office accepts and assigns
# to 招商服务专班 with 征迁服务专班 co-handling, the handler pauses for material, resumes, starts, replies, the office
# records the co-handling unit's feedback, the handler resolves, the
# enterprise confirms satisfied), then the figures are read until they count it. Results are ratios to the goal.
#   bench/ticket-figures-latency.sh [tickets] [gateway-url]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

tickets=${1:-20}
gateway=${2:-http://localhost:${BRANDPLATFORM_GATEWAY_PORT:-8080}}
goal=2
export LC_NUMERIC=C   # $EPOCHREALTIME and awk with a decimal point
password=Dangjian#2026
command -v jq >/dev/null 2>&1 || bp_apt_install jq
command -v openssl >/dev/null 2>&1 || bp_apt_install openssl
[ "$(curl -s -o /dev/null -w '%{http_code}' "$gateway/health")" = 200 ] \
  || bp_die "no healthy gateway at $gateway: start ./run.sh first (Development, for the demo accounts)"

work=$(mktemp -d /tmp/brandplatform-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

scopes="openid profile roles tickets.read tickets.write tickets.handle reporting.read directory.read"
person_token() { bp_person_token "$gateway" "$1" "$password" "$scopes" "$work/$1.cookies"; }

enterprise=$(person_token enterprise); office=$(person_token office); handler=$(person_token handler)
leader=$(person_token leader)

api() { # token method path [json]: the answer's body; any answer but 2xx ends the run
  local status
  status=$(curl -s -o "$work/answer" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${etag:+-H "If-Match: \"$etag\""} ${4:+--data "$4"} "$gateway$3")
  case "$status" in 2*) cat "$work/answer";; *) bp_die "$2 $3 answered $status: $(cat "$work/answer")";; esac
}
step() { # token step json: one step of the closed loop, with the ETag of the answer before it
  etag=$(api "$1" POST "/api/tickets/$id/$2" "$3" | jq -r .version)
}

units=$(etag="" api "$office" GET "/api/directory/units?kind=taskForce")
lead=$(jq -r '.items[] | select(.name == "招商服务专班") | .id' <<<"$units")
co=$(jq -r '.items[] | select(.name == "征迁服务专班") | .id' <<<"$units")
# The figures of financing tickets led by that task force around today (China dates): a ticket is counted when volume,
# accepted, resolved and confirmed have each grown by one since before it was submitted.
day() { TZ=Asia/Shanghai date -d "$1" +%F; }
figures="/api/reporting/tickets/figures?from=$(day yesterday)&to=$(day tomorrow)&category=financing&unitId=$lead"
counts() { jq -r '.total | "\(.volume) \(.accepted) \(.resolved) \(.confirmed)"'; }
# People read them: a government system's figures count only the tickets it filed, and the enterprise files these.
readers=("$office" "$leader")

latencies=(); reads=()
load=$(cut -d' ' -f1 /proc/loadavg)
for i in $(seq 0 "$tickets"); do   # ticket 0 warms up (JIT, connection pools) and is not counted
  etag=""
  read_started=$EPOCHREALTIME
  baseline=$(api "$office" GET "$figures" | counts)
  reads+=("$(awk -v a="$read_started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')")
  read -r volume accepted resolved confirmed <<<"$baseline"
  expected="$((volume + 1)) $((accepted + 1)) $((resolved + 1)) $((confirmed + 1))"
  answer=$(api "$enterprise" POST /api/tickets '{"title":"基准测试：流动资金贷款","category":"financing",
    "description":"扩大生产需要流动资金。","enterpriseName":"示范科技有限公司","unifiedSocialCreditCode":"91320100MA1X0ABC1F"}')
  id=$(jq -r .id <<<"$answer"); etag=$(jq -r .version <<<"$answer")
  step "$office" accept '{}'
  step "$office" assign "{\"leadUnitId\":\"$lead\",\"coHandlingUnitIds\":[\"$co\"]}"
  step "$handler" pause '{"reason":"请补充财务报表"}'
  step "$handler" resume '{}'
  step "$handler" start '{}'
  step "$handler" respond '{"note":"已对接银行"}'
  step "$office" co-handling-feedback "{\"unitId\":\"$co\",\"note\":\"无征迁问题\"}"
  step "$handler" resolve '{"note":"贷款已发放"}'
  api "$enterprise" POST "/api/tickets/$id/confirm" '{"satisfaction":"satisfied"}' >/dev/null
  confirmed_at=$EPOCHREALTIME
  etag=""; polls=0
  while :; do
    # Two readers in turn keep the polling under the gateway's per-client rate limit.
    now=$(api "${readers[polls % 2]}" GET "$figures" | counts)
    polls=$((polls + 1))
    [ "$now" != "$expected" ] || break
    [ "$polls" -lt 2000 ] || bp_die "reporting did not count ticket $id: $now, not $expected"
    sleep 0.02
  done
  counted_at=$EPOCHREALTIME
  latency=$(awk -v a="$confirmed_at" -v b="$counted_at" 'BEGIN { printf "%.3f", b - a }')
  if [ "$i" -eq 0 ]; then cold=$latency; else latencies+=("$latency"); fi
  bp_log "ticket $i: counted $latency s after the confirmation ($polls polls)"
done

read -r median p95 slowest < <(bp_percentiles "${latencies[@]}")
read -r read_median _ _ < <(bp_percentiles "${reads[@]}")
ratio() { awk -v a="$1" -v b="$goal" 'BEGIN { printf "%.2f", a / b }'; }
result=$(cat <<TXT
ticket figures latency, $(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the start), $tickets tickets through the gateway of ./run.sh
confirm answer → reporting's figures count the ticket: median $median s, p95 $p95 s, slowest $slowest s
ratio to the 2 s goal (below 1 meets it): median $(ratio "$median"), p95 $(ratio "$p95")
measured when the answer that shows it arrives: a read of the figures alone takes $read_median s (median), polls are 20 ms apart
first ticket, not counted (after a fresh start it carries JIT and each consumer's first message): $cold s
TXT
)
echo "$result"
echo "$result" > bench/results/ticket-figures-latency.txt
