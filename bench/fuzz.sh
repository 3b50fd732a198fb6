#!/usr/bin/env bash
# The long fuzz run: the property-based test of the test command's short run (tests/IntegrationTests/WholePlatform/
# ApiFuzzTests.cs: every operation of every service's OpenAPI document, odd parameters and bodies, random caller
# kinds), with N random cases per operation instead of a few. Prints one line per service, `N cases, N 5xx`; a failure
# prints the request (method, path, headers, body, caller) and CsCheck's seed, replayed by FUZZ_SEED=<seed> bench/fuzz.sh.
#   bench/fuzz.sh [cases per operation, default 1000]
# Uses the PostgreSQL and RabbitMQ named by BRANDPLATFORM_TEST_POSTGRES / BRANDPLATFORM_TEST_RABBITMQ (as test.sh sets
# them), else Testcontainers.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

cases=${1:-1000}
bp_require_dotnet
work=$(mktemp -d /tmp/brandplatform-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

bp_log "building"
dotnet build tests/IntegrationTests -c Release -nologo -v quiet -clp:ErrorsOnly
bp_log "fuzzing with $cases cases per operation"
status=0
FUZZ_CASES=$cases FUZZ_REPORT="$work/report" dotnet test --project tests/IntegrationTests -c Release --no-build \
  --filter-class '*ApiFuzzTests' >"$work/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  grep -v '^ *at ' "$work/log" | sed -n '/^failed /,/Inner Stack Trace/p' >&2
fi
cat "$work/report" 2>/dev/null || bp_die "the fuzz run did not start: $(tail -20 "$work/log")"
exit "$status"
