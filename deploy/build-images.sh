#!/usr/bin/env bash
# Builds and pushes the seven images deploy/ runs: deploy/build-images.sh <registry/prefix> <tag>
#   e.g. deploy/build-images.sh registry.example.gov.cn/brandplatform 1.0.0
# then name them in the overlay's images: (newName <registry/prefix>/<name>, newTag <tag>).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: deploy/build-images.sh <registry/prefix> <tag>}
tag=${2:?usage: deploy/build-images.sh <registry/prefix> <tag>}
builder=${CONTAINER_BUILDER:-docker}

# name project assembly [apt packages the image needs]
while read -r name project assembly packages; do
  "$builder" build -f deploy/Dockerfile --build-arg PROJECT="$project" --build-arg ASSEMBLY="$assembly" \
    --build-arg PACKAGES="$packages" -t "$prefix/$name:$tag" .
  "$builder" push "$prefix/$name:$tag"
done <<'IMAGES'
identity services/Identity BrandPlatform.Identity
tickets services/Tickets BrandPlatform.Tickets
study services/Study BrandPlatform.Study
discipline services/Discipline BrandPlatform.Discipline
liaison services/Liaison BrandPlatform.Liaison
community services/Community BrandPlatform.Community fonts-noto-cjk
reporting services/Reporting BrandPlatform.Reporting fonts-noto-cjk
portal services/Portal BrandPlatform.Portal
gateway gateway BrandPlatform.Gateway
IMAGES
