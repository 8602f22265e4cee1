#!/bin/sh
# Dino Wallet container entry point.
#
#   entrypoint.sh                  start the service (node dist/…/main.js)
#   entrypoint.sh migrate seed     run CLI commands in order (migrate, seed, verify), e.g. the
#                                  Kubernetes migration Job; stops at the first that fails
#   entrypoint.sh keys create --name NAME --scopes a,b   make an API key (also: keys list,
#                                  keys revoke ID); the secret is printed once
#   entrypoint.sh openapi [file]   write the OpenAPI document (needs no database)
#   entrypoint.sh <program> …      run anything else as given (sh, node -e …)
#
# On start the service applies pending migrations and the seed itself, under a PostgreSQL
# advisory lock so replicas do not race, unless DB_AUTO_SETUP=false. Migrations run on
# MIGRATION_DATABASE_URL when it is set (the tables' owner, a direct connection), else on
# DATABASE_URL. With DB_AUTO_SETUP=false the schema must be migrated separately before the
# service starts:
#   node dist/apps/wallet-api/apps/wallet-api/src/cli.js migrate   (then `seed`)
# which is what `entrypoint.sh migrate seed` runs (the Kubernetes Job in docker/k8s).
#
# DATABASE_URL is required here: without it the service would start an embedded PostgreSQL,
# which is for local development and cannot run in a read-only container.
set -eu

APP_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
BUILD_DIR="$APP_DIR/dist/apps/wallet-api/apps/wallet-api/src"

require_database_url() {
  if [ -z "${DATABASE_URL:-}" ]; then
    echo "dino-wallet: DATABASE_URL is not set; a container needs an external PostgreSQL, e.g. DATABASE_URL=postgres://user:password@db-host:5432/dino_wallet (the embedded PostgreSQL is for local development only)" >&2
    exit 78 # EX_CONFIG
  fi
}

if [ "$#" -eq 0 ]; then
  require_database_url
  # A larger young generation (64 MB semi-spaces): requests live ~25 ms, so with the default 16 MB
  # many survive two scavenges and are promoted; see README "Performance" (CPU per write −7 %, RSS +95 MB).
  exec node --max-semi-space-size=64 "$BUILD_DIR/main.js"
fi

case "$1" in
  migrate | seed | verify)
    for command in "$@"; do
      case "$command" in
        migrate | seed | verify) ;;
        *) echo "dino-wallet: unknown command '$command' (expected migrate, seed or verify)" >&2; exit 64 ;;
      esac
    done
    require_database_url
    while [ "$#" -gt 1 ]; do
      node "$BUILD_DIR/cli.js" "$1"
      shift
    done
    exec node "$BUILD_DIR/cli.js" "$1"
    ;;
  keys)
    require_database_url
    exec node "$BUILD_DIR/cli.js" "$@"
    ;;
  openapi)
    exec node "$BUILD_DIR/cli.js" "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
