//! Every text of the deck, made safe to lay out: no bidirectional or other
//! control characters (a publisher's name cannot reverse the dates of a
//! source line), no runs of newlines, no unbroken word wider than a slide,
//! no tower of combining marks, and no character the bundled font lacks
//! (it is replaced visibly instead of showing as an empty box).

use crate::model::{Body, Deck, Slide, Swatch};

/// Longest run of letters without a break opportunity that a slide shows;
/// longer runs are cut and end in `…`.
pub(crate) const LONG_WORD: usize = 40;

/// Combining marks kept on one base character.
pub(crate) const COMBINING: usize = 2;

/// Lines kept in a text that may have several (a table cell, a source).
pub(crate) const MAX_LINES: usize = 4;

/// Longest text after cleaning (a replaced character takes several).
pub(crate) const MAX_CHARS: usize = 600;

/// Bidirectional formatting characters: embeddings, overrides, isolates
/// and marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Invisible characters that carry no text of their own: zero-width
/// spaces and joiners, word joiners, the byte order mark, soft hyphens,
/// interlinear annotation and tag characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{FE00}'..='\u{FE0F}')
}

/// A combining mark (the common blocks).
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}'
    )
}

/// A character a line may break after or before by itself (CJK ideographs,
/// kana, full-width forms), so a run of them never needs cutting.
fn breaks_itself(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Where a long word may break: white space and the characters lines break
/// after (slashes and dashes in addresses and compounds).
fn word_boundary(c: char) -> bool {
    c == ' ' || c == '\n' || breaks_itself(c) || matches!(c, '/' | '-' | '–' | '—' | '|')
}

/// `s` cleaned; `multiline`: single newlines are kept (at most
/// [`MAX_LINES`] lines), otherwise every line break becomes a space.
/// `glyph` says whether the font can draw a character.
pub fn clean_with(s: &str, multiline: bool, glyph: &dyn Fn(char) -> bool) -> String {
    // 1. Characters: drop controls and invisibles, cap combining marks,
    //    replace what the font lacks.
    let mut out = String::with_capacity(s.len().min(4 * MAX_CHARS));
    let mut marks = 0;
    let mut chars = 0usize;
    for c in s.chars() {
        if chars > 4 * MAX_CHARS {
            break;
        }
        let piece: Option<std::borrow::Cow<'static, str>> = if is_line_break(c) {
            Some(if multiline { "\n".into() } else { " ".into() })
        } else if is_bidi_control(c) || is_invisible(c) {
            None
        } else if c.is_control() || c.is_whitespace() {
            Some(" ".into())
        } else if is_combining(c) {
            marks += 1;
            (marks <= COMBINING).then(|| {
                if glyph(c) {
                    String::from(c).into()
                } else {
                    replacement(c, glyph).into()
                }
            })
        } else if glyph(c) {
            marks = 0;
            Some(String::from(c).into())
        } else {
            marks = 0;
            Some(replacement(c, glyph).into())
        };
        if let Some(p) = piece {
            chars += p.chars().count();
            out.push_str(&p);
        }
    }
    // 2. Lines: spaces collapsed, blank lines dropped, at most MAX_LINES.
    let lines: Vec<String> = out
        .split('\n')
        .map(|l| {
            l.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect();
    let joined = if lines.len() > MAX_LINES {
        let (keep, rest) = lines.split_at(MAX_LINES - 1);
        let mut v = keep.to_vec();
        v.push(rest.join(" "));
        v.join("\n")
    } else {
        lines.join("\n")
    };
    // 3. Words: a run without a break longer than LONG_WORD is cut.
    let mut text = String::with_capacity(joined.len());
    let mut run = 0usize;
    let mut cut = false;
    for c in joined.chars() {
        if word_boundary(c) {
            run = 0;
            cut = false;
            text.push(c);
            continue;
        }
        run += 1;
        if cut {
            continue;
        }
        if run >= LONG_WORD {
            text.push('…');
            cut = true;
        } else {
            text.push(c);
        }
    }
    crate::text::shorten(&text, MAX_CHARS)
}

/// What stands for a character the font lacks.
fn replacement(c: char, glyph: &dyn Fn(char) -> bool) -> String {
    if glyph('\u{FFFD}') {
        "\u{FFFD}".to_owned()
    } else {
        format!("[U+{:04X}]", c as u32)
    }
}

/// [`clean_with`] against the bundled font.
pub fn clean(s: &str, multiline: bool) -> String {
    clean_with(s, multiline, &crate::typeset::has_glyph)
}

fn one(s: &mut String) {
    *s = clean(s, false);
}

fn many(s: &mut String) {
    *s = clean(s, true);
}

fn swatch(s: &mut Swatch) {
    one(&mut s.text);
    one(&mut s.detail);
}

fn slide(s: &mut Slide) {
    one(&mut s.title);
    one(&mut s.subtitle);
    one(&mut s.sources);
    s.notes.iter_mut().for_each(one);
    s.overflow.iter_mut().for_each(one);
    match &mut s.body {
        Body::Title {
            heading,
            data_title,
            date,
            clusters,
        } => {
            one(heading);
            one(data_title);
            one(date);
            clusters.iter_mut().for_each(swatch);
        }
        Body::Table {
            header,
            first,
            rows,
            ..
        } => {
            header.iter_mut().for_each(swatch);
            one(first);
            for r in rows {
                one(&mut r.label);
                r.cells.iter_mut().for_each(many);
            }
        }
        Body::Bars {
            bars,
            axis,
            warning,
            ..
        } => {
            one(axis);
            one(warning);
            for b in bars {
                one(&mut b.label);
                one(&mut b.value);
                one(&mut b.detail);
            }
        }
        Body::Targets { rows, header } => {
            header.iter_mut().for_each(one);
            for r in rows {
                for s in [
                    &mut r.cluster,
                    &mut r.what,
                    &mut r.target,
                    &mut r.actual,
                    &mut r.progress_text,
                    &mut r.on_track,
                ] {
                    one(s);
                }
            }
        }
        Body::Sources { items } | Body::Notes { items } => {
            for i in items {
                many(&mut i.head);
                i.quotes.iter_mut().for_each(one);
            }
        }
        Body::Map { tiles, legend, .. } => {
            for t in tiles {
                one(&mut t.label);
                many(&mut t.short);
                one(&mut t.count);
            }
            legend.iter_mut().for_each(swatch);
        }
    }
}

/// Cleans every text of `deck` in place.
pub(crate) fn clean_deck(deck: &mut Deck) {
    for s in &mut deck.slides {
        slide(s);
    }
    for s in [
        &mut deck.labels.continued,
        &mut deck.labels.sources,
        &mut deck.labels.none,
        &mut deck.labels.further_notes,
    ] {
        one(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(_: char) -> bool {
        true
    }

    #[test]
    fn bidi_and_control_characters_are_removed() {
        let s = "People\u{202E}s Daily\u{2066}x\u{2069}\u{200F}\u{061C}\u{0007}\tend";
        assert_eq!(clean_with(s, false, &all), "Peoples Dailyx end");
        assert!(!clean_with(s, false, &all).chars().any(is_bidi_control));
    }

    #[test]
    fn newlines_collapse_and_long_words_are_cut_visibly() {
        let s = format!("a{}b", "\n".repeat(200));
        assert_eq!(clean_with(&s, false, &all), "a b");
        assert_eq!(clean_with(&s, true, &all), "a\nb");
        let many_lines = (0..50)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            clean_with(&many_lines, true, &all).lines().count(),
            MAX_LINES
        );
        let long = "x".repeat(20_000);
        let c = clean_with(&long, false, &all);
        assert!(c.ends_with('…') && c.chars().count() == LONG_WORD, "{c}");
        // CJK breaks between any two characters: only shortened by length.
        assert_eq!(clean_with(&"长".repeat(100), false, &all), "长".repeat(100));
    }

    #[test]
    fn combining_marks_are_capped_and_missing_glyphs_replaced() {
        let zalgo = format!("a{}b", "\u{0301}".repeat(1_000));
        assert_eq!(clean_with(&zalgo, false, &all), "a\u{0301}\u{0301}b");
        let no_emoji = |c: char| c != '\u{1F50B}';
        assert_eq!(clean_with("x\u{1F50B}y", false, &no_emoji), "x\u{FFFD}y");
        let bare = |c: char| c.is_ascii();
        assert_eq!(clean_with("x\u{1F50B}y", false, &bare), "x[U+1F50B]y");
    }
}
