#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: writes the SQL Server migration script (the sample host's tests parse
# it), starts the PostgreSQL and Redis servers the store tests need, then every test.
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS
step() { echo "test.sh: [$((SECONDS - started))s] $*"; }

# dotnet-ef from the local tool manifest (.config/dotnet-tools.json), then the idempotent script a DBA would run on
# SQL Server. No SQL Server runs here: tests/Jar.SampleHost.Tests parses this file with Microsoft's T-SQL parser.
step "restoring the local tools and the solution"
dotnet tool restore
dotnet restore Jar.IdentityServer.Extensions.sln --nologo
step "writing the SQL Server migration script to artifacts/sqlserver.sql"
mkdir -p artifacts
dotnet ef migrations script --idempotent \
  --project host-sample/Jar.SampleHost --context SqlServerAppDbContext --configuration Release \
  --output artifacts/sqlserver.sql
test -s artifacts/sqlserver.sql

# The repository stands alone: its committed files, copied into an empty folder with no folder beside them, pass the
# catalogue and row-tag tests there (they read docs/conformance/catalogue.md, found by walking up to the solution).
standalone="$(mktemp -d)"
(
  trap 'rm -rf "$standalone"' EXIT
  mkdir "$standalone/repository"
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git archive HEAD | tar -x -C "$standalone/repository"
  else
    tar --exclude=bin --exclude=obj --exclude=artifacts --exclude=.pgdata -c . | tar -x -C "$standalone/repository"
  fi
  dotnet test "$standalone/repository/tests/Jar.SampleHost.Tests" -c Release --nologo \
    --filter "FullyQualifiedName~RowTagTests|FullyQualifiedName~SelfContainedRepositoryTests"
)

# The browser tests drive Debian's Chromium (tests/Jar.Testing.Browser).
step "checking Chromium for the browser tests"
scripts/chromium.sh

step "starting PostgreSQL for the store tests"
source scripts/postgres.sh
source scripts/redis.sh
trap 'type jar_pg_stop >/dev/null 2>&1 && jar_pg_stop; type jar_redis_stop >/dev/null 2>&1 && jar_redis_stop' EXIT

step "running every test (dotnet test, Release)"
dotnet test Jar.IdentityServer.Extensions.sln -c Release --nologo "$@"

# The three library packages, used by package from a throw-away OpenIddict app.
step "packing the libraries and building an app from the packages (scripts/package-check.sh)"
scripts/package-check.sh
step "done"
