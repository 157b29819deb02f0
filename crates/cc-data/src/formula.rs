//! Text a spreadsheet could take for a formula (OWASP, "CSV Injection"),
//! in the one place both the CSV folder of the dataset's sheets (here) and
//! the comparison sheets (the export layer) read it from.
//!
//! A cell is formula-like when its first character, or its first after
//! blanks (white space, control and invisible format characters, which
//! importers may trim), is one of `= + - @`, a tab or carriage return, or
//! their full-width forms. Such text is written with a leading `'`.

use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula, and their
/// full-width forms, which some spreadsheet programs take alike.
const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Could a spreadsheet read the text cell `s` as a formula?
pub fn looks_like_formula(s: &str) -> bool {
    let first = s.chars().next();
    let after_blanks = s.chars().find(|&c| !is_blank(c));
    first.is_some_and(|c| FORMULA_START.contains(&c))
        || after_blanks.is_some_and(|c| FORMULA_START.contains(&c))
}

/// A text cell of the dataset's CSV folder, safe to open: `'` before text
/// that is formula-like once any leading `'` are looked past, so that
/// [`unguard`] gives back exactly `s` (`'=x` is written `''=x`).
pub fn guard(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s.trim_start_matches('\'')) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The text a [`guard`]ed cell holds: the `'` it was given taken off, and
/// nothing else (a `'` a user typed before ordinary text stays).
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest.trim_start_matches('\'')) => rest,
        _ => s,
    }
}

/// Does `c` show nothing at the start of a cell: white space, a control
/// character or an invisible format character?
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
                | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{3164}'
                | '\u{FEFF}' | '\u{FFA0}'
        )
}

/// Is `c` a bidirectional embedding, override or isolate control?
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_like_text_is_quoted_and_read_back_as_it_was() {
        for (s, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+86 10 1234", "'+86 10 1234"),
            (" \u{200B}-2", "' \u{200B}-2"),
            ("＝1", "'＝1"),
            ("'=x", "''=x"),
            ("'quoted", "'quoted"),
            ("5700亿元", "5700亿元"),
            ("", ""),
        ] {
            assert_eq!(guard(s), written, "{s:?}");
            assert_eq!(unguard(&guard(s)), s, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_survives_the_guard(s in "['=+\\-@ a\u{200B}\t]{0,6}.{0,4}") {
            let g = guard(&s);
            prop_assert!(!looks_like_formula(&g) || g.starts_with('\''));
            prop_assert_eq!(unguard(&g), s.as_str());
        }
    }
}
