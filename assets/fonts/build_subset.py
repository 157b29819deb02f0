#!/usr/bin/env python3
"""Build assets/fonts/NotoSansCJKsc-Subset.otf, the CJK font embedded in the app.

egui ships no CJK glyphs, so the app embeds (crates/cc-core/src/tokens.rs, include_bytes!)
a subset of Noto Sans CJK SC Regular taken from Debian's `fonts-noto-cjk`
package. This script rebuilds that subset and LICENSE-OFL.txt next to itself.

Prerequisites (Debian/Ubuntu, as root):

    apt-get install -y fonts-noto-cjk      # source font + licence text
    pip install fonttools                  # fontTools subsetter (tested with 4.x)

Run from the repository root (re-run whenever new UI strings or seed data
contain characters outside the fixed sets below; project files are scanned at
run time):

    python3 assets/fonts/build_subset.py

Optionally pass another .ttc/.otf path as the first argument; the face is still
chosen by its name table ("Noto Sans CJK SC" / "Regular").

Coverage:
  * GB2312 (every valid 2-byte code, decoded with Python's 'gb2312' codec)
  * Big5 level 1 hanzi 0xA440-0xC67E and Big5 symbols 0xA140-0xA3BF ('big5')
  * ASCII, Latin-1, general punctuation, super/subscripts, letterlike symbols,
    arrows, math operators, box/geometric shapes, CJK symbols & punctuation,
    half/full-width forms
  * every character in seeds/**/*.json, src/**/*.rs, crates/**/*.rs, assets/*.typ, README.md and docs/**/*.md

Output is a single-face CFF OpenType file (not a TTC) without hinting,
OpenType layout features or vertical-metrics tables; the name table is kept
whole so the copyright/licence strings stay in the font.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:  # pragma: no cover - guidance only
    sys.exit("fontTools is missing: pip install fonttools")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT_FONT = HERE / "NotoSansCJKsc-Subset.otf"
OUT_LICENSE = HERE / "LICENSE-OFL.txt"

SOURCE_CANDIDATES = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc"),
]
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

WANT_FAMILY = "Noto Sans CJK SC"
WANT_STYLE = "Regular"

# Characters the app is known to need; the build fails if any is missing.
MUST_HAVE = "深圳锂鋰亿粤莞惠链龍≈，《》→≥≤±×÷"

# Extra UI symbols not in the blocks below (most are already covered by them).
UI_SYMBOLS = "→←↑↓↔≈≠≤≥±×÷−∞√∑°‰‱µΩ℃№™·…—–‘’“”•"

PROJECT_GLOBS = ["seeds/**/*.json", "src/**/*.rs", "crates/**/*.rs", "assets/*.typ", "README.md", "docs/**/*.md"]


# --------------------------------------------------------------------------
# Source face selection
# --------------------------------------------------------------------------

def face_names(font: TTFont) -> tuple[str, str]:
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1) or ""
    style = name.getDebugName(17) or name.getDebugName(2) or ""
    return family, style


def find_source(argv: list[str]) -> tuple[Path, int | None]:
    paths = [Path(argv[1])] if len(argv) > 1 else SOURCE_CANDIDATES
    for path in paths:
        if not path.exists():
            continue
        with path.open("rb") as fh:
            is_ttc = fh.read(4) == b"ttcf"
        if not is_ttc:
            with TTFont(path, lazy=True) as font:
                if face_names(font) == (WANT_FAMILY, WANT_STYLE):
                    return path, None
            continue
        coll = TTCollection(path, lazy=True)
        matches = []
        for idx, font in enumerate(coll.fonts):
            family, style = face_names(font)
            print(f"  face {idx}: {family!r} {style!r}")
            if (family, style) == (WANT_FAMILY, WANT_STYLE):
                matches.append(idx)
        coll.close()
        if len(matches) != 1:
            sys.exit(f"{path}: expected exactly one {WANT_FAMILY} {WANT_STYLE} face, found {matches}")
        return path, matches[0]
    sys.exit(
        f"No {WANT_FAMILY} {WANT_STYLE} source font found in {[str(p) for p in paths]}.\n"
        "Install it with: apt-get install -y fonts-noto-cjk"
    )


# --------------------------------------------------------------------------
# Character set
# --------------------------------------------------------------------------

def decode_double_byte(codec: str, lead: range, trail: list[int], lo: int, hi: int) -> set[int]:
    out: set[int] = set()
    for a in lead:
        for b in trail:
            code = (a << 8) | b
            if not lo <= code <= hi:
                continue
            try:
                s = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def gb2312() -> set[int]:
    rows = range(0xA1, 0xF8)  # GB2312 uses rows 0xA1-0xF7
    cells = list(range(0xA1, 0xFF))
    return decode_double_byte("gb2312", rows, cells, 0xA1A1, 0xF7FE)


BIG5_TRAIL = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))


def big5_level1() -> set[int]:
    return decode_double_byte("big5", range(0xA4, 0xC7), BIG5_TRAIL, 0xA440, 0xC67E)


def big5_symbols() -> set[int]:
    return decode_double_byte("big5", range(0xA1, 0xA4), BIG5_TRAIL, 0xA140, 0xA3BF)


def span(lo: int, hi: int) -> set[int]:
    return set(range(lo, hi + 1))


def fixed_blocks() -> set[int]:
    cps: set[int] = set()
    cps |= span(0x0020, 0x007E)  # ASCII printable
    cps |= span(0x00A0, 0x00FF)  # Latin-1 supplement
    cps |= span(0x2000, 0x206F)  # general punctuation
    cps |= span(0x2070, 0x209F)  # superscripts/subscripts (m², CO₂)
    cps |= span(0x2100, 0x214F)  # letterlike symbols (℃ № ™)
    cps |= span(0x2190, 0x21FF)  # arrows
    cps |= span(0x2200, 0x22FF)  # mathematical operators
    cps |= span(0x2500, 0x257F)  # box drawing
    cps |= span(0x25A0, 0x25FF)  # geometric shapes
    cps |= span(0x3000, 0x303F)  # CJK symbols & punctuation
    cps |= span(0xFF00, 0xFFEF)  # half/full-width forms
    cps |= {ord(c) for c in UI_SYMBOLS}
    return cps


def project_text() -> tuple[set[int], list[Path]]:
    files: list[Path] = []
    for pattern in PROJECT_GLOBS:
        files.extend(p for p in sorted(REPO.glob(pattern)) if p.is_file())
    cps: set[int] = set()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        cps |= {ord(c) for c in text}
    # Drop C0/C1 controls, DEL, surrogates and the replacement character.
    cps = {c for c in cps if c >= 0x20 and not 0x7F <= c <= 0x9F
           and not 0xD800 <= c <= 0xDFFF and c != 0xFFFD}
    return cps, files


# --------------------------------------------------------------------------
# Licence text (taken from the package, not written by hand)
# --------------------------------------------------------------------------

def ofl_from_debian_copyright() -> tuple[str, str]:
    """Return (OFL body, Debian 'Files: *' copyright) from debian/copyright."""
    text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    m = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.M)
    if not m:
        sys.exit(f"Could not find the 'License: SIL-1.1' stanza in {DEBIAN_COPYRIGHT}")
    lines = []
    for line in m.group(1).splitlines():
        line = line[1:]  # strip the one-space continuation indent
        lines.append("" if line == "." else line)
    body = "\n".join(lines).strip("\n") + "\n"
    m2 = re.search(r"^Files: \*\nCopyright: (.*)$", text, re.M)
    deb_copyright = m2.group(1).strip() if m2 else ""
    return body, deb_copyright


def write_license(font: TTFont, source: Path, face: int | None) -> None:
    name = font["name"]
    copyright_ = name.getDebugName(0) or ""
    trademark = name.getDebugName(7) or ""
    licence = name.getDebugName(13) or ""
    licence_url = name.getDebugName(14) or ""
    body, deb_copyright = ofl_from_debian_copyright()
    where = f"{source}" + (f", face {face}" if face is not None else "")
    parts = [
        "Noto Sans CJK SC - bundled as NotoSansCJKsc-Subset.otf (a glyph subset).",
        "",
        f"Copyright notice from the font's name table ({where}):",
        f"    {copyright_}",
        f"    {trademark}",
    ]
    if deb_copyright:
        parts += [
            "",
            f"Copyright stated for the font files in {DEBIAN_COPYRIGHT}:",
            f"    Copyright {deb_copyright}",
        ]
    parts += ["", licence, licence_url, "", body]
    OUT_LICENSE.write_text("\n".join(parts), encoding="utf-8")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    source, face = find_source(argv)
    print(f"source: {source}" + (f" (face {face})" if face is not None else ""))

    gb = gb2312()
    b5 = big5_level1()
    b5s = big5_symbols()
    fixed = fixed_blocks()
    proj, files = project_text()
    requested = gb | b5 | b5s | fixed | proj
    print(f"GB2312: {len(gb)}  Big5 level 1: {len(b5)}  Big5 symbols: {len(b5s)}  "
          f"fixed blocks: {len(fixed)}  project text: {len(proj)} chars from {len(files)} files")

    options = subset.Options()
    options.font_number = face if face is not None else -1
    options.layout_features = []          # egui does no shaping
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]              # keep copyright / licence / trademark
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "DSIG"]

    font = subset.load_font(str(source), options)
    src_cmap = font.getBestCmap()
    available = {c for c in requested if c in src_cmap}
    missing_proj = sorted(c for c in proj if c not in src_cmap)
    print(f"requested code points: {len(requested)} ({len(available)} present in the source font)")
    if missing_proj:
        shown = " ".join(f"U+{c:04X}({chr(c)})" for c in missing_proj)
        print(f"warning: {len(missing_proj)} project character(s) not in the source font "
              f"(egui/system fallback must cover them): {shown}")

    write_license(font, source, face)

    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=requested)
    subsetter.subset(font)

    # All faces of the TTC share one CFF table whose FontName is the JP one;
    # in a standalone OTF the CFF FontName should match name ID 6.
    ps_name = font["name"].getDebugName(6)
    if "CFF " in font and ps_name:
        font["CFF "].cff.fontNames = [ps_name]

    subset.save_font(font, str(OUT_FONT), options)
    font.close()

    # Verify the result is a single-face CFF OpenType font with what we need.
    data = OUT_FONT.read_bytes()
    if data[:4] != b"OTTO":
        sys.exit(f"{OUT_FONT}: unexpected header {data[:4]!r} (want OTTO)")
    with TTFont(OUT_FONT) as out:
        cmap = out.getBestCmap()
        glyphs = len(out.getGlyphOrder())
        family, style = face_names(out)
        lacking = [c for c in MUST_HAVE if ord(c) not in cmap]
        not_kept = sorted(c for c in available if c not in cmap)
    if (family, style) != (WANT_FAMILY, WANT_STYLE):
        sys.exit(f"output names are {family!r} {style!r}")
    if lacking or not_kept:
        sys.exit(f"output cmap lacks {lacking} / {len(not_kept)} requested code points")

    size = len(data)
    print(f"wrote {OUT_FONT.relative_to(REPO)}: {len(cmap)} code points, {glyphs} glyphs, "
          f"{size} bytes ({size / 1024 / 1024:.2f} MiB), sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    print(f"wrote {OUT_LICENSE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
