#!/usr/bin/env bash
# Issue 17's figures in one go, one line each with its reference beside it: bench/throughput.sh (ticket submission
# against pgbench, reads against pgbench's primary-key select, the gateway against nginx) and bench/figures-latency.sh
# at a steady 200 changes a second (commit → reporting's figure). Each script installs what it needs (wrk, nginx,
# jq) and stops everything it started, also when interrupted. Results: bench/results/all.txt.
#   bench/all.sh [seconds-per-throughput-figure] [figures-latency-seconds]
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

throughput_seconds=${1:-10}
latency_seconds=${2:-10}

bench/throughput.sh "$throughput_seconds" >/dev/null || bp_die "bench/throughput.sh failed"
bench/figures-latency.sh 200 "$latency_seconds" >/dev/null || bp_die "bench/figures-latency.sh failed"

{
  cat bench/results/throughput.txt
  # The latency script's overall line and its ratio to the goal.
  sed -n '1p;2p;$p' bench/results/figures-latency.txt
} | tee bench/results/all.txt
