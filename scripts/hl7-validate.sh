#!/usr/bin/env bash
# Validates the published seed Bundles in fhir-resources/ with the official HL7 FHIR validator, offline,
# against the base specification and this project's own profiles and extensions (-ig fhir-resources/rN).
# Set the validator up once: VALIDATOR_ROOT=/tmp/hl7-validator ../shared/tools/hl7-validator/setup.sh
# Usage: scripts/hl7-validate.sh [r4] [r5]   (default: both). Exit 0 when every file has zero errors.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
repo=$(pwd)
validator=${HL7_VALIDATOR:-$repo/../shared/tools/hl7-validator/validate.sh}
export VALIDATOR_ROOT=${VALIDATOR_ROOT:-/tmp/hl7-validator}
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(r4 r5)
status=0
for v in "${versions[@]}"; do
  log=$(mktemp)
  echo "== $v: fhir-resources/$v/Bundle-*.json"
  VALIDATOR_ARGS="-ig $repo/fhir-resources/$v" "$validator" "$v" "$repo"/fhir-resources/"$v"/Bundle-*.json >"$log" 2>&1
  rc=$?
  grep -E '^\s*(Error|Fatal) @|^\*FAILURE\*|^Success' "$log"
  [ "$rc" -eq 0 ] || status=1
  rm -f "$log"
done
exit $status
