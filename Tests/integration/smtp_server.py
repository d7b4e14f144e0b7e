#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), and an independent reader
of what it received (Python's `email` package).

Modes:
  plain     no TLS
  starttls  STARTTLS offered and required before MAIL, with a self-signed certificate
  tls       TLS from the first byte (implicit TLS), same certificate

Options add AUTH (PLAIN and LOGIN, or only some), refuse chosen recipients,
answer EHLO with 502 so that clients must fall back to HELO, advertise a SIZE limit
(RFC 1870) of their choice or none, or refuse messages over a size with 552 without
advertising it. Every accepted message
is saved in the output folder as `NNN.eml` (the bytes received, after the
transparency dots are removed) with `NNN.json` (the envelope: mail_from, rcpt_tos,
the MAIL FROM parameters, the login that authenticated, whether TLS was on).

The certificate and its key are generated at start-up with the openssl command into
the output folder (a throw-away test key, never committed).

As a program:
  smtp_server.py serve --out DIR [--mode M] [--auth USER:PASS] [--auth-mechanisms PLAIN,LOGIN]
                 [--refuse-rcpt ADDR]... [--no-ehlo] [--port N] [--size N] [--refuse-over N]
      --size N advertises SIZE N and refuses bigger messages (0: advertises no SIZE
      and has no limit; default: aiosmtpd's SIZE 33554432); --refuse-over N answers
      "552 5.3.4" after DATA to a message of more than N bytes, advertising nothing.
      prints one JSON line {"host", "port", "ca_file", "mode"} when it is ready, then
      serves until its standard input closes or it gets SIGTERM/SIGINT.
  smtp_server.py inspect --out DIR
      prints a JSON list: for each saved message its envelope and what `email` reads
      from it (see `inspect_message`).
  smtp_server.py inspect --file MESSAGE.eml
      prints what `email` reads from one message file.

As a module (pytest):
  with SMTPTestServer(tmp_path, mode="starttls", auth=("user", "secret")) as server:
      ... server.port, server.ca_file, server.messages() ...
"""
import argparse
import asyncio
import hashlib
import io
import json
import signal
import socket
import ssl
import subprocess
import sys
import threading
import warnings
import zipfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOST = "127.0.0.1"


def free_port():
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1 and localhost (with its CA flag set,
    so clients can trust it as its own root); returns (cert_path, key_path)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "server-cert.pem", folder / "server-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-addext", "basicConstraints=critical,CA:TRUE"],
        check=True, capture_output=True)
    return cert, key


class SavingHandler:
    """Accepts mail, refusing the chosen recipients, and saves every message."""

    def __init__(self, out, refused, refuse_over=None):
        self.out = Path(out)
        self.refused = {address.lower() for address in refused}
        self.refuse_over = refuse_over
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in local recipient table"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_over is not None and len(envelope.original_content) > self.refuse_over:
            return "552 5.3.4 Message size exceeds fixed maximum message size"
        with self.lock:
            self.count += 1
            number = self.count
        stem = self.out / f"{number:03d}"
        stem.with_suffix(".eml").write_bytes(envelope.original_content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        stem.with_suffix(".json").write_text(json.dumps({
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "authenticated_as": login,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
        }))
        return f"250 2.0.0 OK: queued as {number:03d}"


class NoEHLOSMTP(SMTP):
    """A server that does not know EHLO, as old servers do not."""

    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.2 Error: command not recognized")


class ServerController(Controller):
    """aiosmtpd's controller, optionally with the EHLO-less server, and a readiness
    check that works with implicit TLS too."""

    def __init__(self, handler, no_ehlo=False, client_ssl=None, **kwargs):
        self.no_ehlo = no_ehlo
        self.client_ssl = client_ssl
        super().__init__(handler, **kwargs)

    def factory(self):
        server_class = NoEHLOSMTP if self.no_ehlo else SMTP
        with warnings.catch_warnings():
            # A test server may require AUTH without TLS (mode plain); aiosmtpd warns.
            warnings.simplefilter("ignore", UserWarning)
            return server_class(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self):
        with socket.create_connection((self.hostname, self.port), 2.0) as raw:
            if self.client_ssl:
                with self.client_ssl.wrap_socket(raw, server_hostname=self.hostname) as wrapped:
                    wrapped.recv(1024)
            else:
                raw.recv(1024)


class SMTPTestServer:
    """Starts the server in this process (a thread); use as a context manager."""

    def __init__(self, out, mode="plain", auth=None, auth_mechanisms=None, refuse_rcpt=(), no_ehlo=False, port=None,
                 size=None, refuse_over=None):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.mode = mode
        self.port = port or free_port()
        self.ca_file = None
        handler = SavingHandler(self.out, refuse_rcpt, refuse_over)
        kwargs = {"hostname": HOST, "port": self.port, "ident": "sms-report test SMTP server"}
        if size is not None:
            kwargs["data_size_limit"] = size or None
        client_ssl = None
        if mode in ("starttls", "tls"):
            cert, key = make_certificate(self.out / "tls")
            self.ca_file = str(cert)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            if mode == "starttls":
                kwargs.update(tls_context=context, require_starttls=True)
            else:
                kwargs.update(ssl_context=context)
                client_ssl = ssl.create_default_context(cafile=self.ca_file)
        if auth:
            user, password = auth

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                      and auth_data.password.decode() == password)
                return AuthResult(success=ok, handled=False, auth_data=auth_data)

            offered = {"PLAIN", "LOGIN"}
            wanted = {name.upper() for name in (auth_mechanisms or offered)}
            kwargs.update(authenticator=authenticator, auth_required=True,
                          # Implicit TLS is TLS, but aiosmtpd only counts STARTTLS.
                          auth_require_tls=(mode == "starttls"),
                          auth_exclude_mechanism=sorted(offered - wanted))
        self.controller = ServerController(handler, no_ehlo=no_ehlo, client_ssl=client_ssl, **kwargs)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def messages(self):
        """The saved messages: a list of (envelope dict, raw bytes), in order."""
        return [(json.loads(path.read_text()), path.with_suffix(".eml").read_bytes())
                for path in sorted(self.out.glob("[0-9][0-9][0-9].json"))]


def inspect_message(raw):
    """What an independent MIME reader sees in a message: headers decoded, the
    structure, the text and HTML parts, each attachment's name, type, size and
    SHA-256 (and for a zip, each entry's SHA-256 as read by `zipfile`), the inline
    parts by Content-ID (without its angle brackets), and the defects Python's parser found."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    parts, text, html, attachments, defects = [], None, None, [], len(message.defects)
    inline = {}
    for part in message.walk():
        parts.append(part.get_content_type())
        defects += len(part.defects)
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            payload = part.get_content()
            attachment = {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
            }
            if part.get_content_type() == "application/zip" and zipfile.is_zipfile(io.BytesIO(payload)):
                with zipfile.ZipFile(io.BytesIO(payload)) as archive:
                    attachment["zip_entries"] = {name: hashlib.sha256(archive.read(name)).hexdigest()
                                                 for name in archive.namelist()}
            attachments.append(attachment)
        elif part["content-id"] is not None:
            payload = part.get_content()
            inline[str(part["content-id"]).strip().removeprefix("<").removesuffix(">")] = {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "disposition": part.get_content_disposition(),
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
            }
        elif part.get_content_type() == "text/plain" and text is None:
            text = part.get_content()
        elif part.get_content_type() == "text/html" and html is None:
            html = part.get_content()
    lines = raw.split(b"\r\n")
    return {
        "from": str(message["from"]),
        "to": [address.addr_spec for address in message["to"].addresses],
        "subject": str(message["subject"]),
        "date": str(message["date"]),
        "message_id": str(message["message-id"]),
        "structure": parts,
        "text": text,
        "html": html,
        "attachments": attachments,
        "inline": inline,
        "defects": defects,
        "longest_line": max(len(line) for line in lines),
        "bare_line_feeds": sum(line.count(b"\n") for line in lines),
    }


def inspect_folder(out):
    """`inspect_message` of every saved message, with its envelope."""
    server = SMTPTestServer.__new__(SMTPTestServer)
    server.out = Path(out)
    return [dict(envelope=envelope, message=inspect_message(raw)) for envelope, raw in server.messages()]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve")
    serve.add_argument("--out", required=True)
    serve.add_argument("--mode", choices=["plain", "starttls", "tls"], default="plain")
    serve.add_argument("--auth", help="USER:PASSWORD that AUTH accepts (required when given)")
    serve.add_argument("--auth-mechanisms", help="comma-separated mechanisms to offer (default PLAIN,LOGIN)")
    serve.add_argument("--refuse-rcpt", action="append", default=[])
    serve.add_argument("--no-ehlo", action="store_true")
    serve.add_argument("--port", type=int)
    serve.add_argument("--size", type=int, help="the SIZE to advertise and enforce; 0 for none")
    serve.add_argument("--refuse-over", type=int, help="answer 552 to messages of more bytes, unadvertised")
    inspect = commands.add_parser("inspect")
    source = inspect.add_mutually_exclusive_group(required=True)
    source.add_argument("--out", help="a server's output folder: every saved message with its envelope")
    source.add_argument("--file", help="one .eml file (e.g. from run --email-dry-run)")
    args = parser.parse_args()

    if args.command == "inspect":
        if args.file:
            print(json.dumps(inspect_message(Path(args.file).read_bytes())))
        else:
            print(json.dumps(inspect_folder(args.out)))
        return
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    mechanisms = args.auth_mechanisms.split(",") if args.auth_mechanisms else None
    server = SMTPTestServer(args.out, mode=args.mode, auth=auth, auth_mechanisms=mechanisms,
                            refuse_rcpt=args.refuse_rcpt, no_ehlo=args.no_ehlo, port=args.port,
                            size=args.size, refuse_over=args.refuse_over)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    with server:
        print(json.dumps({"host": HOST, "port": server.port, "ca_file": server.ca_file, "mode": args.mode}), flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
