"""What the issue-16 benchmark scripts share: where things are, the cached snapshots,
warming the page cache, and measuring one child process (wall, CPU, peak RSS).

Not a benchmark itself; imported by compare_csv.py, scaling_benchmark.py and
nightly_benchmark.py.
"""
import errno
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_BIN = ROOT / ".build" / "release"
EPOCH = "1762300800"  # SOURCE_DATE_EPOCH for every report, so runs write the same bytes
JSON_BYTES_PER_DELIVERY = 560  # a snapshot of pages of 50 holds about 560 MB of JSON per million


# Linux's free page reporting (virtio-balloon): free blocks of 2^order pages or more are
# handed back to the host, which faults each page in again (and zeroes it) when the
# guest next touches it. The parameter reads -1 when no device reports; an order above
# the largest (10 on x86_64) reports nothing, where the kernel accepts one (some check
# the range and refuse it: EINVAL).
PAGE_REPORTING = Path("/sys/module/page_reporting/parameters")
PAGE_REPORTING_ORDER = PAGE_REPORTING / "page_reporting_order"
LARGEST_PAGE_ORDER = 10


def page_reporting_order():
    """The kernel's free page reporting order; None where nothing reports."""
    try:
        order = int(PAGE_REPORTING_ORDER.read_text())
    except (OSError, ValueError):
        return None
    return order if order >= 0 else None


def page_reporting_note():
    """A line for a benchmark's header when this machine hands free memory back to its
    host (then a run that needs more fresh memory pays more per byte: docs/performance.md,
    "Fresh memory on this machine"); None when it does not."""
    order = page_reporting_order()
    if order is None:
        return None
    if order > LARGEST_PAGE_ORDER:
        return f"free page reporting: held off (page_reporting_order {order})"
    return (f"free page reporting: on (page_reporting_order {order}): memory freed by earlier runs is back "
            "with the host, and a run faults in again every page it touches first")


def _write_order(order):
    try:
        PAGE_REPORTING_ORDER.write_text(str(order))
    except OSError as error:
        reason = "it needs root" if error.errno in (errno.EPERM, errno.EACCES) else error.strerror
        sys.exit(f"error: cannot set page_reporting_order to {order} ({reason})")
    if page_reporting_order() != order:
        sys.exit(f"error: page_reporting_order stayed {page_reporting_order()} after writing {order}")


@contextmanager
def page_reporting_held_off():
    """Holds free page reporting off while the block runs (root only: it writes
    PAGE_REPORTING_ORDER) and puts the order back after, however the block ends (an
    exception, Ctrl-C, SIGTERM or SIGHUP). For measuring the program apart from its
    host's refaults; the machine's own setting is what a run meets otherwise. Does
    nothing where nothing reports."""
    order = page_reporting_order()
    if order is None:
        print("free page reporting: none on this machine; nothing to hold off", file=sys.stderr)
        yield
        return

    def leave(signum, _frame):
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, leave) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        _write_order(LARGEST_PAGE_ORDER + 1)
        yield
    finally:
        try:
            PAGE_REPORTING_ORDER.write_text(str(order))
        except OSError as error:
            print(f"warning: could not put page_reporting_order back to {order} ({error.strerror}); "
                  f"write it to {PAGE_REPORTING_ORDER} by hand", file=sys.stderr)
        for number, handler in previous.items():
            signal.signal(number, handler)


def add_bin_option(parser):
    parser.add_argument("--bin", type=Path, default=DEFAULT_BIN,
                        help="folder with the release binaries sms-report, sms-sample, sms-api-sim "
                             f"(default: {DEFAULT_BIN})")


def binary(folder, name):
    path = Path(folder) / name
    if not os.access(path, os.X_OK):
        sys.exit(f"error: {path} is not an executable; build it (swift build -c release --product {name}) "
                 "or point --bin at a folder that has it")
    return path


def snapshot(bin_folder, size):
    """bench-data/snapshot-SIZE, generated as report_benchmark.py does when missing."""
    folder = DATA / f"snapshot-{size}"
    if not (folder / "manifest.json").exists():
        DATA.mkdir(exist_ok=True)
        print(f"generating {size:,} deliveries (about {size * JSON_BYTES_PER_DELIVERY / 1e6:,.0f} MB of JSON) "
              f"into {folder}", file=sys.stderr)
        started = time.monotonic()
        subprocess.run([binary(bin_folder, "sms-sample"), "--out", folder, "--deliveries", str(size), "--days", "30",
                        "--page-size", "50", "--seed", "42", "--force"], check=True, stdout=subprocess.DEVNULL)
        print(f"generated in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return folder


def warm(folder):
    """Reads every file under `folder` once, so that a run measures the program and not
    the disk (this machine's kernel reclaims idle page cache eagerly)."""
    for path in Path(folder).rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                while handle.read(1 << 20):
                    pass


@dataclass
class Measurement:
    wall: float
    cpu: float
    peak_rss: int  # bytes
    exit_code: int
    stdout: str
    stderr: str


def measure(command, env=None, timeout=None, ok_codes=(0,)):
    """Runs `command` and returns its wall time, CPU time (user + system) and peak RSS,
    taken from wait4 on that child alone (its own children are not counted). Past
    `timeout` seconds the child is killed and the script stops."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        process = subprocess.Popen([str(c) for c in command], stdout=out, stderr=err, env=env)
        killer = threading.Timer(timeout, process.kill) if timeout else None
        if killer:
            killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - started
        if killer:
            killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if timeout and wall >= timeout:
        sys.exit(f"error: {command[0]} took over {timeout} s; stopped")
    if process.returncode not in ok_codes:
        sys.exit(f"error: {' '.join(map(str, command[:2]))} failed with exit {process.returncode}: {stderr.strip()}")
    return Measurement(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, process.returncode,
                       stdout, stderr)


def mb(value):
    return value / 1e6
