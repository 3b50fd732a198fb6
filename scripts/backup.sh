#!/usr/bin/env bash
# Backs up BrandPlatform's databases: one pg_dump custom-format file per database into a new timestamped folder, with
# manifest.tsv holding every table's exact row count, counted in the very snapshot the dump was taken from (so the
# counts are the dump's even while the system runs and writes).
#   scripts/backup.sh [--out FOLDER] [database...]
# Every database on the server but the templates and postgres (each service has its own) unless databases are named;
# FOLDER defaults to ./backups. The server: PGHOST, PGPORT, PGUSER (PGPASSWORD or ~/.pgpass) when PGPORT is set, else
# the local system's that ./run.sh starts. The new folder's path is the one line on standard output.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

out=backups
if [ "${1:-}" = --out ]; then out=${2:?--out needs a folder}; shift 2; fi
bp_default_to_local_postgres
databases=("$@")
[ ${#databases[@]} -gt 0 ] || mapfile -t databases < <(bp_service_databases)
[ ${#databases[@]} -gt 0 ] || bp_die "no databases on $PGHOST:$PGPORT to back up"

folder=$out/brandplatform-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$folder"
printf 'database\ttable\trows\n' > "$folder/manifest.tsv"
for database in "${databases[@]}"; do
  bp_log "backing up $database from $PGHOST:$PGPORT"
  # One read-only transaction exports its snapshot, pg_dump dumps that snapshot, and the counts are taken in it.
  counts=$(BP_PG_DUMP=$(bp_pg_tool pg_dump) BP_FILE=$folder/$database.dump BP_DATABASE=$database bp_psql_rows -d "$database" <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv BP_SNAPSHOT :snapshot
\! "\$BP_PG_DUMP" --format=custom --snapshot="\$BP_SNAPSHOT" --file="\$BP_FILE" --dbname="\$BP_DATABASE" || rm -f "\$BP_FILE"
$bp_count_rows_sql
COMMIT;
SQL
  ) || bp_die "counting the rows of $database failed"
  [ -s "$folder/$database.dump" ] || bp_die "pg_dump of $database failed (its message is above)"
  if [ -n "$counts" ]; then printf '%s\n' "$counts" | sed "s/^/$database\t/" >> "$folder/manifest.tsv"; fi
done
bp_log "backed up ${#databases[@]} databases into $folder"
echo "$folder"
