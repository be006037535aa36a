#!/usr/bin/env bash
# Adds a migration with the same name to both migration sets (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh NameOfMigration
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NameOfMigration}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Plumbline -v q -nologo
dotnet ef migrations add "$name" --no-build --project src/Plumbline --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --no-build --project src/Plumbline --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
echo "Added migration $name for SQLite and PostgreSQL."
