//! Making user text safe in the formats we write: data files are input from
//! anyone, and an export must not turn into a formula, markup or reversed
//! text when a colleague opens it.
//!
//! - CSV/TSV: a text cell a spreadsheet could read as a formula is prefixed
//!   with a single quote (OWASP, "CSV Injection"); numbers are left alone.
//! - Markdown: every character that could start markup is escaped (and no
//!   more, so pasted text reads as written), line breaks become spaces, so a
//!   table row keeps its columns.
//! - HTML: `& < > " '` escaped; user text is isolated in `<bdi>`.
//! - Both: bidirectional embedding, override and isolate controls (U+202A–E,
//!   U+2066–9) are removed, so a name cannot reverse the text after it.

use std::borrow::Cow;

use cc_data::formula::{is_bidi_control, looks_like_formula};

/// A text cell for CSV/TSV: prefixed with `'` where a spreadsheet could take
/// it for a formula ([`cc_data::formula`]: leading white space, control and
/// invisible format characters are looked through, since importers may trim
/// them, as LibreOffice's "Trim spaces" does).
///
/// Only text goes through here; numeric cells are written as numbers.
pub fn csv_text(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Is `c` a line or paragraph break, or another control character (not tab)?
fn is_break_or_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// User text on one line, without bidi controls: line breaks and control
/// characters become spaces.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_break_or_control(c) || is_bidi_control(c))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| if is_break_or_control(c) { ' ' } else { c })
            .collect(),
    )
}

/// User text for Markdown, safe anywhere in a line (table cell, heading,
/// list item), escaping no more than needs it, since the text is often pasted
/// as it is into Word, Feishu or WeChat: one line, trimmed; every character
/// that can open or close inline markup backslash-escaped (`\` first, so `\|`
/// stays two literal characters in one cell; `|` so a row keeps its columns);
/// `<` only where it could open a tag (`&lt;`), `&` only where it could start
/// an entity (`&amp;`); and what could start a block at the start of the text
/// (`>`, `-`, `+`, `=`, `1.`, `1)`) escaped. `>` elsewhere (`> 5700亿元`
/// inside a cell) stays as it is.
pub fn md(s: &str) -> String {
    md_with(s, true)
}

/// User text for a Markdown table cell: as [`md`], but what starts a block
/// (`>`, `-`, `1.`) is left alone, since a cell holds inline text only
/// (`> 5700亿元` stays as written).
pub fn md_cell(s: &str) -> String {
    md_with(s, false)
}

fn md_with(s: &str, block_start: bool) -> String {
    let line = one_line(s);
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let mut leading_digits = true;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            '<' if next
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;")
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' | '>' if i == 0 && block_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if block_start
                    && leading_digits
                    && i > 0
                    && next.is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        leading_digits &= c.is_ascii_digit();
    }
    out
}

/// Do the characters after a `&` make it an entity (`amp;`, `#60;`, `#x3C;`)?
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// User text for HTML element content or attribute values.
pub fn html(s: &str) -> String {
    let line = strip_bidi(s);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// User text as HTML element content, isolated from its surroundings
/// (`<bdi>`), so right-to-left text in it cannot reorder what follows.
pub fn html_bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", html(s))
}

/// Removes bidirectional embedding, override and isolate controls.
pub fn strip_bidi(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_bidi_control) {
        Cow::Owned(s.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for s in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "  =1+1",
            "\n=1+1",
            "\u{a0}=1+1",
            "\u{3000}=1+1",
            "\u{200b}=1+1",
            "\u{feff}@x",
            "\u{2007}-1+1",
            "\u{202e}=1",
            "＝1+1",
        ] {
            assert!(csv_text(s).starts_with('\''), "{s:?}");
        }
        for s in ["深圳", "> 5700亿元", "−12%", "a=b", ""] {
            assert_eq!(csv_text(s), s);
        }
    }

    #[test]
    fn markdown_text_has_no_live_markup() {
        assert_eq!(md("a\\|b"), "a\\\\\\|b");
        assert_eq!(md("x\r\ny\n"), "x  y");
        assert_eq!(md("<img onerror=alert(1)>"), "&lt;img onerror=alert(1)>");
        assert_eq!(md("</b> <!-- <?x"), "&lt;/b> &lt;!-- &lt;?x");
        assert_eq!(md("> 5700亿元"), "\\> 5700亿元");
        assert_eq!(md("约 > 5700亿元, < 3%"), "约 > 5700亿元, < 3%");
        assert_eq!(md("R&D &amp; &#60; & x"), "R&D &amp;amp; &amp;\\#60; & x");
        assert_eq!(md("- # x"), "\\- \\# x");
        assert_eq!(md("2021-07"), "2021-07");
        assert_eq!(md("1. item"), "1\\. item");
        assert_eq!(md("2021.5"), "2021.5");
        assert_eq!(md("7)"), "7\\)");
        assert_eq!(md("abc."), "abc.");
        assert_eq!(md("a\u{202E}b"), "ab");
        assert_eq!(md("深圳先进电池材料集群"), "深圳先进电池材料集群");
        assert_eq!(md_cell("> 5700亿元"), "> 5700亿元");
        assert_eq!(md_cell("- 3% | 1. x"), "- 3% \\| 1. x");
    }

    #[test]
    fn html_text_is_escaped_and_isolated() {
        assert_eq!(
            html_bdi("<b>\u{202E}x'\"&"),
            "<bdi>&lt;b&gt;x&#39;&quot;&amp;</bdi>"
        );
    }
}
