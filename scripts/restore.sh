#!/usr/bin/env bash
# Restores databases from a folder scripts/backup.sh wrote: each DATABASE.dump is created anew with pg_restore
# --create. The system must be stopped while its databases are replaced.
#   scripts/restore.sh [--replace] [--no-owner] FOLDER [database...]
# Every database in FOLDER unless databases are named. A database that exists is refused, or with --replace dropped
# first (its connections ended). --no-owner restores without the dump's owners and privileges, into a server that
# lacks its roles (external mode has one per service). The server: as for scripts/backup.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

replace="" ownership=()
while [ $# -gt 0 ]; do
  case "$1" in
    --replace) replace=1; shift;;
    --no-owner) ownership=(--no-owner --no-acl); shift;;
    *) break;;
  esac
done
folder=${1:?usage: scripts/restore.sh [--replace] [--no-owner] FOLDER [database...]}
shift
databases=("$@")
if [ ${#databases[@]} -eq 0 ]; then
  for dump in "$folder"/*.dump; do [ -e "$dump" ] && databases+=("$(basename "$dump" .dump)"); done
fi
[ ${#databases[@]} -gt 0 ] || bp_die "no .dump files in $folder"
bp_default_to_local_postgres

existing=$(bp_service_databases)
for database in "${databases[@]}"; do
  [ -s "$folder/$database.dump" ] || bp_die "$folder/$database.dump does not exist"
  if grep -qxF "$database" <<<"$existing"; then
    [ -n "$replace" ] || bp_die "database $database exists on $PGHOST:$PGPORT: stop the system and pass --replace to drop it first"
    bp_log "dropping $database"
    bp_psql_rows -d postgres -c "DROP DATABASE \"${database//\"/\"\"}\" WITH (FORCE)" >/dev/null
  fi
  bp_log "restoring $database into $PGHOST:$PGPORT"
  "$(bp_pg_tool pg_restore)" --create --dbname=postgres --exit-on-error "${ownership[@]}" "$folder/$database.dump"
done
bp_log "restored ${#databases[@]} databases"
