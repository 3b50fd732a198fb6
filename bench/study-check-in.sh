#!/usr/bin/env bash
# Check-in at scale: a lecture for the whole organ, and its members check in with the session's code within a minute.
# Against a system started by ./run.sh (Development, for the demo accounts), through its gateway and with people's own
# tokens: as admin a branch 压测支部 and its people are registered in the directory (kept for later runs), each signs
# in through the portal's flow, the office schedules a whole-organ training starting now and reads its code, then all
# of them check in at once. Prints the check-in p50/p95 and those of a bare GET of the same service (the office's
# branch list) at the same concurrency; the goal is p95 < 200 ms on this machine, and the ratio to the GET says how
# much of it is the check-in's own work.
#   bench/study-check-in.sh [people] [concurrency] [gateway-url]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

people=${1:-300}
concurrency=${2:-50}
gateway=${3:-http://localhost:${BRANDPLATFORM_GATEWAY_PORT:-8080}}
goal_ms=200
branch_name=压测支部
password=Dangjian#2026
# The gateway admits 600 requests a minute from one address before signing in; a sign-in takes five.
sign_ins_per_minute=100
export LC_NUMERIC=C   # $EPOCHREALTIME and awk with a decimal point
command -v jq >/dev/null 2>&1 || bp_apt_install jq
command -v openssl >/dev/null 2>&1 || bp_apt_install openssl
[ "$(curl -s -o /dev/null -w '%{http_code}' "$gateway/health")" = 200 ] \
  || bp_die "no healthy gateway at $gateway: start ./run.sh first (Development, for the demo accounts)"

work=$(mktemp -d /tmp/brandplatform-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

token_of() { # user-name scopes
  bp_person_token "$gateway" "$1" "$password" "$2" "$work/$1.cookies"
}
api() { # token method path [json]: the answer's body; any answer but 2xx ends the run
  local status
  status=$(curl -s -o "$work/answer" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${4:+--data "$4"} "$gateway$3")
  case "$status" in 2*) cat "$work/answer";; *) bp_die "$2 $3 answered $status: $(cat "$work/answer")";; esac
}
items() { # token path: every item of a paged list, one JSON object a line
  local next=$2 page
  while [ -n "$next" ]; do
    page=$(api "$1" GET "$next")
    jq -c '.items[]' <<<"$page"
    next=$(jq -r '.next // empty' <<<"$page")
  done
}

admin=$(token_of admin "openid profile roles directory.read directory.manage")
committee=$(items "$admin" "/api/directory/units?kind=organCommittee" | jq -r .id | head -1)
[ -n "$committee" ] || bp_die "the directory has no organ committee"
branch=$(items "$admin" "/api/directory/units?kind=branch&limit=200" | jq -r --arg name "$branch_name" 'select(.name == $name) | .id' | head -1)
if [ -z "$branch" ]; then
  branch=$(api "$admin" POST /api/directory/units "{\"name\":\"$branch_name\",\"kind\":\"branch\",\"parentId\":\"$committee\"}" | jq -r .id)
  bp_log "registered $branch_name ($branch)"
fi

users=()
for i in $(seq 1 "$people"); do
  user=$(printf 'yace%03d' "$i"); users+=("$user")
  status=$(curl -s -o "$work/answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    --data "{\"userName\":\"$user\",\"displayName\":\"压测党员$i\",\"password\":\"$password\",\"roles\":[\"Member\"],\"branchId\":\"$branch\"}" \
    "$gateway/api/directory/people")
  # 400 naming the user name: registered by an earlier run, in the same branch.
  [ "$status" = 201 ] || { [ "$status" = 400 ] && jq -e '.errors.userName' "$work/answer" >/dev/null; } \
    || bp_die "registering $user answered $status: $(cat "$work/answer")"
done
bp_log "$people people in $branch_name"

study_scopes="openid profile roles study.read study.write"
office=$(token_of office "$study_scopes")
started=$EPOCHREALTIME
for i in "${!users[@]}"; do
  token_of "${users[$i]}" "$study_scopes" >"$work/token.$i"
  # Paced under the gateway's per-address limit: sign-in number i starts no sooner than i × (60 / rate) s.
  wait_for=$(awk -v s="$started" -v now="$EPOCHREALTIME" -v i="$((i + 1))" -v r="$sign_ins_per_minute" \
    'BEGIN { w = s + i * 60 / r - now; printf "%.3f", (w > 0 ? w : 0) }')
  sleep "$wait_for"
done
bp_log "$people people signed in"

# Whole-organ attendance is expected from study's rosters, which follow the directory's events: wait for them.
for _ in $(seq 1 120); do
  members=$(items "$office" "/api/study/branches?limit=200" | jq -r --arg id "$branch" 'select(.id == $id) | .currentMembers')
  [ "${members:-0}" -lt "$people" ] || break
  sleep 1
done
[ "${members:-0}" -ge "$people" ] || bp_die "study knows ${members:-0} of the $people members of $branch_name"

planned_start=$(date -u +%FT%TZ); planned_end=$(date -u -d '+1 hour' +%FT%TZ)
activity=$(api "$office" POST /api/study/activities "{\"kind\":\"training\",\"organiserUnitId\":\"$committee\",
  \"topic\":\"全机关专题讲座（压测）\",\"materials\":[],\"plannedStart\":\"$planned_start\",\"plannedEnd\":\"$planned_end\",
  \"place\":\"机关报告厅\",\"audience\":{\"kind\":\"wholeOrgan\"},\"speakers\":[]}" | jq -r .id)
code=$(api "$office" GET "/api/study/activities/$activity/check-in-code" | jq -r .code)
bp_log "lecture $activity, check-in code $code"

# One request a line: "status seconds". Each person's token is read from its file by the worker, not passed in argv.
export gateway activity code work
check_in() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H "Authorization: Bearer $(cat "$work/token.$1")" \
    -H 'Content-Type: application/json' --data "{\"code\":\"$code\"}" "$gateway/api/study/activities/$activity/check-in"
}
bare_get() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $office" "$gateway/api/study/branches"
}
export -f check_in bare_get
export office
for _ in 1 2 3 4 5; do bare_get >/dev/null; done   # warm-up: JIT, pools, the office's first token validation

load=$(cut -d' ' -f1 /proc/loadavg)
batch_started=$EPOCHREALTIME
# shellcheck disable=SC2016 # $1 is the worker's own argument, expanded by the bash that xargs starts
seq 0 $((people - 1)) | xargs -P "$concurrency" -I{} bash -c 'check_in "$1"' _ {} >"$work/check-ins"
batch_seconds=$(awk -v a="$batch_started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
seq 1 "$people" | xargs -P "$concurrency" -I{} bash -c bare_get >"$work/gets"

for results in check-ins gets; do
  failed=$(awk '$1 != 200' "$work/$results" | wc -l)
  [ "$failed" -eq 0 ] || bp_die "$failed of the $results did not answer 200: $(awk '$1 != 200 { print $1 }' "$work/$results" | sort | uniq -c | tr '\n' ' ')"
done
milliseconds() { awk '{ printf "%.1f\n", $2 * 1000 }' "$work/$1"; }
mapfile -t check_in_ms < <(milliseconds check-ins)
mapfile -t get_ms < <(milliseconds gets)
read -r check_in_p50 check_in_p95 check_in_max < <(bp_percentiles "${check_in_ms[@]}")
read -r get_p50 get_p95 _ < <(bp_percentiles "${get_ms[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
result=$(cat <<TXT
study check-in at scale, $(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the start), $people people, concurrency $concurrency, through the gateway of ./run.sh
check-in (POST .../check-in with the code): p50 $check_in_p50 ms, p95 $check_in_p95 ms, slowest $check_in_max ms; all $people in $batch_seconds s (goal: within a minute)
bare GET /api/study/branches as the office, same concurrency: p50 $get_p50 ms, p95 $get_p95 ms
ratio p95(check-in) / p95(GET): $(ratio "$check_in_p95" "$get_p95")
ratio p95(check-in) / the ${goal_ms} ms goal (below 1 meets it): $(ratio "$check_in_p95" "$goal_ms")
TXT
)
echo "$result"
echo "$result" > bench/results/study-check-in.txt
