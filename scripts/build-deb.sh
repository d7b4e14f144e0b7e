#!/usr/bin/env bash
# Builds the Debian package of sms-report (docs/install.md) from a binary made by
# `make dist`: /usr/bin/sms-report, its man page (swift-argument-parser's generate-manual
# run on the binary), bash/zsh/fish completions, the systemd service and timer, an
# example config and the maintainer scripts of packaging/debian. Depends: is computed by
# dpkg-shlibdeps from the libraries the binary links, plus the packages listed below.
# Usage: build-deb.sh BINARY GENERATE_MANUAL OUT_DIR   (writes OUT_DIR/sms-report_VERSION_ARCH.deb)
set -euo pipefail
cd "$(dirname "$0")/.."

binary=$1
generate_manual=$2
out_dir=$3
version=$(tr -d ' \n' < VERSION)
arch=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-"sms-report maintainers <sms-report@example.org>"}
# Packages that no linked library names: TLS roots (gateway, SMTP, store), the time zone
# database (Asia/Kathmandu by default), and the fonts of the charts and Devanagari text.
extra_depends="adduser, ca-certificates, tzdata, fonts-dejavu-core, fonts-lohit-deva"
# One reproducible date for the changelog and the files (the commit's, or SOURCE_DATE_EPOCH).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

staging=$(mktemp -d "${TMPDIR:-/tmp}/sms-report-deb.XXXXXX")
trap 'rm -rf "$staging"' EXIT
root=$staging/root
doc=$root/usr/share/doc/sms-report

install -D -m 0755 "$binary" "$root/usr/bin/sms-report"

# The man page from the ArgumentParser definitions (the binary's --experimental-dump-help).
mkdir -p "$staging/man"
"$generate_manual" "$root/usr/bin/sms-report" --output-directory "$staging/man" \
    --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" --section 1 --authors "the sms-report authors"
# mdoc wants .Pp, not empty lines, between paragraphs (groff warns on each).
sed 's/^$/.Pp/' "$staging/man/sms-report.1" > "$staging/man/sms-report.1.pp"
install -D -m 0644 "$staging/man/sms-report.1.pp" "$root/usr/share/man/man1/sms-report.1"
gzip -9n "$root/usr/share/man/man1/sms-report.1"

# Shell completions, where each shell's Debian package looks for them.
# bash-completion sources the script: no #! line.
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' > "$staging/bash"
"$binary" --generate-completion-script zsh > "$staging/zsh"
"$binary" --generate-completion-script fish > "$staging/fish"
install -D -m 0644 "$staging/bash" "$root/usr/share/bash-completion/completions/sms-report"
install -D -m 0644 "$staging/zsh" "$root/usr/share/zsh/vendor-completions/_sms-report"
install -D -m 0644 "$staging/fish" "$root/usr/share/fish/vendor_completions.d/sms-report.fish"

install -D -m 0644 packaging/systemd/sms-report.service "$root/lib/systemd/system/sms-report.service"
install -D -m 0644 packaging/systemd/sms-report.timer "$root/lib/systemd/system/sms-report.timer"

install -D -m 0644 packaging/config.example.yaml "$doc/examples/config.yaml"
install -D -m 0644 packaging/debian/copyright "$doc/copyright"
install -m 0644 docs/install.md "$doc/install.md"
gzip -9nc CHANGELOG.md > "$doc/CHANGELOG.md.gz"
# A native package's Debian changelog: one entry per release, pointing at CHANGELOG.md.
{
    printf 'sms-report (%s) stable; urgency=medium\n\n' "$version"
    printf '  * Release %s: see /usr/share/doc/sms-report/CHANGELOG.md.gz.\n\n' "$version"
    printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.gz"

# Depends: what the binary links (dpkg-shlibdeps fails on a library no package ships,
# such as one under the Swift toolchain's folder), then the packages above.
mkdir -p "$staging/shlibs/debian"
printf 'Source: sms-report\n\nPackage: sms-report\nArchitecture: any\n' > "$staging/shlibs/debian/control"
shlibs=$(cd "$staging/shlibs" && dpkg-shlibdeps -O "$root/usr/bin/sms-report")
shlibs=${shlibs#shlibs:Depends=}
depends="$shlibs, $extra_depends"

install -d -m 0755 "$root/DEBIAN"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" \
    packaging/debian/control.in > "$root/DEBIAN/control"
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out_dir"
rm -f "$out_dir"/sms-report_*.deb   # one package in dist/, which the Containerfile copies
deb="$out_dir/sms-report_${version}_${arch}.deb"
# gzip: 15 s of CPU for a 150 MB debug binary where xz takes 3 minutes (bookworm's lintian
# refuses zstd).
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "$deb: Depends: $depends"
