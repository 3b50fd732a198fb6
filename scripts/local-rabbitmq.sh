#!/usr/bin/env bash
# The one way BrandPlatform starts a local RabbitMQ node: the AppHost runs this script as its `messaging` resource
# (local mode), and test.sh and bench/ run it in the background through bp_start_rabbitmq (scripts/lib.sh).
#   scripts/local-rabbitmq.sh DIR PORT MANAGEMENT-PORT DISTRIBUTION-PORT
# A private node: its own name (brandplatform-PORT@localhost, so a test node never meets a running system's), ports
# on loopback, data and log folders under DIR, and Erlang cookie (HOME=DIR keeps nodes of different users apart),
# with the management UI. The script replaces itself with the package's rabbitmq-server in the foreground (not the
# /usr/sbin wrapper, which under root switches to the rabbitmq account and ignores these folders): logs go to
# standard output, SIGTERM stops the node. BRANDPLATFORM_RABBITMQ_SERVER names another rabbitmq-server script.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

[ $# -eq 4 ] || bp_die "usage: $0 DIR PORT MANAGEMENT-PORT DISTRIBUTION-PORT"
dir=$1 port=$2 management=$3 distribution=$4
server=${BRANDPLATFORM_RABBITMQ_SERVER:-/usr/lib/rabbitmq/bin/rabbitmq-server}
[ -x "$server" ] || bp_die "$server was not found. Run ./run.sh (it installs rabbitmq-server) or set Infrastructure:Local:RabbitMqServer."

mkdir -p "$dir/mnesia" "$dir/log"
echo '[rabbitmq_management].' > "$dir/enabled_plugins"
export HOME=$dir RABBITMQ_NODENAME="brandplatform-$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$distribution RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log \
  RABBITMQ_LOGS=- RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-rabbitmq_management tcp_config [{ip,\"127.0.0.1\"},{port,$management}]"
exec "$server"
