"""A font that draws Chinese, for charts: the first installed of the usual CJK families.

Notebooks call :func:`use_cjk_font` before plotting; on a machine without any of them the labels
would be empty boxes, so it warns (once, saying what to install) instead of failing silently.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence

#: Linux (Noto, Source Han, WenQuanYi), macOS (PingFang) and Windows (Microsoft YaHei, SimHei) names
CANDIDATES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC",
              "Heiti SC", "Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")


def cjk_font(candidates: Sequence[str] = CANDIDATES) -> str | None:
    """The first of ``candidates`` that matplotlib finds installed, else None (with a warning)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in candidates if name in installed), None)
    if found is None:
        warnings.warn(f"no CJK font found (tried {', '.join(candidates)}): Chinese labels will show as boxes; "
                      "install one, e.g. Debian's fonts-noto-cjk, then delete matplotlib's font cache",
                      stacklevel=2)
    return found


def use_cjk_font(candidates: Sequence[str] = CANDIDATES) -> str | None:
    """Make matplotlib draw with the first installed CJK font; returns its name (None: none found)."""
    import matplotlib

    found = cjk_font(candidates)
    if found is not None:
        matplotlib.rcParams["font.sans-serif"] = [found, *matplotlib.rcParams["font.sans-serif"]]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["axes.unicode_minus"] = False  # the minus sign of CJK fonts is often missing
    return found
