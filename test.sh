#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: writes the SQL Server migration script (the sample host's tests parse
# it), starts the PostgreSQL server the store tests need, then every test.
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

# The browser tests drive Debian's Chromium (tests/Jar.Testing.Browser).
step "checking Chromium for the browser tests"
scripts/chromium.sh

step "starting PostgreSQL for the store tests"
source scripts/postgres.sh
trap 'type jar_pg_stop >/dev/null 2>&1 && jar_pg_stop' EXIT

step "running every test (dotnet test, Release)"
dotnet test Jar.IdentityServer.Extensions.sln -c Release --nologo "$@"

# The three library packages, used by package from a throw-away OpenIddict app.
step "packing the libraries and building an app from the packages (scripts/package-check.sh)"
scripts/package-check.sh
step "done"
