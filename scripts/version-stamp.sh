#!/bin/sh
# Writes BuildVersion.swift for the VersionStamp plugin (Plugins/VersionStamp): the
# version from the package's VERSION file and the git commit of the tree (12 hex digits,
# "-dirty" when tracked files differ from it; "unknown" outside a git clone).
# Usage: version-stamp.sh PACKAGE_ROOT OUTPUT_FOLDER. Rewrites the file only when its
# text changes, so an unchanged stamp triggers no recompilation.
set -eu
root=$1
out=$2
version=$(tr -d ' \n' < "$root/VERSION")
case "$version" in
  '' | *[!0-9A-Za-z.+~-]*) echo "version-stamp.sh: $root/VERSION must hold one version like 1.2.3, not '$version'" >&2; exit 1 ;;
esac
commit=unknown
if head=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null); then
  commit=$head
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit-dirty"
  fi
fi
mkdir -p "$out"
text="/// Written before each build by scripts/version-stamp.sh (the VersionStamp plugin) from
/// VERSION and git: never edit, never commit.
enum BuildVersion {
    /// The release, from the package's VERSION file.
    static let version = \"$version\"
    /// The git commit built (\"-dirty\" when the tree had changes), or \"unknown\".
    static let commit = \"$commit\"
}"
if [ ! -f "$out/BuildVersion.swift" ] || [ "$(cat "$out/BuildVersion.swift")" != "$text" ]; then
  printf '%s\n' "$text" > "$out/BuildVersion.swift.tmp"
  mv "$out/BuildVersion.swift.tmp" "$out/BuildVersion.swift"
fi
