"""The SMTP test server itself, driven by Python's smtplib (a second, independent
client): every mode works, AUTH and refusals behave like a real server, and what it
saves reads back. The Swift tests (Tests/SMSReportTests/Deliver) and the end-to-end
tests of `run` rely on it."""
import smtplib
import ssl
from email.message import EmailMessage

import pytest

from smtp_server import SMTPTestServer, inspect_folder

USER, PASSWORD = "reports@example.com", "secret-pw"


def message():
    mail = EmailMessage()
    mail["From"] = "SMS Reports <reports@example.com>"
    mail["To"] = "ops@acme.example"
    mail["Subject"] = "SMS report · acme · 2025-11-04"
    mail.set_content("report\n.a dot line\n")
    mail.add_attachment(b"PK\x05\x06" + b"\x00" * 18, maintype="application", subtype="zip", filename="report-csv.zip")
    return mail


@pytest.mark.parametrize("mode", ["plain", "starttls", "tls"])
def test_each_mode_accepts_authenticated_mail_and_saves_it(tmp_path, mode):
    with SMTPTestServer(tmp_path, mode=mode, auth=(USER, PASSWORD)) as server:
        context = ssl.create_default_context(cafile=server.ca_file) if server.ca_file else None
        client = smtplib.SMTP_SSL("127.0.0.1", server.port, context=context) if mode == "tls" \
            else smtplib.SMTP("127.0.0.1", server.port)
        with client:
            if mode == "starttls":
                client.starttls(context=context)
            client.login(USER, PASSWORD)
            client.send_message(message())
        [saved] = inspect_folder(tmp_path)
    assert [option.split("=")[0] for option in saved["envelope"].pop("mail_options")] == ["SIZE"]
    assert saved["envelope"] == {"mail_from": USER, "rcpt_tos": ["ops@acme.example"],
                                 "authenticated_as": USER, "tls": mode != "plain"}
    assert saved["message"]["subject"] == "SMS report · acme · 2025-11-04"
    assert saved["message"]["text"].replace("\r\n", "\n") == "report\n.a dot line\n"
    assert saved["message"]["attachments"][0]["filename"] == "report-csv.zip"
    assert saved["message"]["attachments"][0]["zip_entries"] == {}


def test_starttls_is_required_before_mail(tmp_path):
    with SMTPTestServer(tmp_path, mode="starttls") as server, smtplib.SMTP("127.0.0.1", server.port) as client:
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.send_message(message())
    assert refused.value.smtp_code == 530


def test_wrong_password_and_refused_recipient(tmp_path):
    with SMTPTestServer(tmp_path, auth=(USER, PASSWORD), refuse_rcpt=["nobody@acme.example"]) as server, \
            smtplib.SMTP("127.0.0.1", server.port) as client:
        with pytest.raises(smtplib.SMTPAuthenticationError):
            client.login(USER, "wrong")
        client.login(USER, PASSWORD)
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            client.send_message(message(), to_addrs=["nobody@acme.example"])
        assert refused.value.recipients["nobody@acme.example"][0] == 550
    assert inspect_folder(tmp_path) == []


def test_no_ehlo_mode_answers_helo_only(tmp_path):
    with SMTPTestServer(tmp_path, no_ehlo=True) as server, smtplib.SMTP("127.0.0.1", server.port) as client:
        assert client.ehlo()[0] == 502
        assert client.helo()[0] == 250
        client.send_message(message())
    assert len(inspect_folder(tmp_path)) == 1
