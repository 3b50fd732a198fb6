#!/usr/bin/env bash
# Proves a backup restores: backs up the server's databases (scripts/backup.sh), restores every one into a scratch
# PostgreSQL server on a free port (scripts/restore.sh), and compares each table's exact row count in the restore with
# the count taken in the dump's own snapshot. Prints one line per table and exits non-zero on any difference or a
# table on one side only. The scratch server and the backup are removed at the end.
#   scripts/backup-check.sh [database...]
# Every service database unless databases are named. The server: as for scripts/backup.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

bp_default_to_local_postgres
[ -n "$(bp_postgres_bin)" ] || bp_die "the scratch server needs PostgreSQL's server binaries (./run.sh or ./test.sh installs them)"
work=$(mktemp -d /tmp/brandplatform-backup-check.XXXXXX)
chmod 755 "$work" # the scratch server runs as the postgres account under root
trap 'bp_stop_postgres "$work/postgres"; rm -rf "$work"' EXIT

folder=$("$bp_scripts/backup.sh" --out "$work" "$@")
port=$(bp_free_port)
bp_log "starting a scratch PostgreSQL on 127.0.0.1:$port"
bp_start_postgres "$work/postgres" "$port" "$work/postgres.log" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD="" "$bp_scripts/restore.sh" --no-owner "$folder" "$@"

restored=$work/restored.tsv
touch "$restored"
for database in $(tail -n +2 "$folder/manifest.tsv" | cut -f1 | sort -u); do
  PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD="" bp_psql_rows -d "$database" <<<"$bp_count_rows_sql" \
    | sed "s/^/$database\t/" >> "$restored"
done

# One line per table of either side: database, table, rows backed up, rows restored, ok or MISMATCH.
keyed() { awk -F'\t' '{ print $1 "/" $2 "\t" $3 }' "$@" | LC_ALL=C sort; } # database/table, rows
keyed <(tail -n +2 "$folder/manifest.tsv") > "$work/source.tsv"
keyed "$restored" > "$work/restored-keyed.tsv"
LC_ALL=C join -t $'\t' -a 1 -a 2 -e - -o 0,1.2,2.2 "$work/source.tsv" "$work/restored-keyed.tsv" \
  | awk -F'\t' '
      BEGIN { printf "%-24s %-44s %12s %12s\n", "database", "table", "backed up", "restored" }
      { split($1, name, "/"); verdict = ($2 == $3 && $2 != "-") ? "ok" : "MISMATCH"; bad += verdict != "ok"; tables++
        printf "%-24s %-44s %12s %12s  %s\n", name[1], name[2], $2, $3, verdict }
      END { printf "%d tables, %d mismatched\n", tables, bad; exit (bad > 0 || tables == 0) }'
