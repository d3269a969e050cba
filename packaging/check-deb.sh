#!/bin/bash
# The Debian package, tested as a user gets it (run by `make test` through `make deb-check`):
# builds the package from a built binary, extracts it into a scratch root with `dpkg-deb -x`, and
# there runs the installed `gongkai` (which must find its data in ../share/gongkai, not in the
# build folder), validates the desktop file, the AppStream metainfo and the MIME type, and checks
# the man page, the completions and that `make uninstall` leaves nothing behind.
#
#   packaging/check-deb.sh path/to/gongkai
set -euo pipefail

bin=${1:?usage: check-deb.sh BINARY}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d -t gongkai-deb-check-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb-check: FAIL: $*" >&2; exit 1; }

deb=$(DEB_COMPRESSION=gzip "$here/packaging/make-deb.sh" "$bin" "$work/out" 2>"$work/make-deb.log") || { cat "$work/make-deb.log" >&2; fail "make-deb.sh failed"; }
dpkg-deb --info "$deb" > "$work/info"
grep -q '^ Depends: .*libgtk-4-1' "$work/info" || fail "Depends does not name libgtk-4-1: $(grep Depends "$work/info")"
grep -q '^ Version: ' "$work/info" || fail "no Version"

root="$work/root"
dpkg-deb -x "$deb" "$root"
# The installed binary, away from the build folder: no resource bundle beside it, no GONGKAI_DATA_DIR.
env -u GONGKAI_DATA_DIR LANG=en_US.UTF-8 "$root/usr/bin/gongkai" check > "$work/check.out" 2>&1 \
  || { cat "$work/check.out" >&2; fail "gongkai check on the built-in dataset"; }
grep -q 'error' "$work/check.out" || fail "gongkai check printed no summary: $(cat "$work/check.out")"
env -u GONGKAI_DATA_DIR LANG=en_US.UTF-8 "$root/usr/bin/gongkai" check "$root/usr/share/gongkai/dataset/builtin-2018-2022.gongkai" >/dev/null \
  || fail "gongkai check on the installed dataset file"
# Chinese needs the installed catalog: a message that only the catalog can give.
env -u GONGKAI_DATA_DIR LANG=zh_CN.UTF-8 "$root/usr/bin/gongkai" check > "$work/check-zh.out" 2>&1 || true
grep -q '错误' "$work/check-zh.out" || fail "gongkai check in Chinese did not use the installed catalog: $(cat "$work/check-zh.out")"
version=$("$root/usr/bin/gongkai" --version)
grep -q "^ Version: $version\$" "$work/info" || fail "package version differs from gongkai --version ($version)"

share="$root/usr/share"
for f in applications/io.github.gongkai.Gongkai.desktop metainfo/io.github.gongkai.Gongkai.metainfo.xml \
         mime/packages/io.github.gongkai.Gongkai.xml icons/hicolor/scalable/apps/io.github.gongkai.Gongkai.svg \
         icons/hicolor/symbolic/apps/io.github.gongkai.Gongkai-symbolic.svg dbus-1/services/io.github.gongkai.Gongkai.service \
         man/man1/gongkai.1.gz bash-completion/completions/gongkai zsh/vendor-completions/_gongkai \
         fish/vendor_completions.d/gongkai.fish doc/gongkai/copyright; do
  [ -s "$share/$f" ] || fail "missing or empty /usr/share/$f"
done
grep -q "^License: GPL-3.0-or-later" "$share/doc/gongkai/copyright" || fail "the copyright file names no licence"
# Every resource the binary reads is installed (a file added to resources/ but not to install.sh's list fails here).
for f in "$here"/resources/style/* "$here"/resources/po/*.po "$here"/resources/dataset/*; do
  rel=${f#"$here/resources/"}
  [ -s "$share/gongkai/$rel" ] || fail "resources/$rel is not installed as /usr/share/gongkai/$rel"
done
desktop-file-validate "$share/applications/io.github.gongkai.Gongkai.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$share/metainfo/io.github.gongkai.Gongkai.metainfo.xml" >"$work/appstream.log" 2>&1 \
  || { cat "$work/appstream.log" >&2; fail "appstreamcli validate"; }
grep -q '^Exec=/usr/bin/gongkai --gapplication-service$' "$share/dbus-1/services/io.github.gongkai.Gongkai.service" \
  || fail "the D-Bus service does not run /usr/bin/gongkai --gapplication-service"
zcat "$share/man/man1/gongkai.1.gz" | grep -q '^\.SH' || fail "the man page has no sections"
grep -q 'check' "$share/bash-completion/completions/gongkai" || fail "the bash completion does not know 'check'"

# The MIME type: a survey found by its glob and, renamed, by its magic.
update-mime-database "$share/mime" 2>/dev/null
printf '{\n  "format": "gongkai-survey",\n  "survey": {}\n}\n' > "$work/renamed.json.txt"
mime() { XDG_DATA_DIRS="$share" XDG_DATA_HOME="$work/none" gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/.*content-type: //p'; }
if command -v gio >/dev/null; then
  [ "$(mime "$share/gongkai/dataset/builtin-2018-2022.gongkai")" = application/x-gongkai ] || fail "*.gongkai is not application/x-gongkai"
  [ "$(mime "$work/renamed.json.txt")" = application/x-gongkai ] || fail "the magic does not find a renamed survey"
fi

# make uninstall removes everything make install put there.
PREFIX=/usr DESTDIR="$work/staged" GONGKAI_BIN="$bin" "$here/packaging/install.sh" install
PREFIX=/usr DESTDIR="$work/staged" "$here/packaging/install.sh" uninstall
left=$(find "$work/staged" -type f | sed "s|^$work/staged||")
[ -z "$left" ] || fail "uninstall left files behind: $left"
echo "deb-check: OK ($(basename "$deb"))"
