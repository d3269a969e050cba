#!/usr/bin/env bash
# Cold start to first frame of gongkai (the built-in dataset) and of GNOME Text Editor, side by
# side on one private X server (scripts/startup-bench.py). GNOME Text Editor is installed with apt
# when missing (only here: `make test` does not need it).
# Usage: scripts/startup-bench.sh [RUNS] [GONGKAI_BINARY]   (default 10 runs, .build-release/release/gongkai)
set -eu
runs=${1:-10}
binary=${2:-.build-release/release/gongkai}
if ! command -v gnome-text-editor >/dev/null; then
  echo "startup-bench: installing gnome-text-editor (apt) to compare with" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends gnome-text-editor >/dev/null
fi
here=$(dirname "$0")
exec dbus-run-session -- python3 "$here/startup-bench.py" --runs "$runs" ${VERBOSE:+--verbose} \
  "gongkai=$binary" "gnome-text-editor=gnome-text-editor --standalone"
