#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The storage, sync and analytics tests that run on both providers need a PostgreSQL server (NEXUS_TEST_POSTGRES).
if [ -z "${NEXUS_TEST_POSTGRES:-}" ]; then
  # shellcheck source=test-postgres.sh
  source ./test-postgres.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test Nexus.sln --logger "console;verbosity=normal" "$@"
