#!/usr/bin/env bash
# Runs the conformance suite against the sample host and regenerates docs/conformance.md from its results.
# Usage: ./scripts/conformance-report.sh [path/to/catalogue.md]   (default: docs/conformance/catalogue.md, in this repository)
# The report is written even when tests fail; the script then exits with the test run's status.
set -euo pipefail
cd "$(dirname "$0")/.."

catalogue="${1:-docs/conformance/catalogue.md}"
if [ ! -f "$catalogue" ]; then
  echo "conformance-report: catalogue not found: $catalogue" >&2
  exit 1
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

tests=0
dotnet test tests/Jar.SampleHost.Tests -c Release --nologo \
  --filter "FullyQualifiedName~Conformance" \
  --logger "trx;LogFileName=conformance.trx" --results-directory "$results" || tests=$?

if [ ! -f "$results/conformance.trx" ]; then
  echo "conformance-report: the test run left no results (exit $tests)" >&2
  exit "${tests:-1}"
fi

dotnet run --project tools/Jar.ConformanceReport -c Release -- \
  --catalogue "$catalogue" \
  --assembly tests/Jar.SampleHost.Tests/bin/Release/net10.0/Jar.SampleHost.Tests.dll \
  --trx "$results/conformance.trx" \
  --out docs/conformance.md

exit "$tests"
