#!/usr/bin/env bash
# The one way BrandPlatform starts a local PostgreSQL server: the AppHost runs this script as its `postgres` resource
# (local mode), and test.sh and bench/ run it in the background through bp_start_postgres (scripts/lib.sh).
#   scripts/local-postgres.sh DATA-DIR PORT [server options, e.g. -c fsync=off]
# The cluster is created with initdb on first start (user postgres, trusted on loopback, UTF-8) and kept. The script
# then runs the server in the foreground until it stops: the server's log goes to standard error, SIGTERM or SIGINT
# stop it with a fast shutdown, and the script exits with the server's status. The server refuses to run as root, so
# under root it runs as the postgres account. BRANDPLATFORM_POSTGRES_BIN names the folder with initdb and postgres
# (default: the newest /usr/lib/postgresql/*/bin).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || bp_die "usage: $0 DATA-DIR PORT [server options]"
dir=$1 port=$2
shift 2
bin=${BRANDPLATFORM_POSTGRES_BIN:-$(bp_postgres_bin || true)}
[ -n "$bin" ] && [ -x "$bin/postgres" ] || bp_die "PostgreSQL server binaries were not found under /usr/lib/postgresql. \
Run ./run.sh (it installs them) or set Infrastructure:Local:PostgresBinDirectory."

as_postgres=()
if bp_is_root; then as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups --); fi

if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  if bp_is_root; then
    # The postgres account must reach its data folder through the one above it.
    chmod a+x "$(dirname "$dir")"
    chown postgres:postgres "$dir"
  fi
  chmod 700 "$dir"
  "${as_postgres[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
fi

# The AppHost's orchestrator stops an executable with SIGTERM and kills it 6 s later, but SIGTERM is PostgreSQL's smart
# shutdown, which waits for every client to leave. So the script stays the server's parent and turns SIGTERM (and
# SIGINT) into a fast shutdown; a kill of the script still leaves the server finishing that shutdown on its own.
"${as_postgres[@]}" "$bin/postgres" -D "$dir" -p "$port" -k "$dir" \
  -c listen_addresses=127.0.0.1 -c max_connections=400 "$@" &
server=$!
trap 'kill -INT "$server" 2>/dev/null' TERM INT
set +e
while wait "$server"; status=$?; kill -0 "$server" 2>/dev/null; do :; done
exit "$status"
