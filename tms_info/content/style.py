"""The article stylesheet for a theme and a text size.

QTextBrowser scales only text that has no fixed CSS size, and cannot do relative sizes itself,
so every size is computed here from the chosen text size and filled into resources/styles.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from string import Template

from tms_info.locations import styles_dir

FONT_FAMILY = "Atkinson Hyperlegible Next"  # bundled in resources/fonts (tms_info.fonts registers it with Qt)
TEXT_SIZES = (80, 90, 100, 115, 130, 150, 175, 200)
DEFAULT_TEXT_SIZE = 100
MAX_LIST_PX = 24
BODY_PX_AT_100 = 18


@dataclass(frozen=True)
class Theme:
    """The colours of a page. Each box has a tinted fill (`*_bg`) and a bar down its left side
    (`*_border`) that stands out at least 3:1 from the page and from the fill."""

    name: str
    text: str
    heading: str
    muted: str
    background: str
    link: str
    term: str
    rule: str
    key_bg: str
    key_border: str
    evidence_bg: str
    evidence_border: str
    care_bg: str
    care_border: str
    crisis_bg: str
    crisis_border: str


LIGHT = Theme(
    name="light", text="#1d2430", heading="#14324f", muted="#4a5563", background="#fdfcf9",
    link="#1d5fa8", term="#17604d", rule="#c9ced6",
    key_bg="#eef4fb", key_border="#2f6fb3", evidence_bg="#f3f0fa", evidence_border="#6b55a8",
    care_bg="#edf7f0", care_border="#2e7d4f", crisis_bg="#fdf0ec", crisis_border="#b8482a",
)
DARK = Theme(
    name="dark", text="#e4e7eb", heading="#cfe2ff", muted="#b4bcc8", background="#1c1f23",
    link="#8cc4ff", term="#7fd8b6", rule="#4b525c",
    key_bg="#22324a", key_border="#6fa8ec", evidence_bg="#2c2840", evidence_border="#a896ec",
    care_bg="#1f3629", care_border="#62c48f", crisis_bg="#432820", crisis_border="#ec8d6e",
)
HIGH_CONTRAST = Theme(
    name="high-contrast", text="#ffffff", heading="#ffffff", muted="#ffffff", background="#000000",
    link="#66e0ff", term="#ffff00", rule="#ffffff",
    key_bg="#000000", key_border="#ffffff", evidence_bg="#000000", evidence_border="#ffffff",
    care_bg="#000000", care_border="#ffffff", crisis_bg="#000000", crisis_border="#ffff00",
)
THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours: 4.5 is the minimum for body text (AA), 7 is AAA."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@cache
def _template() -> Template:
    return Template((styles_dir() / "article.css").read_text(encoding="utf-8"))


def clamp_text_size(percent: int) -> int:
    return min(TEXT_SIZES, key=lambda size: abs(size - percent))


def body_px(percent: int) -> int:
    return round(BODY_PX_AT_100 * clamp_text_size(percent) / 100)


def list_px(percent: int) -> int:
    """The size of the words in the lists beside the article (topics, search hits, glossary, My pages):
    they grow with the text, but not so much that titles no longer fit."""
    return min(round(body_px(percent) * 0.9), MAX_LIST_PX)


def stylesheet(percent: int = DEFAULT_TEXT_SIZE, theme: Theme = LIGHT) -> str:
    body = body_px(percent)
    sizes = {
        "body": body, "small": round(body * 0.89), "lead": round(body * 1.1),
        "h1": round(body * 1.6), "h2": round(body * 1.3), "h3": round(body * 1.12),
        "gap": round(body * 0.7), "small_gap": round(body * 0.35), "big_gap": round(body * 1.3),
        "bar": max(4, round(body * 0.3)),
    }
    return _template().substitute(asdict(theme), font=FONT_FAMILY, **sizes)
