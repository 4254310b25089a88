"""Screenshots of every page as a reader sees it, for people to look at: each page in both
languages on a phone (390 px) and a desktop (1280 px), the first screen and the whole page, and
the first screen of the home pages in the dark scheme. Written to screenshots/ (git-ignored).

The first screen is taken before the whole page, whose capture makes the screen as tall as the
page for a moment (the table of contents would then mark its last entry as the one being read).
First screens keep the phone's device pixels (780 px wide); whole pages are saved at one image
pixel per CSS pixel (390 px wide), which is four times faster on the long pages and still shows
the layout. A whole page must show its content from top to bottom: a screenshot blank over a
stretch of the article (blocks never drawn) misleads whoever reviews it."""

from __future__ import annotations

import struct

from PIL import Image

from tests.conftest import READER_PAGES, ROOT, SCREENS, load, screen

SHOTS = ROOT / "screenshots"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DARK_PAGES = ["index.html", "en/index.html"]


def shot_name(path: str, width: int, suffix: str = "") -> str:
    """en/results.html at 390 px -> en-results-390<suffix>.png; results.html -> zh-results-..."""
    language, _, name = path.rpartition("/")
    return f"{language or 'zh'}-{name.removesuffix('.html')}-{width}{suffix}.png"


# The longest stretch of the article, in CSS pixels, a whole-page screenshot may show as one
# flat colour: the space between two sections is under 100 px at either width.
LONGEST_BLANK = 300


def article_box(tab) -> tuple[int, int, int, int]:
    """The article's left, top, right and bottom on the page, in CSS pixels."""
    box = tab.evaluate("""() => {
        const box = document.querySelector("article").getBoundingClientRect();
        return [box.left, box.top + scrollY, box.right, box.bottom + scrollY];
    }""")
    return tuple(round(edge) for edge in box)


# The entry the table of contents marks as being read, and whether it is its last of several.
MARKED_ENTRY = """() => {
    const entries = [...document.querySelectorAll("[data-md-component=toc] a.md-nav__link")];
    const marked = entries.findIndex(link => link.classList.contains("md-nav__link--active"));
    return entries.length > 1 && marked === entries.length - 1 ? entries[marked].textContent.trim() : null;
}"""


def longest_blank_run(file, box: tuple[int, int, int, int]) -> tuple[int, int]:
    """(length, first row) of the longest run of rows of the image, within the box, in which
    every pixel has the same shade."""
    left, top, right, bottom = box
    with Image.open(file) as image:
        grey = image.convert("L").crop((left, top, right, min(bottom, image.height)))
    width, pixels = grey.width, grey.tobytes()
    longest, start, run_start = (0, 0), None, 0
    for row in range(grey.height):
        line = pixels[row * width:(row + 1) * width]
        if line.count(line[:1]) == width:
            run_start = row if start is None else run_start
            start = row
            longest = max(longest, (row - run_start + 1, top + run_start))
        else:
            start = None
    return longest


def png_width(file) -> int:
    """The width in pixels of a PNG file (from its IHDR chunk); 0 if it is not a PNG."""
    head = file.read_bytes()[:24]
    return struct.unpack(">I", head[16:20])[0] if head.startswith(PNG_SIGNATURE) else 0


def test_screenshots_of_every_page(site, browser):
    """Writes the screenshots and checks that each one is a PNG as wide as its screen, that no
    first screen marks the last entry of the contents as being read, and that no whole page is
    blank over a stretch of its article; fails afterwards for pages the server
    did not answer with 200 (their screenshots show the error)."""
    SHOTS.mkdir(exist_ok=True)
    expected, missing_pages, blank, misleading = {}, [], [], []
    for width, options in SCREENS.items():
        sharp = round(width * options.get("device_scale_factor", 1))
        for scheme, paths, suffixes in (("light", READER_PAGES, ("-top", "")), ("dark", DARK_PAGES, ("-dark-top",))):
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
                    if not whole and (marked := tab.evaluate(MARKED_ENTRY)):
                        misleading.append(f"{file.name}: the contents mark their last entry, {marked!r}")
                    tab.screenshot(path=file, full_page=whole, scale="css" if whole else "device")
                    if whole:
                        length, row = longest_blank_run(file, article_box(tab))
                        if length > LONGEST_BLANK:
                            blank.append(f"{file.name}: {length} px from {row} px")
            context.close()
    wrong = [f"{file.name} ({'missing' if not file.exists() else f'{png_width(file)} px wide, expected {pixels}'})"
             for file, pixels in expected.items() if not file.exists() or png_width(file) != pixels]
    assert not wrong, f"{len(wrong)} of {len(expected)} screenshots are missing or not PNGs of the screen width: {wrong[:5]}"
    assert not misleading, f"first screens that mark the last entry of the contents as read: {misleading}"
    assert not blank, f"{len(blank)} whole-page screenshots are blank over a stretch of the article: {blank}"
    assert not missing_pages, f"pages missing from the built site (screenshots show the error page): {missing_pages}"
