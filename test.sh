#!/usr/bin/env bash
# The test command: installs what is missing, starts throwaway PostgreSQL and RabbitMQ on free ports, runs the unit and
# integration tests against them and then the end-to-end tests (which start their own), always stops what it started,
# and ends with one line: N passed, N failed.
set -uo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

bp_require_dotnet
bp_check_kubectl
# Throwaway servers from the machine's packages serve every run, with or without Docker, so a run is the same
# everywhere. (Without these variables, on a machine where Docker answers, the tests use Testcontainers.)
bp_ensure_local_servers
bp_ensure_report_font
bp_ensure_browser

work=$(mktemp -d /tmp/brandplatform-test.XXXXXX)
chmod 755 "$work"
epmd_before=""; bp_epmd_running && epmd_before=1

cleanup() {
  bp_stop_rabbitmq "$work/rabbitmq"
  bp_stop_postgres "$work/postgres"
  bp_stop_epmd_unless "$epmd_before"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_port=$(bp_free_port); mq_port=$(bp_free_port); mq_management=$(bp_free_port)
bp_log "starting PostgreSQL on 127.0.0.1:$pg_port and RabbitMQ on 127.0.0.1:$mq_port (management $mq_management)"
( bp_start_throwaway_servers "$work" "$pg_port" "$mq_port" "$mq_management" ) || { echo "0 passed, 1 failed"; exit 1; }
export BRANDPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export BRANDPLATFORM_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$mq_port/"
export BRANDPLATFORM_TEST_RABBITMQ_MANAGEMENT="http://127.0.0.1:$mq_management/"

bp_log "building"
dotnet build BrandPlatform.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

bp_log "running tests"
# One test assembly at a time: on a 2-core machine the end-to-end AppHost (sixteen processes) otherwise starts while
# the integration tests load both cores, and its start-up budget is spent waiting for CPU.
status=0
run_tests() { # test project
  dotnet test --project "$1" -c Release --no-build 2>&1 | tee -a "$work/test.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
}
for project in tests/*/*Tests.csproj; do
  [ "$project" = tests/EndToEndTests/EndToEndTests.csproj ] || run_tests "$project"
done
# The end-to-end AppHost brings servers of its own. These stop first: the integration tests left hundreds of databases
# and virtual hosts on them, and their housekeeping took CPU the AppHost's processes and the browser need.
bp_stop_rabbitmq "$work/rabbitmq"
bp_stop_postgres "$work/postgres"
run_tests tests/EndToEndTests/EndToEndTests.csproj

# One line summed over every test assembly, from the summary Microsoft.Testing.Platform prints.
read -r passed failed skipped < <(sed 's/\x1b\[[0-9;]*m//g' "$work/test.log" | awk '
  /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { f += $2 }
  /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { p += $2 }
  /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { s += $2 }
  END { print p + 0, f + 0, s + 0 }')
# A run that failed without a failing test (a crash, a test host that did not start) still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The failing tests again, each with the start of its message, last: a CI log is often read from its tail, and the
# services' logs in between push the first report of a failure far up.
if [ "$failed" -gt 0 ]; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/test.log" | awk '
    /^[[:space:]]*failed [^:]/ { if (!shown) print "failing tests:"; shown = 1; left = 8; print; next }
    left > 0 && /Stack Trace:|^[[:space:]]*at / { left = 0 }
    left > 0 { print; left-- }'
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"
