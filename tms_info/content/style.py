"""The article stylesheet for a theme and a text size.

QTextBrowser scales only text that has no fixed CSS size, and cannot do relative sizes itself,
so every size is computed here from the chosen text size and filled into resources/styles.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from string import Template

from tms_info.locations import styles_dir

TEXT_SIZES = (80, 90, 100, 115, 130, 150, 175, 200)
DEFAULT_TEXT_SIZE = 100
BODY_PX_AT_100 = 18


@dataclass(frozen=True)
class Theme:
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
    key_bg="#eef4fb", key_border="#9db9dc", evidence_bg="#f3f0fa", evidence_border="#b7a9d9",
    care_bg="#edf7f0", care_border="#93c6a6", crisis_bg="#fdf0ec", crisis_border="#d9957d",
)


@cache
def _template() -> Template:
    return Template((styles_dir() / "article.css").read_text(encoding="utf-8"))


def clamp_text_size(percent: int) -> int:
    return min(TEXT_SIZES, key=lambda size: abs(size - percent))


def body_px(percent: int) -> int:
    return round(BODY_PX_AT_100 * clamp_text_size(percent) / 100)


def stylesheet(percent: int = DEFAULT_TEXT_SIZE, theme: Theme = LIGHT) -> str:
    body = body_px(percent)
    sizes = {
        "body": body, "small": round(body * 0.89), "lead": round(body * 1.1),
        "h1": round(body * 1.6), "h2": round(body * 1.3), "h3": round(body * 1.12),
        "gap": round(body * 0.7), "small_gap": round(body * 0.35), "big_gap": round(body * 1.3),
    }
    return _template().substitute(asdict(theme), **sizes)
