"""Reading the dashboard without a mouse, on a laptop and on a phone: the keyboard reaches a
commitment from a table with the focus always visible, the overview
fits a phone with the heatmap as a list, and SDG badges are drawn, never shown as HTML text.

The phone screenshot lands in docs/screenshots/ for a person to look at.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from core.db import connect
from tests.browser.conftest import LOCALE
from tests.builders import PAGE_WIDTH, ROOT, TABLE_WIDTHS, open_page, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
PHONE_SCREENSHOT = ROOT / "docs" / "screenshots" / "oversikt-phone.png"
MOST_TABS = 150  # the sidebar, the KPIs' help and the charts come before the first table

# What has the focus, and whether it shows: its outline, and that it is not see-through.
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName,
        text: (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 40),
        href: element.getAttribute("href"),
        inTable: element.closest(".pm-table") !== null,
        outline: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        opacity: style.opacity,
    };
}"""


def test_a_keyboard_alone_opens_a_commitment_from_a_table_with_the_focus_always_visible(
    page: Page, app_url: str
) -> None:
    open_page(page, app_url, "Oversikt")
    walked = []
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        walked.append(focused)
        if focused["inTable"]:
            break
    # Every stop on the way shows where the focus is: a solid ring of at least 2 px, not see-through.
    unseen = [
        stop for stop in walked if stop["outline"] != "solid" or stop["outlineWidth"] < 2 or stop["opacity"] == "0"
    ]
    assert unseen == []
    # The sidebar's menu is reached, and the way ends on a commitment's code in a table.
    assert any(stop["tag"] == "A" and stop["text"].endswith("Regioner") for stop in walked)
    link = walked[-1]
    assert link["inTable"] and link["tag"] == "A", walked[-5:]
    assert re.fullmatch(r"tiltak\?(.+&)?commitment=\d+", link["href"])
    page.keyboard.press("Enter")
    wait_for_app_idle(page, "Tiltak")
    commitment = link["href"].rsplit("commitment=", 1)[1]
    assert page.url.endswith(f"/tiltak?commitment={commitment}") or f"&commitment={commitment}" in page.url
    # The same tab opened it, on the commitment whose code was followed.
    assert len(page.context.pages) == 1
    expect(
        page.get_by_role("heading", level=2).filter(has_text=re.compile("^" + re.escape(link["text"]) + " "))
    ).to_be_visible()


def test_export_buttons_show_their_whole_labels_at_1400_px(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/eksport", "Eksport")
    buttons = page.get_by_test_id("stMain").locator('[data-testid="stDownloadButton"] button')
    expect(buttons.first).to_be_visible()
    cut = buttons.evaluate_all(
        "(all) => all.filter((b) => b.scrollWidth > b.clientWidth || b.offsetWidth === 0).map((b) => b.innerText)"
    )
    assert cut == []
    labels = buttons.evaluate_all("(all) => all.map((b) => b.innerText.split('\\n').pop())")
    assert "Statushistorikk til og med 3. kv. 2026 (Excel)" in labels and "Tiltak og status (CSV)" in labels


def test_the_commitment_page_draws_its_sdg_badges_and_no_html_as_text(
    page: Page, app_url: str, demo_database: Path
) -> None:
    with contextlib.closing(connect(demo_database)) as db:
        # One whose focus area names SDGs, and none of its own: the badges come from the focus area.
        [[commitment, sdgs]] = db.execute(
            "SELECT c.id, COUNT(*) FROM commitments c JOIN focus_area_sdgs f ON f.focus_area_id = c.focus_area_id "
            "WHERE c.id NOT IN (SELECT commitment_id FROM commitment_sdgs) GROUP BY c.id ORDER BY c.id LIMIT 1"
        ).fetchall()
    open_page(page, f"{app_url}/tiltak?commitment={commitment}", "Tiltak")
    badges = page.get_by_test_id("stHtml").locator("span").filter(has_text=re.compile(r"^SDG \d+ \S"))
    expect(badges.first).to_be_visible()
    expect(badges).to_have_count(sdgs)
    drawn = badges.evaluate_all(
        "(all) => all.map((b) => [b.innerText, getComputedStyle(b).backgroundColor, getComputedStyle(b).color])"
    )
    # Each badge is its own element with the goal's colour behind its number and name.
    assert all(background not in ("rgba(0, 0, 0, 0)", "transparent") for _, background, _ in drawn), drawn
    assert all(background != ink for _, background, ink in drawn)
    text = page.locator("body").inner_text()
    assert "<span" not in text and "style=" not in text and "&lt;" not in text


def test_the_overview_on_a_phone_fits_and_lists_the_heatmap(browser: Browser, app_url: str) -> None:
    context = browser.new_context(viewport=PHONE, locale=LOCALE, is_mobile=True, has_touch=True)
    context.set_default_timeout(30_000)
    try:
        phone = context.new_page()
        open_page(phone, app_url, "Oversikt")
        widths = phone.evaluate(PAGE_WIDTH)
        assert widths["page"] <= widths["window"] and widths["main"] <= widths["mainBox"], widths
        # The heatmap's grid gives way to a list of its figures, region by region.
        heatmap_list = phone.locator(".pm-narrow-only")
        expect(heatmap_list).to_be_visible()
        expect(phone.locator('[class*="st-key-wide-only-heatmap"]')).to_be_hidden()
        expect(heatmap_list.locator("> ul > li > strong").first).to_have_text(re.compile(r"\S"))
        # Tables become a card per row, which fits.
        tables = phone.evaluate(TABLE_WIDTHS)
        assert tables and [table for table in tables if table["scroll"] > table["client"]] == []
        expect(phone.locator(".pm-table td[data-label='Tiltak']").first).to_be_visible()
        # The KPIs stand one above the other.
        boxes = [box for box in (metric.bounding_box() for metric in phone.get_by_test_id("stMetric").all()) if box]
        assert len(boxes) == 6 and len({round(box["x"]) for box in boxes}) == 1
        assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
        # Hints point to the menu, which on a phone is a drawer, not "the left".
        assert "til venstre" not in phone.locator("body").inner_text()
        height = phone.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        phone.set_viewport_size({"width": PHONE["width"], "height": height})
        wait_for_app_idle(phone)
        PHONE_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=PHONE_SCREENSHOT, full_page=True)
    finally:
        context.close()
