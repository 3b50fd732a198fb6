#!/usr/bin/env bash
# Deploys (or upgrades) BrandPlatform from a kustomization: ./deploy/apply.sh deploy/overlays/city
# Kubernetes has no "start this after that Job", so the order the AppHost keeps with WaitFor is kept here:
#   1. everything but the Deployments (settings, Services, policies, PDBs, HPAs, the migration Jobs);
#   2. wait until every migration Job completed (each runs `<service> migrate`: migrate and exit);
#   3. the Deployments, identity last: it announces the directory at start, once tickets, study, liaison and community have bound their
#      queues (the AppHost's WaitFor(study).WaitFor(tickets).WaitFor(liaison).WaitFor(community)).
# The secrets of README's "Deploying to Kubernetes" must exist first.
set -euo pipefail
kustomization=${1:?usage: deploy/apply.sh <kustomization directory, e.g. deploy/overlays/city>}
timeout=${BRANDPLATFORM_DEPLOY_TIMEOUT:-15m}
rollout=brandplatform.gov.cn/rollout

log() { printf '\033[1;34m[brandplatform]\033[0m %s\n' "$*" >&2; }

rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
kubectl kustomize "$kustomization" >"$rendered"
namespace=$(sed -n 's/^  namespace: //p' "$rendered" | sort -u | head -n 1)
ns=(${namespace:+--namespace "$namespace"})

# A Job's pod template cannot change, and a completed Job would not run again for a new release: start afresh.
log "removing the previous release's migration Jobs"
kubectl delete job "${ns[@]}" -l app.kubernetes.io/component=migration --ignore-not-found --wait=true

log "applying settings, Services, policies and the migration Jobs"
kubectl apply -f "$rendered" -l "!$rollout"

log "waiting for the migrations (at most $timeout)"
if ! kubectl wait "${ns[@]}" --for=condition=complete job -l app.kubernetes.io/component=migration --timeout="$timeout"; then
  kubectl get "${ns[@]}" job -l app.kubernetes.io/component=migration >&2
  kubectl logs "${ns[@]}" -l app.kubernetes.io/component=migration --tail=50 --prefix >&2 || true
  log "a migration did not complete: the Deployments were left as they were"
  exit 1
fi

log "rolling out the services, the portal and the gateway"
kubectl apply -f "$rendered" -l "$rollout=after-migration"
for deployment in tickets study liaison community; do
  kubectl rollout status "${ns[@]}" "deployment/$deployment" --timeout="$timeout"
done

log "rolling out identity"
kubectl apply -f "$rendered" -l "$rollout=after-subscribers"
for deployment in $(kubectl get "${ns[@]}" deployment -l app.kubernetes.io/part-of=brandplatform -o name); do
  kubectl rollout status "${ns[@]}" "$deployment" --timeout="$timeout"
done
log "deployed: $(sed -n 's/^ *- PUBLIC_ADDRESS=//p; s/^  PUBLIC_ADDRESS: //p' "$rendered" | head -n 1)"
