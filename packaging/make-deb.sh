#!/bin/bash
# Builds the Debian package of Gongkai from a built binary (called by `make deb` and `make deb-check`).
#
#   packaging/make-deb.sh path/to/gongkai OUTDIR
#
# Installs into a staging root with PREFIX=/usr (packaging/install.sh), computes Depends with
# dpkg-shlibdeps from the binary's libraries, writes DEBIAN/control and builds
# OUTDIR/gongkai_VERSION_ARCH.deb with dpkg-deb. The version is the binary's `--version`.
# DEB_COMPRESSION (default xz) is dpkg-deb's -Z: the check uses gzip, faster on a debug binary.
set -euo pipefail

bin=${1:?usage: make-deb.sh BINARY OUTDIR}
out=${2:?usage: make-deb.sh BINARY OUTDIR}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d -t gongkai-deb-XXXXXX)
trap 'rm -rf "$work"' EXIT

version=$("$bin" --version)
arch=$(dpkg --print-architecture)
root="$work/root"
GONGKAI_BIN="$bin" PREFIX=/usr DESTDIR="$root" "$here/packaging/install.sh" install

# dpkg-shlibdeps reads debian/control from the current folder. Libraries that no Debian package
# provides (the Swift runtime of a build that does not link it statically) are reported, not fatal.
mkdir -p "$work/debian"
cp "$here/packaging/debian-control" "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info -e "$root/usr/bin/gongkai" 2>"$work/shlibdeps.log" \
  | sed -n 's/^shlibs:Depends=//p')
if grep -q "warning" "$work/shlibdeps.log"; then sed 's/^/make-deb.sh: /' "$work/shlibdeps.log" >&2; fi
[ -n "$depends" ] || { echo "make-deb.sh: dpkg-shlibdeps found no dependencies" >&2; cat "$work/shlibdeps.log" >&2; exit 1; }

size=$(du -sk "$root" | cut -f1)
mkdir -p "$root/DEBIAN"
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@DEPENDS@|$depends|" -e "s|@SIZE@|$size|" \
  "$here/packaging/deb-control.in" > "$root/DEBIAN/control"
deb="$out/gongkai_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group -Z"${DEB_COMPRESSION:-xz}" "$root" "$deb" >/dev/null
echo "$deb"
