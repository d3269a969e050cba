#!/usr/bin/env bash
# Runs a command on a private virtual screen: starts Xvfb on a free display (Xvfb picks it and
# tells us through -displayfd, so parallel runs never race for a number), sets DISPLAY, runs the
# command, stops the server and returns the command's exit status. Used by `make test`, `make bench`
# and `make screenshots` inside a private D-Bus session (dbus-run-session).
set -u
screen=${HEADLESS_SCREEN:-1600x1000x24}
dir=$(mktemp -d -t gongkai-xvfb-XXXXXX) || exit 1
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
server=$!
for _ in $(seq 200); do
  [ -s "$dir/display" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.05
done
if [ ! -s "$dir/display" ]; then
  echo "headless: Xvfb did not start:" >&2
  cat "$dir/xvfb.log" >&2
  rm -rf "$dir"
  exit 1
fi
export DISPLAY=":$(head -n1 "$dir/display")"
"$@"
status=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
rm -rf "$dir"
exit "$status"
