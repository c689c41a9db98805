#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: starts the PostgreSQL server the store tests need, then every test.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/postgres.sh
trap 'type jar_pg_stop >/dev/null 2>&1 && jar_pg_stop' EXIT

dotnet test Jar.IdentityServer.Extensions.sln -c Release --nologo "$@"
