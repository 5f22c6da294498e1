#!/usr/bin/env bash
# Install everything the tests need, then run them all (the README's test command).
# Browser tests drive Debian's chromium; nothing downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

python -m pip install --quiet --disable-pip-version-check -e ".[test]"
python -m pytest -n auto "$@"
