#!/bin/bash
# `make pot`: extracts the interface's messages into resources/po/gongkai.pot (the template a
# translator starts a new language from: `msginit -i resources/po/gongkai.pot -l de`), lists the
# source files in resources/po/POTFILES, and checks that zh_CN.po merges with the template and
# compiles (msgmerge, msgfmt --check).
#
# xgettext has no Swift parser; its C parser reads Swift's "…" literals. The calls are
# tr("msgid", …), trn("msgid", "msgid_plural", n, …) and tr(context: "ctx", "msgid"); the last is
# rewritten to trc("ctx", "msgid") in a scratch copy (same lines) so that xgettext sees a context.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
work=$(mktemp -d -t gongkai-pot-XXXXXX)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/Model/Resources/AppInfo.swift)

grep -rlE '(^|[^A-Za-z0-9_.])trn?\(' Sources/GtkKit Sources/Rendering Sources/Commands Sources/Sections Sources/Bench Sources/gongkai Sources/Model --include='*.swift' | LC_ALL=C sort > resources/po/POTFILES
while read -r file; do
  mkdir -p "$work/src/$(dirname "$file")"
  sed -E 's/(^|[^A-Za-z0-9_.])tr\(context:[[:space:]]*/\1trc(/g' "$file" > "$work/src/$file"
done < resources/po/POTFILES

(cd "$work/src" && xgettext --language=C --from-code=UTF-8 --keyword --keyword=tr:1 --keyword=trc:1c,2 \
  --keyword=trn:1,2 --add-comments=TRANSLATORS: --sort-by-file --package-name=Gongkai \
  --package-version="$version" --msgid-bugs-address=https://github.com/gongkai/gongkai/issues \
  --files-from="$here/resources/po/POTFILES" --output="$work/gongkai.pot" 2>"$work/xgettext.log") \
  || { cat "$work/xgettext.log" >&2; exit 1; }
# The template is a template: no creation date that changes on every run.
sed '/^"POT-Creation-Date: /d' "$work/gongkai.pot" > resources/po/gongkai.pot
msgids=$(grep -c '^msgid "' resources/po/gongkai.pot)

msgmerge --quiet --no-fuzzy-matching resources/po/zh_CN.po resources/po/gongkai.pot --output-file="$work/merged.po"
msgfmt --check --output-file=/dev/null resources/po/zh_CN.po
msgfmt --check --statistics --output-file=/dev/null "$work/merged.po" 2>&1 | sed 's/^/zh_CN.po against gongkai.pot: /'
echo "resources/po/gongkai.pot: $((msgids - 1)) messages from $(wc -l < resources/po/POTFILES) files"
