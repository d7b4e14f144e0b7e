#!/usr/bin/env bash
# Installs what building and testing sms-report needs on a Debian machine that has
# the Swift toolchain: libxlsxwriter (XLSX renderer), librsvg (the email's charts as
# PNG, with the DejaVu and Lohit Devanagari fonts found through fontconfig),
# pkg-config, Debian's chromium (the HTML report is checked in a real headless
# browser), openssl (test certificates for the SMTP test server), postgresql (the history store's tests run
# a throwaway server: scripts/postgres-test-server.sh), LibreOffice Calc without its
# GUI and poppler-utils (the workbooks are printed to PDF and the pages read back:
# Tests/integration/test_print_pdf.py; about 80 s to install), the packaging tools of
# `make deb` and `make package-test` (dpkg-dev's dpkg-shlibdeps, binutils' strip, lintian,
# systemd's systemd-analyze, debootstrap), and the Python packages the
# tests use as independent readers and test servers (pytest, openpyxl, aiosmtpd, Pillow,
# and playwright, which drives that chromium; it downloads no browser of its own). Safe
# to run again.
set -euo pipefail

apt_packages=(libxlsxwriter-dev librsvg2-dev pkg-config openssl chromium fonts-dejavu-core fonts-lohit-deva postgresql
  libreoffice-calc-nogui poppler-utils dpkg-dev binutils lintian systemd debootstrap)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -c 'import pytest' 2>/dev/null || python3 -m pip install -q pytest
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl
# The SMTP test server of the email tests (Tests/integration/smtp_server.py).
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install -q aiosmtpd
python3 -c 'import playwright' 2>/dev/null || python3 -m pip install -q playwright
# Decodes and compares the email's PNG charts (Tests/integration/test_email_charts.py).
python3 -c 'import PIL' 2>/dev/null || python3 -m pip install -q Pillow
# Validates deploy/kubernetes/ against the Kubernetes API's schemas, which it ships
# (Tests/integration/test_kubernetes_manifests.py; nothing is fetched at test time).
python3 -c 'import kubernetes_validate' 2>/dev/null || python3 -m pip install -q kubernetes-validate
