"""`make package-test`: the Debian package proven on a clean Debian root (issue 18).

There is no container engine on the project's machines, so this does what
deploy/container/Containerfile does: a `debootstrap --variant=minbase bookworm` root
(made once and kept as a tarball in PACKAGE_TEST_CACHE, /var/cache/sms-report-test,
outside the clone; each run unpacks a fresh copy), the package installed in it with
apt (dependencies from Debian's mirror; downloaded .debs are kept in the cache), then
the nightly job's commands inside it with chroot, as the sms-report user where the
service would run them: among them a whole `run` against the host's API simulator and
an SMTP server on 127.0.0.1 (the root shares the host's loopback). /proc is mounted for
the run and always unmounted; the copy is deleted only once nothing is mounted in it.

Needs root (debootstrap, chroot, mount), the package (SMS_REPORT_DEB names the .deb
that `make package-test` built) and the debug build's sms-api-sim.
"""
import csv
import fcntl
import io
import os
import shutil
import subprocess
import sys
import tempfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from conftest import Simulator  # noqa: E402 (the integration tests' simulator on 127.0.0.1)
from smtp_server import SMTPTestServer  # noqa: E402 (aiosmtpd on 127.0.0.1)
from test_email_charts import html_part, img_tags, inline_images  # noqa: E402 (how the email tests read the message)
from test_run import FAST, PERIOD, WORLD  # noqa: E402 (the nightly-run tests' simulated world)

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="needs root for debootstrap, chroot and mount: run `make package-test` as root")

REPO = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("PACKAGE_TEST_CACHE", "/var/cache/sms-report-test"))
SUITE = "bookworm"
PRISTINE = CACHE / f"{SUITE}-minbase.tar"
VERSION = (REPO / "VERSION").read_text().strip()
# The secrets of the example config, as an operator puts them in /etc/sms-report/secrets.env.
SECRETS = "ACME_SMS_TOKEN=acme-test-token\nGLOBEX_SMS_TOKEN=globex-test-token\nSMTP_PASSWORD=smtp-test-password\n"
# Lintian's remaining tags, each with why it stays (docs/install.md repeats them).
EXPLAINED_LINTIAN_TAGS = {
    # Statically linked on purpose (--static-swift-stdlib and SwiftPM's vendored C code):
    # Yams compiles libyaml in, and a Swift library linked in carries its own zlib copy.
    "embedded-library": "libyaml (Yams) and a zlib copy compiled into the static binary",
    # SwiftPM compiles the vendored C code (BoringSSL, SQLite, libyaml) without
    # _FORTIFY_SOURCE; the Swift code itself is bounds-checked.
    "hardening-no-fortify-functions": "vendored C code built by SwiftPM without _FORTIFY_SOURCE",
    # Strings of ICU, BoringSSL and other linked-in libraries, not ours.
    "spelling-error-in-binary": "strings of third-party libraries linked in",
}


def run(*command, check=True, **options):
    """Runs a host command; on failure the assertion shows its output."""
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, **options)
    if check:
        assert result.returncode == 0, f"{' '.join(map(str, command))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


def pristine_root():
    """The cached minbase tarball, made by debootstrap on the first run (about 3 minutes)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not PRISTINE.exists():
            folder = CACHE / "bootstrap.tmp"
            assert not mounts_under(folder), f"{folder} has mounts left; unmount them first"
            shutil.rmtree(folder, ignore_errors=True)
            mirror = [os.environ["DEBIAN_MIRROR"]] if os.environ.get("DEBIAN_MIRROR") else []
            run("debootstrap", "--variant=minbase", SUITE, folder, *mirror)
            run("tar", "-C", folder, "-cf", f"{PRISTINE}.tmp", ".")
            os.replace(f"{PRISTINE}.tmp", PRISTINE)
            shutil.rmtree(folder)
    return PRISTINE


def mounts_under(folder):
    """The mount points at or under `folder`, deepest first."""
    prefix = str(Path(folder).resolve())
    points = []
    for line in Path("/proc/self/mounts").read_text().splitlines():
        point = line.split()[1].replace("\\040", " ")
        if point == prefix or point.startswith(prefix + "/"):
            points.append(point)
    return sorted(points, key=len, reverse=True)


def in_root(root, *command, user=None, env_file=None, check=True):
    """Runs `command` in the root with chroot, as root or, like the service, as `user`:
    root reads `env_file` (0600) first, then drops to `user` (runuser) as systemd does."""
    script = 'exec "$@"'
    if env_file:
        script = f'set -a; . {env_file}; set +a; exec "$@"'
    prefix = ["runuser", "-u", user, "--"] if user else []
    environment = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": "/root",
                   "DEBIAN_FRONTEND": "noninteractive"}
    return run("chroot", root, "/bin/sh", "-c", script, "sh", *prefix, *command, check=check, env=environment)


@pytest.fixture(scope="module")
def deb():
    path = os.environ.get("SMS_REPORT_DEB")
    assert path, "SMS_REPORT_DEB is unset: run `make package-test`, which builds the package and sets it"
    assert Path(path).is_file(), f"SMS_REPORT_DEB={path} is not a file"
    return Path(path).resolve()


@pytest.fixture(scope="module")
def root(deb):
    """A fresh copy of the minbase root with the package and man-db installed by apt."""
    tarball = pristine_root()
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=CACHE))
    archives = CACHE / "apt-archives"
    (archives / "partial").mkdir(parents=True, exist_ok=True)
    try:
        run("tar", "-C", folder, "-xf", tarball)
        shutil.copy("/etc/resolv.conf", folder / "etc/resolv.conf")
        run("mount", "-t", "proc", "proc", folder / "proc")
        run("mount", "--bind", archives, folder / "var/cache/apt/archives")
        shutil.copy(deb, folder / "tmp" / deb.name)
        in_root(folder, "apt-get", "update", "-qq")
        in_root(folder, "apt-get", "install", "-y", "-qq", "--no-install-recommends", f"/tmp/{deb.name}", "man-db")
        yield folder
    finally:
        for point in mounts_under(folder):
            if subprocess.run(["umount", point]).returncode != 0:
                subprocess.run(["umount", "--lazy", point])
        left = mounts_under(folder)
        assert not left, f"could not unmount {left}; {folder} is kept so nothing outside it is deleted"
        shutil.rmtree(folder)


def test_lintian_finds_nothing_unexplained(deb):
    result = run("lintian", "--no-cfg", "--display-info", "--tag-display-limit", "0", deb, check=False)
    tags = {}
    for line in result.stdout.splitlines():
        kind, _, rest = line.partition(": ")
        if kind in {"E", "W", "I"}:
            tags.setdefault(rest.split()[1], []).append(line)
    unexplained = {tag: lines for tag, lines in tags.items() if tag not in EXPLAINED_LINTIAN_TAGS}
    assert not unexplained, f"lintian: {unexplained}"
    assert result.returncode == 0 or tags, result.stderr


def test_systemd_accepts_both_units(deb, tmp_path):
    """systemd-analyze verify, with the package unpacked as the root it checks the units
    against (ExecStart's binary, the man page of Documentation=) and the host's units
    (timers.target, network-online.target) beside them. Any warning fails."""
    run("dpkg-deb", "-x", deb, tmp_path)
    units = tmp_path / "lib/systemd/system"
    for unit in Path("/lib/systemd/system").iterdir():
        if unit.is_file() and not (units / unit.name).exists():
            shutil.copy(unit, units / unit.name)
    result = run("systemd-analyze", "verify", f"--root={tmp_path}", "/lib/systemd/system/sms-report.service",
                 "/lib/systemd/system/sms-report.timer", env={**os.environ, "MANPATH": str(tmp_path / "usr/share/man")})
    assert result.stdout + result.stderr == "", result.stdout + result.stderr


def test_version_names_the_version_file_and_the_commit(root):
    commit = run("git", "-C", REPO, "rev-parse", "--short=12", "HEAD").stdout.strip()
    printed = in_root(root, "sms-report", "--version", user="sms-report").stdout.strip()
    assert printed.startswith(f"{VERSION} (commit {commit}"), printed


def test_the_binary_needs_no_swift_toolchain(root):
    assert not (root / "opt/swift").exists(), "the clean root has no Swift toolchain"
    libraries = in_root(root, "ldd", "/usr/bin/sms-report").stdout
    assert "not found" not in libraries, libraries
    assert "/opt/swift" not in libraries and "libswift" not in libraries and "libFoundation" not in libraries, libraries
    assert "libxlsxwriter.so" in libraries, libraries


def test_the_package_made_the_user_and_the_folders(root):
    user = in_root(root, "getent", "passwd", "sms-report").stdout.strip().split(":")
    assert int(user[2]) < 1000, f"a system user: {user}"
    assert user[5] == "/var/lib/sms-report" and user[6] == "/usr/sbin/nologin", user
    state = root / "var/lib/sms-report"
    assert (state.stat().st_uid, oct(state.stat().st_mode & 0o777)) == (int(user[2]), "0o750")
    secrets = root / "etc/sms-report/secrets.env"
    assert (secrets.stat().st_uid, oct(secrets.stat().st_mode & 0o777)) == (0, "0o600")
    assert (root / "etc/sms-report/config.yaml.lock").stat().st_uid == int(user[2])
    for path in ["lib/systemd/system/sms-report.service", "lib/systemd/system/sms-report.timer",
                 "usr/share/bash-completion/completions/sms-report", "usr/share/zsh/vendor-completions/_sms-report",
                 "usr/share/fish/vendor_completions.d/sms-report.fish",
                 "usr/share/doc/sms-report/examples/config.yaml"]:
        assert (root / path).is_file(), path


def test_man_page_renders(root):
    page = in_root(root, "man", "-P", "cat", "sms-report").stdout
    for text in ["NAME", "sms-report", "SYNOPSIS", "run", "report", "--config", "Exit codes"]:
        assert text in page, f"{text!r} not in the man page:\n{page[:2000]}"


def test_report_on_the_bundled_sample_writes_every_format(root):
    shutil.copytree(REPO / "samples/rich", root / "tmp/rich")
    out = "/var/lib/sms-report/sample-report"
    result = in_root(root, "sms-report", "report", "--snapshot", "/tmp/rich", "--out", out,
                     user="sms-report", check=False)
    assert result.returncode in (0, 3), result.stderr
    written = root / out.lstrip("/")
    with open(written / "summary.csv", newline="", encoding="utf-8-sig") as summary:
        assert len(list(csv.reader(summary))) > 1
    assert (written / "report.xlsx").read_bytes()[:2] == b"PK"
    assert "</html>" in (written / "report.html").read_text()
    assert (written / "report.txt").read_text().strip()
    owners = {path.stat().st_uid for path in written.rglob("*")}
    assert owners == {(root / "var/lib/sms-report").stat().st_uid}, "written by the sms-report user"


def test_run_check_accepts_the_example_config(root):
    in_root(root, "install", "-m", "644", "/usr/share/doc/sms-report/examples/config.yaml",
            "/etc/sms-report/config.yaml")
    (root / "etc/sms-report/secrets.env").write_text(SECRETS)
    result = in_root(root, "sms-report", "run", "--config", "/etc/sms-report/config.yaml", "--check",
                     user="sms-report", env_file="/etc/sms-report/secrets.env")
    assert "acme" in result.stdout + result.stderr and "globex" in result.stdout + result.stderr
    assert "test-token" not in result.stdout + result.stderr and "smtp-test-password" not in result.stdout + result.stderr
    unreadable = in_root(root, "cat", "/etc/sms-report/secrets.env", user="sms-report", check=False)
    assert unreadable.returncode != 0, "the service user cannot read the secrets"


def test_the_nightly_job_fetches_reports_and_emails_its_charts(root, tmp_path):
    """`run` as the service runs it (its config, secrets and lock file, as its user),
    against the host's API simulator and a real SMTP server on 127.0.0.1 (the root
    shares the host's loopback): the email's charts are drawn by the packaged librsvg
    with the fonts the package depends on."""
    token = "package-test-token"
    simulator = Simulator(*WORLD, token=token)
    try:
        with SMTPTestServer(tmp_path / "smtp", mode="plain") as server:
            (root / "etc/sms-report/config.yaml").write_text(
                "output_dir: /var/lib/sms-report/nightly\n"
                "accounts:\n"
                f"  - {{name: acme, base_url: '{simulator.base_url}', token_env: ACME_SMS_TOKEN, email_to: [ops@acme.example]}}\n"
                f"smtp: {{host: 127.0.0.1, port: {server.port}, security: none, from: 'SMS Reports <reports@example.com>'}}\n")
            (root / "etc/sms-report/secrets.env").write_text(f"ACME_SMS_TOKEN={token}\n")
            result = in_root(root, "sms-report", "run", "--config", "/etc/sms-report/config.yaml",
                             "--period", PERIOD, *FAST, user="sms-report", env_file="/etc/sms-report/secrets.env", check=False)
            messages = [message for _, message in server.messages()]
    finally:
        simulator.stop()
    assert result.returncode == 0, result.stderr
    assert token not in result.stdout + result.stderr
    assert len(messages) == 1
    message = BytesParser(policy=policy.default).parsebytes(messages[0])
    related, html = html_part(message)
    assert "<svg" not in html
    images = inline_images(related)
    tags = img_tags(html)
    assert len(tags) >= 3, html[:2000]
    for tag in tags:
        part = images[tag["src"].removeprefix("cid:")]
        picture = Image.open(io.BytesIO(part.get_content()))
        assert part.get_content_type() == "image/png" and picture.format == "PNG", tag["src"]
        assert picture.size == (2 * int(tag["width"]), 2 * int(tag["height"])), tag["src"]
    assert (root / f"var/lib/sms-report/nightly/acme/{PERIOD}/report.xlsx").is_file()


def test_remove_keeps_config_and_data_purge_keeps_only_data(root):
    # The link `systemctl enable sms-report.timer` makes (no systemd runs in the root).
    wants = root / "etc/systemd/system/timers.target.wants"
    wants.mkdir(parents=True, exist_ok=True)
    (wants / "sms-report.timer").symlink_to("/lib/systemd/system/sms-report.timer")
    in_root(root, "apt-get", "remove", "-y", "-qq", "sms-report")
    assert not (root / "usr/bin/sms-report").exists()
    assert not (root / "lib/systemd/system/sms-report.timer").exists()
    assert not (wants / "sms-report.timer").is_symlink(), "remove disables the timer"
    assert (root / "etc/sms-report/config.yaml").is_file() and (root / "etc/sms-report/secrets.env").is_file()
    in_root(root, "apt-get", "purge", "-y", "-qq", "sms-report")
    assert not (root / "etc/sms-report").exists()
    assert (root / "var/lib/sms-report/sample-report/summary.csv").is_file(), "the reports are data: kept"
    in_root(root, "getent", "passwd", "sms-report")
    # docs/install.md's "To delete everything".
    in_root(root, "rm", "-rf", "/var/lib/sms-report")
    in_root(root, "deluser", "--system", "sms-report")
    in_root(root, "delgroup", "--system", "sms-report")
    assert in_root(root, "getent", "passwd", "sms-report", check=False).returncode == 2
    assert in_root(root, "getent", "group", "sms-report", check=False).returncode == 2
