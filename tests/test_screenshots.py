"""Screenshots of every page as a reader sees it, for people to look at: each page in both
languages on a phone (390 px) and a desktop (1280 px), the whole page and the first screen, and
the first screen of the home pages in the dark scheme. Written to screenshots/ (git-ignored).

First screens keep the phone's device pixels (780 px wide); whole pages are saved at one image
pixel per CSS pixel (390 px wide), which is four times faster on the long pages and still shows
the layout."""

from __future__ import annotations

import struct

from tests.conftest import READER_PAGES, ROOT, SCREENS, load, screen

SHOTS = ROOT / "screenshots"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DARK_PAGES = ["index.html", "en/index.html"]


def shot_name(path: str, width: int, suffix: str = "") -> str:
    """en/results.html at 390 px -> en-results-390<suffix>.png; results.html -> zh-results-..."""
    language, _, name = path.rpartition("/")
    return f"{language or 'zh'}-{name.removesuffix('.html')}-{width}{suffix}.png"


def show_everything(tab) -> None:
    """Make the screen as tall as the page, until the page stops growing: blocks laid out only
    near the screen (content-visibility: auto) are drawn, as they are for a reader who scrolls."""
    width = tab.viewport_size["width"]
    for _ in range(5):
        height = tab.evaluate("document.documentElement.scrollHeight")
        tab.set_viewport_size({"width": width, "height": height})
        tab.wait_for_timeout(100)
        if tab.evaluate("document.documentElement.scrollHeight") == height:
            return


def png_width(file) -> int:
    """The width in pixels of a PNG file (from its IHDR chunk); 0 if it is not a PNG."""
    head = file.read_bytes()[:24]
    return struct.unpack(">I", head[16:20])[0] if head.startswith(PNG_SIGNATURE) else 0


def test_screenshots_of_every_page(site, browser):
    """Writes the screenshots and checks that each one is a PNG as wide as its screen; fails
    afterwards for pages the server did not answer with 200 (their screenshots show the error)."""
    SHOTS.mkdir(exist_ok=True)
    expected, missing_pages = {}, []
    for width, options in SCREENS.items():
        sharp = round(width * options.get("device_scale_factor", 1))
        for scheme, paths, suffixes in (("light", READER_PAGES, ("", "-top")), ("dark", DARK_PAGES, ("-dark-top",))):
            context = browser.new_context(**screen(width, scheme))
            tab = context.new_page()
            for path in paths:
                files = {suffix: SHOTS / shot_name(path, width, suffix) for suffix in suffixes}
                for suffix, file in files.items():
                    file.unlink(missing_ok=True)
                    expected[file] = sharp if suffix.endswith("top") else width
                status = load(tab, site.url + path)
                if status != 200 and scheme == "light":
                    missing_pages.append(f"{path}: HTTP {status}")
                for suffix, file in files.items():
                    whole = not suffix.endswith("top")
                    if whole:
                        show_everything(tab)
                    tab.screenshot(path=file, full_page=whole, scale="css" if whole else "device")
                    tab.set_viewport_size(SCREENS[width]["viewport"])
            context.close()
    wrong = [f"{file.name} ({'missing' if not file.exists() else f'{png_width(file)} px wide, expected {pixels}'})"
             for file, pixels in expected.items() if not file.exists() or png_width(file) != pixels]
    assert not wrong, f"{len(wrong)} of {len(expected)} screenshots are missing or not PNGs of the screen width: {wrong[:5]}"
    assert not missing_pages, f"pages missing from the built site (screenshots show the error page): {missing_pages}"
