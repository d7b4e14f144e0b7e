"""Client billing (contract §7): `sms-report billing` and `report --rate-card`, read
back with Python's csv and openpyxl. Segments are recounted here with an independent
GSM 03.38 counter, amounts recomputed with Python's decimal module, and the billing
lines reconciled with the deliveries sheet and CSV."""
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

import openpyxl
import pytest

from conftest import ROOT, read_csv, run_command, run_report, unguard

RICH = ROOT / "samples" / "rich"
# The card the tests write; its prices have 3 and 4 decimals so that rounding matters.
CARD = {"currency": "NPR", "default": "0.50",
        "operators": {"NTC": "0.40", "NCELL": "0.45", "SMART": "0.355", "UTL": "0.4875"},
        "billable_statuses": ["delivered", "sent", "pending", "undeliverable", "failed", "expired", "unknown"]}
COLUMNS = ["account", "month", "operator", "deliveries", "billable_deliveries", "segments", "billable_segments",
           "rate", "amount", "currency"]

# GSM 03.38 default alphabet and extension table (3GPP TS 23.038 §6.2.1).
GSM_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = set("\f^{}\\[~]|€")


def segments(text):
    """(encoding, segments) of a message, as contract §7 counts them."""
    if all(char in GSM_BASIC or char in GSM_EXTENSION for char in text):
        costs, single, part = [2 if char in GSM_EXTENSION else 1 for char in text], 160, 153
        encoding = "GSM-7"
    else:
        costs, single, part = [2 if ord(char) > 0xFFFF else 1 for char in text], 70, 67
        encoding = "UCS-2"
    if sum(costs) <= single:
        return encoding, 1
    parts, used = 1, 0
    for cost in costs:
        if used + cost > part:
            parts, used = parts + 1, cost
        else:
            used += cost
    return encoding, parts


def write_card(path, card=None, **changes):
    """Writes a rate card as YAML (flow style, prices quoted)."""
    card = dict(card or CARD, **changes)
    lines = []
    for key, value in card.items():
        if isinstance(value, dict):
            lines.append(f"{key}: {{ " + ", ".join(f'{name}: "{price}"' for name, price in value.items()) + " }")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        else:
            lines.append(f'{key}: "{value}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def money(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def billing(tmp_path, *extra, month="2025-11", card=None):
    out = tmp_path / "billing"
    card_path = card or write_card(tmp_path / "card.yaml")
    result = run_command("billing", "--snapshot", RICH, "--month", month, "--rate-card", card_path,
                         "--account", "acme", "--out", out, *extra)
    return result, out


def test_every_line_is_its_billable_segments_times_the_rate_rounded_half_to_even(tmp_path):
    result, out = billing(tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["billing.csv", "billing.xlsx"]
    with open(out / "billing.csv", newline="", encoding="utf-8") as handle:
        assert handle.readline().strip() == ",".join(COLUMNS)
    rows = read_csv(out / "billing.csv")
    lines, total = rows[:-1], rows[-1]
    assert [row["operator"] for row in lines] == sorted(row["operator"] for row in lines)
    assert total["operator"] == "TOTAL" and total["rate"] == ""
    for row in rows:
        assert (row["account"], row["month"], row["currency"]) == ("acme", "2025-11", "NPR")
        whole, _, cents = row["amount"].partition(".")
        assert whole.isdigit() and len(cents) == 2, row
    for row in lines:
        rate = CARD["operators"].get(row["operator"], CARD["default"])
        assert row["rate"] == rate
        assert Decimal(row["amount"]) == money(int(row["billable_segments"]) * Decimal(rate)), row
    for column in ["deliveries", "billable_deliveries", "segments", "billable_segments"]:
        assert int(total[column]) == sum(int(row[column]) for row in lines), column
    assert Decimal(total["amount"]) == sum(Decimal(row["amount"]) for row in lines)
    assert Decimal(total["amount"]) > 0


def invoice_lines(sheet):
    """The invoice's lines table: header, line rows, TOTAL row, as cell rows."""
    rows = list(sheet.iter_rows())
    start = next(index for index, row in enumerate(rows) if row[0].value == "Operator" and len(row) > 6
                 and row[6].value == "Amount")
    end = next(index for index in range(start, len(rows)) if rows[index][0].value == "TOTAL")
    return rows[start], rows[start + 1:end], rows[end]


def test_the_invoice_workbook_holds_numbers_in_the_currency_format(tmp_path):
    result, out = billing(tmp_path)
    assert result.returncode == 0, result.stderr
    csv_rows = read_csv(out / "billing.csv")
    workbook = openpyxl.load_workbook(out / "billing.xlsx")
    assert workbook.sheetnames == ["invoice 2025-11", "billing"]
    sheet = workbook["invoice 2025-11"]
    facts = {row[0].value: row[1].value for row in sheet.iter_rows(max_row=10) if row[0].value and len(row) > 1}
    assert facts["Account"] == "acme"
    assert facts["Period"].startswith("2025-11 (2025-11-01 to 2025-11-30, Asia/Kathmandu)")
    assert facts["Rate card"] == "card" and facts["Currency"] == "NPR"
    assert facts["Data"] == "complete"
    prices = {row[0].value: row[1] for row in sheet.iter_rows() if row[0].value in CARD["operators"]
              and isinstance(row[1].value, float)}
    for name, price in CARD["operators"].items():
        assert prices[name].value == float(price)
        assert "NPR" in prices[name].number_format

    _, lines, total = invoice_lines(sheet)
    assert [line[0].value for line in lines] == [row["operator"] for row in csv_rows[:-1]]
    for line, row in zip(lines, csv_rows):
        assert [cell.value for cell in line[1:5]] == [int(row[key]) for key in COLUMNS[3:7]]
        amount = line[6]
        assert amount.data_type == "n" and isinstance(amount.value, (int, float))
        assert amount.value == float(row["amount"])
        assert amount.number_format == "[$NPR] #,##0.00"
        assert line[5].value == float(row["rate"]) and "NPR" in line[5].number_format
    assert total[6].data_type == "n" and total[6].number_format == "[$NPR] #,##0.00"
    assert total[6].value == float(csv_rows[-1]["amount"])
    assert Decimal(str(total[6].value)) == sum(Decimal(str(line[6].value)) for line in lines)
    assert total[6].font.b

    table = list(workbook["billing"].iter_rows(values_only=True))
    assert list(table[0]) == COLUMNS
    assert [row[8] for row in table[1:]] == [float(row["amount"]) for row in csv_rows]


def test_billing_lines_reconcile_with_the_deliveries_sheet_and_csv(tmp_path):
    card = write_card(tmp_path / "card.yaml")
    out = tmp_path / "report"
    result = run_report("--snapshot", RICH, "--out", out, "--format", "csv,xlsx", "--rate-card", card,
                        "--account", "acme")
    assert result.returncode == 0, result.stderr
    lines = {(row["month"], row["operator"]): row for row in read_csv(out / "billing.csv") if row["operator"] != "TOTAL"}
    assert {month for month, _ in lines} == {"2025-10", "2025-11"}

    workbook = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    sheet_rows = workbook["deliveries"].iter_rows(values_only=True)
    header = list(next(sheet_rows))
    assert header[-3:] == ["encoding", "segments", "billable"]
    column = {name: index for index, name in enumerate(header)}
    from_sheet, deliveries_in_sheet = defaultdict(int), defaultdict(int)
    for row in sheet_rows:
        key = (row[column["day"]].strftime("%Y-%m"), row[column["operator"]])
        deliveries_in_sheet[key] += 1
        assert row[column["billable"]] is (row[column["status"]] != "rejected")
        if row[column["billable"]]:
            from_sheet[key] += row[column["segments"]]

    from_csv = defaultdict(int)
    for row in read_csv(out / "deliveries.csv"):
        assert "billable" not in row
        assert (row["encoding"], int(row["segments"])) == segments(unguard(row["message"])), row["message"]
        if row["status"] in CARD["billable_statuses"]:
            from_csv[(row["day"][:7], row["operator"])] += int(row["segments"])

    # A line with no billable delivery (INVALID in November: one rejected delivery) adds nothing.
    assert set(from_sheet) <= set(lines) and set(from_csv) <= set(lines)
    for key, line in lines.items():
        assert int(line["billable_segments"]) == from_sheet.get(key, 0) == from_csv.get(key, 0), key
    assert {key: int(line["deliveries"]) for key, line in lines.items()} == dict(deliveries_in_sheet)
    assert "billing" in workbook.sheetnames and "invoice 2025-11" in workbook.sheetnames


def test_the_billing_command_and_the_report_agree_on_a_month(tmp_path):
    result, out = billing(tmp_path)
    assert result.returncode == 0, result.stderr
    report = tmp_path / "report"
    assert run_report("--snapshot", RICH, "--out", report, "--format", "csv", "--from", "2025-11-01",
                      "--to", "2025-11-30", "--rate-card", tmp_path / "card.yaml", "--account", "acme").returncode == 0
    assert (out / "billing.csv").read_bytes() == (report / "billing.csv").read_bytes()


def test_a_month_without_deliveries_is_a_zero_invoice(tmp_path):
    result, out = billing(tmp_path, month="2025-12")
    assert result.returncode == 0, result.stderr
    assert "no deliveries for acme in 2025-12" in result.stderr
    assert read_csv(out / "billing.csv") == [dict(zip(COLUMNS, ["acme", "2025-12", "TOTAL", "0", "0", "0", "0", "",
                                                                "0.00", "NPR"]))]
    _, lines, total = invoice_lines(openpyxl.load_workbook(out / "billing.xlsx")["invoice 2025-12"])
    assert lines == [] and total[6].value == 0


def test_an_unnamed_operator_is_billed_at_the_default_with_a_warning(tmp_path):
    card = write_card(tmp_path / "partial.yaml", operators={"NTC": "0.40"})
    result, out = billing(tmp_path, card=card)
    assert result.returncode == 0, result.stderr
    assert "NCELL" in result.stderr and "default price 0.50" in result.stderr
    rows = {row["operator"]: row for row in read_csv(out / "billing.csv")}
    assert rows["NCELL"]["rate"] == "0.50"


def test_an_operator_without_a_price_and_no_default_is_exit_2_and_writes_nothing(tmp_path):
    card = dict(CARD)
    del card["default"]
    result, out = billing(tmp_path, card=write_card(tmp_path / "strict.yaml", card))
    assert result.returncode == 2
    assert "has no price for operator INVALID" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("arguments, message", [
    (["--month", "2025-11", "--out", "x"], "--rate-card"),
    (["--month", "2025-13", "--rate-card", "card.yaml", "--out", "x"], "--month"),
    (["--month", "2025-11", "--rate-card", "card.yaml", "--timezone", "Mars/Base", "--out", "x"], "--timezone"),
])
def test_usage_errors_are_exit_2(tmp_path, arguments, message):
    write_card(tmp_path / "card.yaml")
    arguments = [str(tmp_path / value) if value in ("card.yaml", "x") else value for value in arguments]
    result = run_command("billing", "--snapshot", RICH, *arguments)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("price", ["-0.40", "abc", "0,40"])
def test_a_bad_price_is_exit_2(tmp_path, price):
    result, out = billing(tmp_path, card=write_card(tmp_path / "bad.yaml", default=price))
    assert result.returncode == 2, result.stderr
    assert price in result.stderr
    assert not out.exists()


def test_a_report_without_a_rate_card_has_no_billing(tmp_path):
    out = tmp_path / "out"
    assert run_report("--snapshot", RICH, "--out", out, "--format", "csv,xlsx").returncode == 0
    assert not (out / "billing.csv").exists()
    workbook = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    assert "billing" not in workbook.sheetnames


def test_the_same_month_gives_byte_identical_files(tmp_path):
    card = write_card(tmp_path / "card.yaml")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, first_out = billing(tmp_path / "a", card=card)
    second, second_out = billing(tmp_path / "b", card=card)
    assert first.returncode == second.returncode == 0
    for name in ["billing.csv", "billing.xlsx"]:
        assert (first_out / name).read_bytes() == (second_out / name).read_bytes(), name


def test_an_incomplete_snapshot_is_billed_and_flagged(tmp_path):
    import json
    import shutil
    snapshot = tmp_path / "snapshot"
    shutil.copytree(RICH, snapshot)
    manifest = json.loads((snapshot / "manifest.json").read_text())
    manifest.update(complete=False, reasons=["page 3 failed after 5 attempts"])
    (snapshot / "manifest.json").write_text(json.dumps(manifest))
    out = tmp_path / "out"
    result = run_command("billing", "--snapshot", snapshot, "--month", "2025-11", "--rate-card",
                         write_card(tmp_path / "card.yaml"), "--out", out)
    assert result.returncode == 3
    assert "INCOMPLETE" in result.stderr
    sheet = openpyxl.load_workbook(out / "billing.xlsx")["invoice 2025-11"]
    data = next(row[1] for row in sheet.iter_rows() if row[0].value == "Data")
    assert data.value == "INCOMPLETE: page 3 failed after 5 attempts" and data.font.b


def test_the_report_workbook_has_the_billing_and_invoice_sheets_after_the_tables(tmp_path):
    out = tmp_path / "report"
    result = run_report("--snapshot", RICH, "--out", out, "--format", "xlsx", "--rate-card",
                        write_card(tmp_path / "card.yaml"))
    assert result.returncode == 0, result.stderr
    names = openpyxl.load_workbook(out / "report.xlsx", read_only=True).sheetnames
    # The rich sample has a metrics snapshot, so the reconciliation sheet (contract §4) comes last.
    assert names[-5:] == ["deliveries", "billing", "invoice 2025-10", "invoice 2025-11", "reconciliation"]


def test_a_report_with_a_card_missing_a_rate_writes_nothing(tmp_path):
    card = dict(CARD)
    del card["default"]
    out = tmp_path / "report"
    result = run_report("--snapshot", RICH, "--out", out, "--format", "csv,xlsx", "--rate-card",
                        write_card(tmp_path / "strict.yaml", card))
    assert result.returncode == 2
    assert 'rate card "strict" has no price for operator INVALID' in result.stderr
    assert not out.exists()
