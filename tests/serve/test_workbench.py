"""The web workbench in a real browser: Debian's headless Chromium, driven by Playwright, against a real
`hadath serve` on 127.0.0.1. Paste the worked example, see the highlighted spans, open an event and
see its codes, open the corpus view and see the network, follow an event to its sentence.

Screenshots go to a temporary folder, or to $HADATH_SCREENSHOTS (docs/img holds the ones in the docs)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import Sample, Server, copy_store, start_server

CHROMIUM = Path("/usr/bin/chromium")
# As root in a sandbox with no network but loopback: no sandbox, no GPU, and none of the background
# connections Chromium makes at start (they are refused here, many at a time). Playwright runs it
# headless, with a fresh, empty profile of its own (it refuses a --user-data-dir flag).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}
TOKEN = "workbench-token"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's Chromium is not installed (/usr/bin/chromium); `make test` installs it with apt-get",
)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    chosen = os.environ.get("HADATH_SCREENSHOTS")
    directory = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def page(browser, server: Server) -> Iterator:
    """A page of a fresh browser context; the test fails if the page logs an error (a failed request,
    a script error, a Content-Security-Policy violation)."""
    context = browser.new_context(viewport=VIEWPORT, base_url=server.base_url)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert not problems, problems


def _texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_text_contents()


def _analyse(page, sample: Sample) -> None:
    page.goto("/#/analyse")
    page.fill("#analyse-text", sample.text)
    page.fill("#analyse-date", sample.date)
    page.click("#analyse-button")
    page.wait_for_selector(".textview .seg.k-trigger")


def test_analyse_highlights_the_text_and_opens_an_event(
    page, server: Server, sample: Sample, screenshots: Path
):
    analysis = server.client.post("/analyze", json={"text": sample.text, "date": sample.date}).json()[
        "analyses"
    ][0]
    _analyse(page, sample)
    text_view = page.locator(".textview")
    assert text_view.get_attribute("dir") == "rtl"
    assert "".join(_texts(page, ".textview .seg")) == sample.text  # the original text, unaltered
    for kind in ("actor", "place", "trigger"):
        assert page.locator(f".textview .seg.k-{kind}").count() > 0, kind
    assert page.locator(".textview .seg.k-quote, .textview .seg.k-claim").count() > 0
    assert page.locator(".list-trigger li").count() == len(analysis["events"])
    assert page.locator(".list-actor li").count() == len(analysis["actors"])
    page.screenshot(path=str(screenshots / "workbench-analyse.png"))

    number, event = next((i, e) for i, e in enumerate(analysis["events"]) if e["source"] and e["target"])
    page.locator(".list-trigger li").nth(number).click()
    details = page.locator(".details").inner_text()
    for shown in (
        event["cameo"],
        event["cameo_label"],
        event["plover"],
        event["source"]["code"],
        event["target"]["code"],
    ):
        assert shown in details, (shown, details)
    assert f"{event['confidence']:.2f}" in details and event["date"] in details
    assert event["modality"] in details  # the English label of a modality is its name
    assert "".join(_texts(page, ".textview .seg.focus-main")) == event["trigger"]
    start, end = min(event["start"], event["trigger_start"]), max(event["end"], event["trigger_end"])
    assert "".join(_texts(page, ".textview .seg.in-focus")) == sample.text[start:end]  # the evidence
    assert page.locator(".textview .seg.focus-arg").count() > 0
    page.screenshot(path=str(screenshots / "workbench-event.png"))

    trigger = page.locator(".textview .seg.k-trigger").last
    word = trigger.inner_text()
    trigger.click()
    assert word in page.locator(".details dd").first.inner_text()


def test_corpus_draws_the_network_and_links_events_to_their_sentence(page, server: Server, screenshots: Path):
    from PIL import Image
    from playwright.sync_api import expect

    page.goto("/#/corpus")
    page.wait_for_selector("#network canvas")
    page.wait_for_selector("#events-table tbody tr[data-event-id]")
    network = page.locator("#network")
    stats = server.client.get("/stats").json()
    mosaic = server.client.get(
        "/mosaic", params={"from": stats["first_date"], "to": stats["last_date"], "period": "month"}
    ).json()
    assert int(network.get_attribute("data-nodes")) == len(mosaic["network"]["nodes"]) > 0
    assert int(network.get_attribute("data-edges")) == len(mosaic["network"]["edges"]) > 0
    picture = Image.open(io.BytesIO(network.screenshot())).convert("RGB")
    colours = {colour for _, colour in picture.getcolors(maxcolors=1 << 20)}
    assert len(colours) > 50, "the network canvas looks empty"  # nodes, edges, labels drawn
    assert page.locator("#timelines svg rect.bar").count() > 0
    page.screenshot(path=str(screenshots / "workbench-corpus.png"), full_page=True)

    page.locator("#timelines .timeline-row").first.click()
    pair = page.locator("#timelines .timeline-row.chosen .row-label").text_content().split(" — ")
    expect(page.locator("#events-filter")).to_contain_text(",")  # filtered by the pair
    one, other = pair
    for row in page.locator("#events-table tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        source, target = cells[1].strip(), cells[3].strip()
        assert (source.startswith(one) and target.startswith(other)) or (
            source.startswith(other) and target.startswith(one)
        ), (pair, cells)

    link = page.locator(".evidence-link").first
    _, _, doc_key, event_no = link.get_attribute("href").split("/")
    link.click()
    page.wait_for_selector("#document-result .seg.focus-main")
    record = next(
        e
        for e in server.client.get(f"/documents/{doc_key}").json()["events"]
        if e["event_no"] == int(event_no)
    )
    assert "".join(_texts(page, "#document-result .seg.focus-main")) == record["trigger"]
    assert record["trigger"] in page.locator("#document-result .details").inner_text()
    page.screenshot(path=str(screenshots / "workbench-document.png"))


def test_interface_in_arabic(page, sample: Sample, screenshots: Path):
    page.goto("/#/analyse")
    assert page.locator("#nav-analyse").inner_text() == "Analyse"
    page.click("#language-toggle")
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert page.locator("#nav-analyse").inner_text() == "تحليل نص"
    _analyse(page, sample)
    page.locator(".list-trigger li").first.click()
    assert "رمز CAMEO" in page.locator(".details").inner_text()
    page.screenshot(path=str(screenshots / "workbench-arabic.png"))
    page.reload()  # the choice is remembered
    assert page.locator("#nav-analyse").inner_text() == "تحليل نص"
    page.click("#language-toggle")
    assert page.locator("html").get_attribute("dir") == "ltr"


@pytest.fixture(scope="module")
def guarded(example_store: Path, tmp_path_factory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("workbench-guarded")
    running = start_server(copy_store(example_store, directory), directory / "server.log", token=TOKEN)
    yield running
    running.stop()


def test_workbench_behind_a_token(browser, guarded: Server):
    # what the browser sends after its log-in prompt: any user name, the token as the password
    context = browser.new_context(
        viewport=VIEWPORT,
        base_url=guarded.base_url,
        http_credentials={"username": "analyst", "password": TOKEN},
    )
    page = context.new_page()
    page.goto("/#/corpus")
    page.wait_for_selector("#network canvas")
    page.wait_for_selector("#events-table tbody tr[data-event-id]")
    _analyse(page, Sample("شنت الطائرات الروسية غارات على مواقع المعارضة في ريف حلب.", "2016-02-10"))
    context.close()
