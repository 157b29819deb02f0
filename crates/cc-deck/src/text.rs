//! Short names, titles and the words of a slide.

use crate::*;

/// Longest short name in the body of a slide, in characters.
pub(crate) const SHORT_NAME_CHARS: usize = 16;

/// Longest title of a content slide, in characters.
pub(crate) const TITLE_CHARS: usize = 60;

/// Longest single text in a table cell or list item.
pub(crate) const CELL_CHARS: usize = 400;

/// Most rows of one list slide (with its continuations); what is past it
/// is counted on a last row, so a file with thousands of figures cannot
/// make the deck's work grow without bound.
pub(crate) const MAX_ROWS: usize = 100;

/// The row that says how many were left out.
pub(crate) fn rows_left_out(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "另有{n}项未列出：每页列表最多{MAX_ROWS}项，完整内容见应用中的表格或导出的表格文件"
        ),
        Lang::En => format!(
            "{n} more not listed: a slide lists at most {MAX_ROWS}; the app's table and the exported sheets hold them all"
        ),
    }
}

/// Shortens `s` to at most `max` characters, ending in `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    format::shorten(s, max).into_owned()
}

/// The marker of footnote `i` (from 0): ①…⑩ (the bundled font has these),
/// then (11), (12)...
pub fn note_mark(i: usize) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩";
    CIRCLED
        .chars()
        .nth(i)
        .map(String::from)
        .unwrap_or_else(|| format!("({})", i + 1))
}

/// Longest short label in `lang`, in characters (a Chinese character is
/// about twice as wide as a Latin letter).
pub(crate) fn short_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => SHORT_NAME_CHARS,
        Lang::En => SHORT_NAME_CHARS * 2,
    }
}

/// A cluster's short name for slide bodies: the name without the word
/// "cluster", shortened.
pub fn short_name(c: &Cluster, lang: Lang) -> String {
    let max = short_chars(lang);
    if let Some(s) = c.short_name.as_ref().filter(|s| !s.is_empty()) {
        return shorten_words(s.get(lang).trim(), max);
    }
    let name = c.name.get(lang).trim();
    let stripped = match lang {
        Lang::Zh => name
            .strip_suffix("产业集群")
            .or_else(|| name.strip_suffix("集群"))
            .unwrap_or(name),
        Lang::En => name
            .strip_suffix(" cluster")
            .or_else(|| name.strip_suffix(" Cluster"))
            .unwrap_or(name),
    };
    shorten_words(if stripped.is_empty() { name } else { stripped }, max)
}

/// Shortens at a word boundary where the text has spaces (English), else
/// at `max` characters; `…` marks the cut.
pub(crate) fn shorten_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max || !s.contains(' ') {
        return shorten(s, max);
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        return shorten(s, max);
    }
    out.push('…');
    out
}

/// The deck's title when the user gives none: the short names of one or two
/// clusters, or the first and how many more.
pub fn default_title(shorts: &[String], lang: Lang) -> String {
    match shorts {
        [] => crate::words::CLUSTER_COMPARISON.get(lang).to_owned(),
        [one] => one.clone(),
        [a, b] => match lang {
            Lang::Zh => format!("{a}与{b}"),
            Lang::En => format!("{a} and {b}"),
        },
        [a, rest @ ..] => match lang {
            Lang::Zh => format!("{a}等{}个集群", rest.len() + 1),
            Lang::En => format!("{a} and {} more clusters", rest.len()),
        },
    }
}

pub(crate) fn sep(lang: Lang) -> &'static str {
    crate::words::COMMA.get(lang)
}

pub(crate) fn list_sep(lang: Lang) -> &'static str {
    crate::words::SEMICOLON.get(lang)
}

pub(crate) fn qualifier_key(q: Qualifier) -> String {
    serde_json::to_value(q)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
