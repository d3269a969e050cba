#!/usr/bin/env bash
# Instructions from process start to the first frame of gongkai's window on the built-in dataset,
# counted by callgrind (repeatable on a busy machine, unlike times). The application quits at its
# first frame (GONGKAI_EXIT_AFTER_FIRST_FRAME), under a private Xvfb (scripts/headless.sh), with
# empty XDG folders and in-memory settings.
# Usage: scripts/startup-callgrind.sh [GONGKAI_BINARY] [ARGS...]   (default .build-release/release/gongkai)
set -eu
binary=${1:-.build-release/release/gongkai}
[ $# -gt 0 ] && shift
here=$(dirname "$0")
x=$(mktemp -d)
trap 'rm -rf "$x"' EXIT
mkdir -p "$x"/data "$x"/config "$x"/state "$x"/cache
XDG_DATA_HOME=$x/data XDG_CONFIG_HOME=$x/config XDG_STATE_HOME=$x/state XDG_CACHE_HOME=$x/cache \
  GSETTINGS_BACKEND=memory GONGKAI_EXIT_AFTER_FIRST_FRAME=1 \
  dbus-run-session -- "$here/headless.sh" valgrind --tool=callgrind --callgrind-out-file="$x/callgrind.out" \
  "$binary" "$@" >"$x/log" 2>&1 || { cat "$x/log" >&2; exit 1; }
instructions=$(sed -n 's/^summary: //p' "$x/callgrind.out")
printf 'instructions to the first frame: %s (%d million)\n' "$instructions" "$((instructions / 1000000))"
