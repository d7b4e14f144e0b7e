"""The email's charts as PNG images (issue 19; contract §8): `sms-report run` against the
API simulator and a real SMTP server on 127.0.0.1 (aiosmtpd), the message read back with
Python's `email` package, each PNG decoded with Pillow and compared with the same SVG
drawn by Debian's headless Chromium (Playwright).

With UPDATE_SCREENSHOT=1 the email as a mail client shows it (its HTML with the images
in place, in Chromium) is written to docs/email-screenshot.png."""
import base64
import html as html_text
import io
import os
import re
import shutil
from email import policy
from email.parser import BytesParser

from PIL import Image, ImageChops, ImageStat

from conftest import ROOT, read_csv, run_command
from smtp_server import SMTPTestServer
from test_report_html import ARTIFACTS, browser, percent  # noqa: F401 (browser is a fixture)
from test_run import FAST, PERIOD, TOKENS, WORLD, write_config

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL | re.IGNORECASE)
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
# The most a PNG may differ from Chromium's drawing of its SVG: the mean over the image
# of each pixel's absolute difference, on 0-255 channels. The two agree on every shape
# and colour; what differs is anti-aliasing and font hinting at the glyphs' edges
# (measured: about 0.15 for the charts, 1.1 for the Devanagari line; a missing font
# drawing boxes instead of that line: 23).
MAX_MEAN_DIFFERENCE = 2.0
DEVANAGARI_BATCH = "तिहार-शुभकामना"


def run_and_receive(simulator, tmp_path, *extra):
    """Runs one account against a simulator and a plain SMTP server; returns
    (process, the received message parsed by `email`, the report folder)."""
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="plain") as server:
        config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                              smtp={"host": "127.0.0.1", "port": server.port, "security": "none",
                                    "from": '"SMS Reports <reports@example.com>"'})
        result = run_command("run", "--config", config, "--period", PERIOD, *FAST, *extra, env_extra=TOKENS)
        raw = [message for _, message in server.messages()]
    assert result.returncode == 0, result.stderr
    assert len(raw) == 1
    return result, BytesParser(policy=policy.default).parsebytes(raw[0]), tmp_path / "reports" / "acme" / PERIOD


def html_part(message):
    """The text/html part: inside a multipart/related beside its images, when it has any."""
    alternative = next(part for part in message.walk() if part.get_content_type() == "multipart/alternative")
    last = alternative.get_payload()[-1]
    html = next(part for part in last.walk() if part.get_content_type() == "text/html")
    return last, html.get_content()


def inline_images(related):
    """The related parts by Content-ID (without angle brackets)."""
    return {str(part["content-id"]).strip()[1:-1]: part for part in related.walk() if part["content-id"] is not None}


def img_tags(html):
    return [dict(ATTRIBUTE.findall(tag)) for tag in IMG.findall(html)]


def chromium_png(page, svg):
    """`svg` alone on a white page in Chromium: the element's screenshot."""
    page.set_content(f'<!DOCTYPE html><html><body style="margin:0;background:#ffffff">{svg}</body></html>')
    return Image.open(io.BytesIO(page.locator("svg").first.screenshot())).convert("RGB")


def mean_difference(first, second):
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3


def copy_templates_with_footer_svg(tmp_path, svg):
    """The bundled templates, with `svg` added to the footer (a chart of the template's own)."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    footer = templates / "footer.html.mustache"
    footer.write_text(footer.read_text() + "<tr><td>" + svg + "</td></tr>\n")
    return templates


def assert_drawn_as_chromium_draws(browser, svgs, pngs):
    """Each PNG is its SVG as Chromium draws it at 2 device pixels per CSS pixel: same
    size, a small mean difference."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1000, "height": 800}, device_scale_factor=2)
    try:
        page = context.new_page()
        for number, (svg, png) in enumerate(zip(svgs, pngs), start=1):
            drawn = chromium_png(page, svg)
            assert drawn.size == png.size, svg[:120]
            difference = mean_difference(drawn, png)
            if difference > MAX_MEAN_DIFFERENCE:
                png.save(ARTIFACTS / f"email-chart-{number}.png")
                drawn.save(ARTIFACTS / f"email-chart-{number}-chromium.png")
            assert difference <= MAX_MEAN_DIFFERENCE, f"chart {number} differs by {difference:.2f}: {svg[:120]}"
    finally:
        context.close()


def decoded_images(related, tags):
    """Each <img>'s PNG, decoded by Pillow: checks that every cid: resolves to an inline
    PNG part at twice the <img>'s width and height."""
    images = inline_images(related)
    assert sorted(tag["src"].removeprefix("cid:") for tag in tags) == sorted(images)
    decoded = []
    for tag in tags:
        part = images[tag["src"].removeprefix("cid:")]
        assert part.get_content_type() == "image/png"
        assert part.get_content_disposition() == "inline"
        png = Image.open(io.BytesIO(part.get_content()))
        assert png.format == "PNG"
        assert png.size == (2 * int(tag["width"]), 2 * int(tag["height"]))
        decoded.append(png.convert("RGB"))
    return decoded


def test_each_chart_is_an_inline_png_of_its_svg_as_chromium_draws_it(simulator, browser, tmp_path):
    _, message, folder = run_and_receive(simulator, tmp_path)
    related, html = html_part(message)
    assert related.get_content_type() == "multipart/related"
    assert "<svg" not in html.lower()
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == (folder / "report.txt").read_text()

    tags = img_tags(html)
    assert len(tags) >= 4, "three charts and a sparkline per operator (the run keeps a history)"
    pngs = decoded_images(related, tags)

    # report.html on disk keeps its SVG; the email's HTML is the same page with an <img> in place of each.
    on_disk = (folder / "report.html").read_text()
    svgs = SVG.findall(on_disk)
    assert len(svgs) == len(tags)
    replaced = iter(IMG.findall(html))
    assert SVG.sub(lambda _: next(replaced), on_disk) == html.replace("\r\n", "\n")
    assert_drawn_as_chromium_draws(browser, svgs, pngs)

    # The alt text says what each chart holds, for clients that block images.
    alts = [html_text.unescape(tag["alt"]) for tag in tags]
    by_day = read_csv(folder / "by_day.csv")
    assert alts[0] == "Deliveries by day: " + ", ".join(f"{row['day']} {int(row['deliveries']):,}" for row in by_day)
    by_operator = read_csv(folder / "by_operator.csv")
    assert alts[1].startswith("Delivery rate by operator: ")
    for row in by_operator:
        rate = percent(int(row["delivered"]), int(row["deliveries"]))
        assert f"{row['operator']} {rate}" in alts[1]
    histogram = read_csv(folder / "latency_histogram.csv")
    assert alts[-1] == "Latency (delivered_at − sent_at): " + ", ".join(
        f"{row['bucket']} {int(row['deliveries']):,}" for row in histogram)
    sparklines = alts[2:-1]
    assert [alt.split(" ")[0] for alt in sparklines] == [row["operator"] for row in by_operator]
    assert all("delivery rate by day" in alt for alt in sparklines)

    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(screenshot_of_email(browser, message, tmp_path), ROOT / "docs" / "email-screenshot.png")


def screenshot_of_email(browser, message, tmp_path):
    """The email's HTML with its images in place, as a mail client shows it, in Chromium."""
    related, html = html_part(message)
    for content_id, part in inline_images(related).items():
        data = base64.b64encode(part.get_content()).decode()
        html = html.replace(f'src="cid:{content_id}"', f'src="data:image/png;base64,{data}"')
    page_file = tmp_path / "email.html"
    page_file.write_text(html)
    context = browser.new_context(viewport={"width": 860, "height": 1000}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri(), wait_until="load")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / "email.png"
        page.screenshot(path=str(path), full_page=True)
        return path
    finally:
        context.close()


def test_a_templates_devanagari_chart_is_drawn_and_one_that_cannot_be_is_sent_as_text(simulator, browser, tmp_path):
    # Two SVGs of the templates' own: a Devanagari batch id, whose text must come out as
    # Chromium draws it, and one sized in percent, which has no pixels to be drawn at.
    batch = ('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="36" role="img" '
             f'aria-label="Batch {DEVANAGARI_BATCH}"><text x="6" y="24" font-family="Helvetica, Arial, sans-serif" '
             f'font-size="16" fill="#1f2933">{DEVANAGARI_BATCH}</text></svg>')
    unsized = ('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="40" role="img" '
               'aria-label="Shares: NTC 40%, NCELL 60%"><rect width="10" height="10"/></svg>')
    templates = copy_templates_with_footer_svg(tmp_path, batch + unsized)
    result, message, folder = run_and_receive(simulator, tmp_path, "--templates", templates)
    related, html = html_part(message)
    assert "<svg" not in html.lower()
    tags = img_tags(html)
    pngs = decoded_images(related, tags)
    svgs = SVG.findall((folder / "report.html").read_text())
    assert len(tags) == len(svgs) - 1
    assert html_text.unescape(tags[-1]["alt"]) == f"Batch {DEVANAGARI_BATCH}"
    assert_drawn_as_chromium_draws(browser, [svgs[-2]], [pngs[-1]])

    # The email still goes: the chart's text in its place, where report.html is, and a warning.
    assert html.replace("\r\n", "\n").rstrip().count('aria-label="Shares: NTC 40%, NCELL 60%"') == 1
    assert 'Shares: NTC 40%, NCELL 60%<div style=' in html
    assert f"report.html in {folder} shows it." in html
    assert 'the chart "Shares: NTC 40%, NCELL 60%" is text in the email, not an image' in result.stderr
