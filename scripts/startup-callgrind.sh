#!/usr/bin/env bash
# Instructions from process start to the first frame of gongkai's window on the built-in dataset,
# counted by callgrind (repeatable on a busy machine, unlike times), under a private Xvfb
# (scripts/headless.sh) with empty XDG folders and in-memory settings. The application quits at
# its first frame (GONGKAI_EXIT_AFTER_FIRST_FRAME); with SECONDS_AFTER_START=N it is stopped N seconds after
# start instead (the start-up and the idle work after the first frame: also for builds without
# that variable).
# Usage: [SECONDS_AFTER_START=N] scripts/startup-callgrind.sh [GONGKAI_BINARY] [ARGS...]   (default .build-release/release/gongkai)
set -eu
binary=${1:-.build-release/release/gongkai}
[ $# -gt 0 ] && shift
here=$(dirname "$0")
x=$(mktemp -d)
trap 'rm -rf "$x"' EXIT
mkdir -p "$x"/data "$x"/config "$x"/state "$x"/cache
stop=()
if [ -n "${SECONDS_AFTER_START:-}" ]; then stop=(timeout -s INT "$SECONDS_AFTER_START"); else export GONGKAI_EXIT_AFTER_FIRST_FRAME=1; fi
XDG_DATA_HOME=$x/data XDG_CONFIG_HOME=$x/config XDG_STATE_HOME=$x/state XDG_CACHE_HOME=$x/cache GSETTINGS_BACKEND=memory \
  dbus-run-session -- "$here/headless.sh" "${stop[@]}" valgrind --tool=callgrind --callgrind-out-file="$x/callgrind.out" \
  "$binary" "$@" >"$x/log" 2>&1 || true
instructions=$(sed -n 's/^summary: //p' "$x/callgrind.out" 2>/dev/null)
[ -n "$instructions" ] || { echo "startup-callgrind: no count; the run said:" >&2; cat "$x/log" >&2; exit 1; }
printf 'instructions: %s (%d million)\n' "$instructions" "$((instructions / 1000000))"
