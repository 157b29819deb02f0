//! Text made safe for an XML part, and the DrawingML text runs of a slide.

use cc_deck::is_bidi_control;

/// Points to EMU (English Metric Units), the unit of OOXML positions.
pub(crate) fn emu(pt: f64) -> i64 {
    (pt * 12700.0).round() as i64
}

/// A character XML 1.0 allows in a document (tab and newline among the
/// controls), that is not a bidirectional control: a publisher's name
/// cannot reverse the text around it.
fn allowed(c: char) -> bool {
    let xml = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}');
    xml && !is_bidi_control(c) && !matches!(c, '\u{7F}'..='\u{9F}')
}

/// `s` without the characters XML forbids and bidi controls, line
/// breaks kept (text for the embedded workbook, which escapes itself).
pub(crate) fn clean(s: &str) -> String {
    s.chars().filter(|&c| allowed(c)).collect()
}

/// `s` as XML character data or attribute value: markup characters
/// escaped, characters XML forbids (and bidi controls) removed.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A line break inside one run is a space; paragraphs are split
            // by the caller.
            '\n' | '\r' | '\t' => out.push(' '),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A colour `#rrggbb` as DrawingML's `RRGGBB`; black for anything else.
pub(crate) fn hex(color: &str) -> String {
    let h = color.trim().trim_start_matches('#');
    if h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()) {
        h.to_ascii_uppercase()
    } else {
        "000000".into()
    }
}

/// The East Asian font of every run: the deck's own font.
pub(crate) const EA_FONT: &str = "Noto Sans CJK SC";

/// How a run of text looks.
#[derive(Clone, Debug)]
pub(crate) struct Look {
    pub size: f64,
    pub bold: bool,
    pub color: String,
    pub lang: &'static str,
}

impl Look {
    pub(crate) fn new(size: f64, color: &str, lang: &'static str) -> Self {
        Self {
            size,
            bold: false,
            color: hex(color),
            lang,
        }
    }

    pub(crate) fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The run properties, `tag` being `a:rPr` or `a:endParaRPr`/`a:defRPr`.
    pub(crate) fn props(&self, tag: &str) -> String {
        let lang = if self.lang == "zh" { "zh-CN" } else { "en-US" };
        format!(
            r#"<{tag} lang="{lang}" altLang="en-US" sz="{}" b="{}" dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:latin typeface="{EA_FONT}"/><a:ea typeface="{EA_FONT}"/><a:cs typeface="{EA_FONT}"/></{tag}>"#,
            (self.size * 100.0).round() as i64,
            u8::from(self.bold),
            self.color,
        )
    }

    /// One run of `text` (one line).
    pub(crate) fn run(&self, text: &str) -> String {
        format!("<a:r>{}<a:t>{}</a:t></a:r>", self.props("a:rPr"), esc(text))
    }
}

/// Line spacing as a multiple of the type size.
pub(crate) const LEADING: f64 = 1.25;

/// Paragraph alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

impl Align {
    fn attr(self) -> &'static str {
        match self {
            Align::Left => "l",
            Align::Center => "ctr",
            Align::Right => "r",
        }
    }
}

/// A paragraph of runs; `space_before` in points.
/// Lines are set [`LEADING`] times their size apart, exactly, so the
/// heights the writer plans are the heights drawn.
pub(crate) fn para(runs: &[(&str, &Look)], align: Align, space_before: f64, end: &Look) -> String {
    let size = runs.iter().map(|r| r.1.size).fold(end.size, f64::max);
    let mut s = format!(
        r#"<a:p><a:pPr algn="{}"><a:lnSpc><a:spcPts val="{}"/></a:lnSpc><a:spcBef><a:spcPts val="{}"/></a:spcBef><a:buNone/></a:pPr>"#,
        align.attr(),
        (size * LEADING * 100.0).round() as i64,
        (space_before * 100.0).round() as i64
    );
    for (text, look) in runs {
        if !text.is_empty() {
            s.push_str(&look.run(text));
        }
    }
    s.push_str(&end.props("a:endParaRPr"));
    s.push_str("</a:p>");
    s
}

/// One paragraph per line of `text` (its `\n`s), all in one look.
pub(crate) fn paras(text: &str, look: &Look, align: Align, space_before: f64) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        let before = if i == 0 { space_before } else { 0.0 };
        out.push_str(&para(&[(line, look)], align, before, look));
    }
    out
}

/// Rough width of `s` in ems: CJK and full-width characters take one,
/// others a little over half.
pub(crate) fn ems(s: &str) -> f64 {
    s.chars()
        .map(|c| {
            if matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' | '\u{2460}'..='\u{24FF}' | '\u{20000}'..='\u{3FFFF}')
            {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                0.68
            } else {
                0.56
            }
        })
        .sum()
}

/// Lines `text` takes in a box `width` points wide at `size` points
/// (at least one).
pub(crate) fn lines(text: &str, width: f64, size: f64) -> usize {
    let per_line = (width / size).max(1.0);
    text.split('\n')
        .map(|l| ((ems(l) / per_line).ceil() as usize).max(1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_are_dropped() {
        let s = esc("a<b>&\"c'\u{1}\u{0}\u{202E}d\u{FFFE}\u{7}\u{85}e");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&apos;de");
    }

    #[test]
    fn colours_are_six_hex_digits() {
        assert_eq!(hex("#1a2B3c"), "1A2B3C");
        assert_eq!(hex("red\"/>"), "000000");
    }

    #[test]
    fn chinese_takes_more_lines_than_latin_of_the_same_length() {
        assert!(lines(&"中".repeat(80), 200.0, 10.0) > lines(&"a".repeat(80), 200.0, 10.0));
        assert_eq!(lines("a\nb", 200.0, 10.0), 2);
    }
}
