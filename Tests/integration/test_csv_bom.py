"""CSV files that Excel opens right (issue 21; contract §5, §8): the CSVs inside the
emailed `report-csv.zip` start with a UTF-8 BOM, the files on disk have none by
default, and `csv_bom` (`email`, `always`, `never`) or `report --csv-bom` choose
otherwise. A nightly run mails through a real SMTP server on 127.0.0.1 (aiosmtpd);
the zip is read back with Python's `email` and `zipfile`, the CSVs with `csv`, and
one is opened in LibreOffice and read back with openpyxl."""
import csv
import io
import re
import shutil
import subprocess
import zipfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT, run_command, run_report
from smtp_server import SMTPTestServer
from test_run import PERIOD, TOKENS, WORLD, run, write_config

BOM = b"\xef\xbb\xbf"
DEVANAGARI = re.compile("[\u0900-\u097f]")
SOFFICE = shutil.which("soffice")


def zipped_csvs(eml_bytes):
    """The entries of the message's `report-csv.zip`, by name, as bytes."""
    message = BytesParser(policy=policy.default).parsebytes(eml_bytes)
    payload = next(part.get_content() for part in message.iter_attachments()
                   if part.get_filename() == "report-csv.zip")
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def csv_rows(data, encoding):
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def devanagari_cells(rows):
    """(row, column) → text of every cell with Devanagari in it."""
    return {(r, c): text for r, row in enumerate(rows) for c, text in enumerate(row) if DEVANAGARI.search(text)}


def opened_in_libreoffice(data, name, tmp_path):
    """The cell texts of the CSV `data` after LibreOffice converts it to xlsx (read as
    UTF-8, as its import dialog does for such a file), read with openpyxl."""
    source = tmp_path / "lo-in" / name
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "lo-out"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                            capture_output=True, text=True, timeout=300)
    workbook = out / (source.stem + ".xlsx")
    assert result.returncode == 0 and workbook.exists(), result.stderr
    sheet = openpyxl.load_workbook(workbook).active
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def run_with_email(simulator, tmp_path, **settings):
    """One account's nightly run whose email goes through aiosmtpd; returns the report
    folder and the zipped CSVs that arrived."""
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="plain") as server:
        config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                              smtp={"host": "127.0.0.1", "port": server.port, "security": "none",
                                    "from": '"SMS Reports <reports@example.com>"'}, formats="[csv]", **settings)
        result = run(config)
        received = sorted(Path(server.out).glob("*.eml"))
        assert result.returncode == 0, result.stderr
        assert len(received) == 1
        return tmp_path / "reports" / "acme" / PERIOD, zipped_csvs(received[0].read_bytes())


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is needed; scripts/setup.sh installs it")
def test_the_emailed_csvs_start_with_a_bom_and_read_back_as_the_files_on_disk(simulator, tmp_path):
    folder, zipped = run_with_email(simulator, tmp_path)
    on_disk = {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}
    assert sorted(zipped) == sorted(on_disk)
    for name, data in zipped.items():
        assert data.startswith(BOM), name
        assert not on_disk[name].startswith(BOM), f"{name} on disk has no BOM by default"
        assert data == BOM + on_disk[name], name
        assert csv_rows(data, "utf-8-sig") == csv_rows(on_disk[name], "utf-8"), name
    deliveries = csv_rows(zipped["deliveries.csv"], "utf-8-sig")
    nepali = devanagari_cells(deliveries)
    assert nepali, "the simulator's world sends Nepali texts"
    opened = opened_in_libreoffice(zipped["deliveries.csv"], "deliveries.csv", tmp_path)
    assert opened[0] == deliveries[0], "the BOM is not part of the first header"
    assert {cell: opened[cell[0]][cell[1]] for cell in nepali} == nepali


@pytest.mark.parametrize("choice", ["never", "always"])
def test_csv_bom_never_marks_nothing_and_always_marks_every_file_once(simulator, tmp_path, choice):
    folder, zipped = run_with_email(simulator, tmp_path, csv_bom=choice)
    on_disk = {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}
    assert zipped == on_disk, "the zip holds the files on disk as they are"
    for name, data in on_disk.items():
        assert data.startswith(BOM) == (choice == "always"), name
        assert not data[len(BOM):].startswith(BOM), f"{name} has one BOM, not two"


def test_report_csv_bom_writes_the_bom_on_disk(tmp_path):
    snapshot = ROOT / "samples" / "rich"
    plain = run_report("--snapshot", snapshot, "--out", tmp_path / "plain", "--format", "csv")
    marked = run_report("--snapshot", snapshot, "--out", tmp_path / "marked", "--format", "csv", "--csv-bom")
    assert plain.returncode == 0 and marked.returncode == 0, plain.stderr + marked.stderr
    names = sorted(path.name for path in (tmp_path / "plain").glob("*.csv"))
    assert names and names == sorted(path.name for path in (tmp_path / "marked").glob("*.csv"))
    for name in names:
        data = (tmp_path / "marked" / name).read_bytes()
        assert data == BOM + (tmp_path / "plain" / name).read_bytes(), name
    deliveries = csv_rows((tmp_path / "marked" / "deliveries.csv").read_bytes(), "utf-8-sig")
    assert devanagari_cells(deliveries), "the rich sample's Nepali texts read back intact"


def test_an_unknown_csv_bom_is_a_config_error_naming_key_and_line(tmp_path):
    config = write_config(tmp_path, [("acme", "http://127.0.0.1:9", "HEALTHY_TOKEN", [])], csv_bom="sometimes")
    result = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert result.returncode == 2
    assert "csv_bom" in result.stderr and ":3:" in result.stderr and "sometimes" in result.stderr
