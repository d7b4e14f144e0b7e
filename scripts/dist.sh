#!/usr/bin/env bash
# `make dist`: builds sms-report with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), strips it into OUT_DIR/sms-report, and checks that it needs
# nothing but the system's C libraries: glibc, libstdc++ and libgcc_s (the C++ runtime
# the Swift runtime uses), zlib, libxlsxwriter (which brings libminizip and OpenSSL's
# libcrypto), and librsvg with the cairo and GLib libraries its pkg-config names (the
# email's charts as PNG; they bring pango, fontconfig and freetype). A library under the
# Swift toolchain's folder, or one not found, fails.
# Usage: dist.sh CONFIG OUT_DIR   (CONFIG: release, or debug for a quick relink of the
# debug build, e.g. in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
config=$1
out_dir=$2
swift=${SWIFT:-swift}

bin_path=$("$swift" build -c "$config" --show-bin-path)
# SwiftPM does not recompile a module when only --static-swift-stdlib changes, but the
# executable's objects name the runtime's libraries (autolink): the static runtime needs
# more of them than the shared one. So the executable's module (a few files) is
# recompiled for the static link, and again by the next plain `swift build`.
executable_module="$bin_path/sms_report.build"
rm -f "$executable_module"/*.o
trap 'rm -f "$executable_module"/*.o' EXIT
"$swift" build -c "$config" --product sms-report --static-swift-stdlib --disable-local-rpath \
    -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
mkdir -p "$out_dir"
strip --remove-section=.comment -o "$out_dir/sms-report.tmp" "$bin_path/sms-report"
mv "$out_dir/sms-report.tmp" "$out_dir/sms-report"

# What the binary itself links (NEEDED) must be on this list; what those libraries link
# in turn (ldd: libxlsxwriter's libminizip and libcrypto) must be found, and nothing may
# come from the Swift toolchain's folder.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "$swift")")")")
allowed='^(ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libz\.so\.1|libxlsxwriter\.so\.[0-9]+|librsvg-2\.so\.2|libcairo\.so\.2|libgobject-2\.0\.so\.0|libglib-2\.0\.so\.0|libgio-2\.0\.so\.0|libgdk_pixbuf-2\.0\.so\.0)$'
needed=$(readelf -d "$out_dir/sms-report" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
libraries=$(ldd "$out_dir/sms-report")
unexpected=$(grep -Ev "$allowed" <<<"$needed" || true)
if grep -q "not found" <<<"$libraries" || grep -qF "$toolchain" <<<"$libraries" || [ -n "$unexpected" ]; then
    echo "dist.sh: $out_dir/sms-report links more than the system's C libraries${unexpected:+ (${unexpected//$'\n'/, })}:" >&2
    echo "$libraries" >&2
    exit 1
fi
echo "$out_dir/sms-report: $(stat -c %s "$out_dir/sms-report") bytes ($config, static Swift runtime, stripped)"
echo "  links: $(tr '\n' ' ' <<<"$needed")"
echo "  and through them: $(awk '{print $1}' <<<"$libraries" | grep -vxF -f <(echo "$needed"; echo linux-vdso.so.1; echo /lib64/ld-linux-x86-64.so.2) | tr '\n' ' ')"
