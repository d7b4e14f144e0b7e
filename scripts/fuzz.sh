#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a bounded time (`make fuzz`;
# docs/architecture.md lists what they read).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#   scripts/fuzz.sh --build-only
#
# SECONDS per target (default 60); TARGET is JSONScanner, ReportFileParser, PageSummary or
# ConfigReader (default: all four). The committed seeds in Fuzz/Corpus/<TARGET> are read,
# never written: new inputs go to .build-fuzz/corpus/<TARGET>, and a crash or a hang
# (10 s for one input) leaves its input in .build-fuzz/crashes/ and fails the script.
# --build-only builds the targets and stops (`make test` builds them in the background
# while the integration tests run; the run that follows finds them built).
set -euo pipefail

build_only=false
if [ "${1:-}" = "--build-only" ]; then
    build_only=true
    shift
fi

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(JSONScanner ReportFileParser PageSummary ConfigReader)
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got \"$seconds\"" >&2; exit 2;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-fuzz"
swift="${SWIFT:-swift}"
# The fuzz package pins the same dependency versions as the main package.
[ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$root/Fuzz/Package.resolved"

flags=(--package-path "$root/Fuzz" --scratch-path "$scratch" -c debug
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
started=$(date +%s)
mkdir -p "$scratch"
# The sanitizer build makes the linker warn thousands of times; keep that in a log.
if ! "$swift" build "${flags[@]}" >"$scratch/fuzz-build.log" 2>&1; then
    grep -v "ld.gold: warning" "$scratch/fuzz-build.log" | tail -n 40 >&2
    echo "fuzz.sh: the fuzz build failed (log: $scratch/fuzz-build.log)" >&2
    exit 1
fi
echo "fuzz build: $(( $(date +%s) - started )) s"
"$build_only" && exit 0
bin="$("$swift" build "${flags[@]}" --show-bin-path)"

mkdir -p "$scratch/crashes"
for target in "${targets[@]}"; do
    [ -d "$root/Fuzz/Corpus/$target" ] || { echo "fuzz.sh: unknown target $target (no $root/Fuzz/Corpus/$target)" >&2; exit 2; }
done

# Runs one target; its exit status is libFuzzer's (0: no crash, no hang).
fuzz_one() {
    local target="$1" work="$scratch/corpus/$1" log="$scratch/fuzz-$1.log"
    mkdir -p "$work"
    # -timeout: one input taking 10 s counts as a hang; -rss_limit_mb: as a memory blow-up.
    ASAN_OPTIONS="detect_leaks=0" "$bin/Fuzz$target" "$work" "$root/Fuzz/Corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$scratch/crashes/$target-" -print_final_stats=1 >"$log" 2>&1
}

# A libFuzzer process uses one core, so as many targets run side by side as there are
# cores: each still gets its SECONDS, and the whole run takes a fraction of the time.
parallel="$(nproc 2>/dev/null || echo 1)"
failed=()
for ((first = 0; first < ${#targets[@]}; first += parallel)); do
    batch=("${targets[@]:first:parallel}")
    echo "fuzzing ${batch[*]} for $seconds s"
    pids=()
    for target in "${batch[@]}"; do
        fuzz_one "$target" &
        pids+=($!)
    done
    for index in "${!batch[@]}"; do
        target="${batch[$index]}"
        if wait "${pids[$index]}"; then status=0; else status=$?; fi
        tail -n 12 "$scratch/fuzz-$target.log"
        if [ "$status" -ne 0 ]; then
            echo "fuzz.sh: $target failed (exit $status); the input is in $scratch/crashes/" >&2
            failed+=("$target")
        fi
    done
done
[ ${#failed[@]} -eq 0 ] || exit 1
echo "fuzzing passed: ${targets[*]}"
