//! Parsing: one serde pass for a valid file; element by element when it is
//! not, so one bad cluster does not hide the problems of the next.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::locate::{locate, pos_at};
use super::{MAX_DEPTH, Pos, Problem, Severity};
use crate::model::*;

/// One pass over the text when it is valid (the common case); only when it is
/// not, a second, element-by-element pass that collects every problem.
pub(super) fn parse(text: &str) -> Result<Dataset, Vec<Problem>> {
    if let Ok(d) = serde_json::from_str::<Dataset>(text)
        && d.format_version == FORMAT_VERSION
    {
        return Ok(d);
    }
    parse_each(text)
}

fn parse_each(text: &str) -> Result<Dataset, Vec<Problem>> {
    // serde_json stops at 128 levels by itself; this names the place and the limit.
    if let Some((pos, depth)) = too_deep(text) {
        let mut p = Problem::error(
            "",
            format!("nesting deeper than {MAX_DEPTH} levels ({depth}); a dataset needs far fewer"),
        );
        p.pos = Some(pos);
        return Err(vec![p]);
    }
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => return Err(vec![json_error(text, 0, "", &e)]),
    };
    let mut problems = Vec::new();
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - text.as_ptr() as usize;

    let field = |name: &str| top.get(name).copied();
    for key in top.keys() {
        if ![
            "format_version",
            "title",
            "sources",
            "metric_keys",
            "clusters",
            "context",
        ]
        .contains(&key.as_str())
        {
            let mut p = Problem::error(
                key.clone(),
                "unknown field; expected one of format_version, title, sources, metric_keys, clusters, context",
            );
            p.pos = locate(text, key);
            problems.push(p);
        }
    }

    let format_version = match field("format_version") {
        None => {
            problems.push(Problem::error(
                "format_version",
                format!("missing; expected `\"format_version\": {FORMAT_VERSION}`"),
            ));
            None
        }
        Some(raw) => element::<u32>(text, offset(raw), "format_version", raw, &mut problems),
    };
    if let Some(v) = format_version
        && v != FORMAT_VERSION
    {
        let mut p = Problem::error(
            "format_version",
            format!("version {v} is not supported; this build reads version {FORMAT_VERSION}"),
        );
        p.pos = locate(text, "format_version");
        problems.push(p);
        return Err(problems);
    }

    let title = field("title")
        .and_then(|raw| element::<Text>(text, offset(raw), "title", raw, &mut problems))
        .unwrap_or_default();
    let context = field("context")
        .and_then(|raw| element::<Context>(text, offset(raw), "context", raw, &mut problems))
        .unwrap_or_default();
    let sources = list::<Source>(text, field("sources"), "sources", &mut problems);
    let metric_keys = list::<MetricKey>(text, field("metric_keys"), "metric_keys", &mut problems);
    let clusters = list::<Cluster>(text, field("clusters"), "clusters", &mut problems);

    if problems.is_empty() {
        Ok(Dataset {
            format_version: format_version.unwrap_or(FORMAT_VERSION),
            title,
            sources,
            metric_keys,
            clusters,
            context,
        })
    } else {
        Err(problems)
    }
}

/// Parses a top-level array one element at a time, so every bad element is reported.
fn list<T: DeserializeOwned>(
    text: &str,
    raw: Option<&RawValue>,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let Some(raw) = raw else {
        problems.push(Problem::error(
            name,
            "missing; expected an array (it may be empty: [])",
        ));
        return Vec::new();
    };
    let base = raw.get().as_ptr() as usize - text.as_ptr() as usize;
    let items: Vec<&RawValue> = match serde_json::from_str(raw.get()) {
        Ok(items) => items,
        Err(e) => {
            problems.push(json_error(text, base, name, &e));
            return Vec::new();
        }
    };
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let off = item.get().as_ptr() as usize - text.as_ptr() as usize;
            element(text, off, &format!("{name}[{i}]"), item, problems)
        })
        .collect()
}

fn element<T: DeserializeOwned>(
    text: &str,
    offset: usize,
    path: &str,
    raw: &RawValue,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let de = &mut serde_json::Deserializer::from_str(raw.get());
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Some(v),
        Err(e) => {
            let inner = e.path().to_string();
            let full = join_path(path, if inner == "." { "" } else { &inner });
            problems.push(json_error(text, offset, &full, e.inner()));
            None
        }
    }
}

fn join_path(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_owned(),
        (true, false) => b.to_owned(),
        (false, false) if b.starts_with('[') => format!("{a}{b}"),
        _ => format!("{a}.{b}"),
    }
}

/// A serde_json error at `offset` bytes into `text`, with friendlier wording.
fn json_error(text: &str, offset: usize, path: &str, e: &serde_json::Error) -> Problem {
    let mut msg = e.to_string();
    // serde_json appends " at line L column C" relative to the parsed slice; we give our own.
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    for (rust, plain) in [
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number (0 or more)"),
        ("expected i32", "expected a whole number, e.g. a year"),
        ("expected a sequence", "expected an array [ … ]"),
        ("expected a map", "expected an object { … }"),
        ("struct ", ""),
    ] {
        msg = msg.replace(rust, plain);
    }
    if path.is_empty() && msg.contains("expected an object") {
        msg = format!("{msg}: the top level must be a JSON object {{ … }}");
    }
    if e.is_eof() {
        msg = format!("{msg}: the file ends early (unclosed bracket or string?)");
    }
    let local = (e.line() > 0).then(|| {
        // Line/column from serde_json are relative to the slice it parsed.
        let slice_start = pos_at(text, offset);
        if e.line() == 1 {
            Pos {
                line: slice_start.line,
                column: slice_start.column + e.column().saturating_sub(1),
            }
        } else {
            Pos {
                line: slice_start.line + e.line() - 1,
                column: e.column(),
            }
        }
    });
    Problem {
        severity: Severity::Error,
        path: path.to_owned(),
        pos: local,
        message: msg,
    }
}

/// Finds nesting deeper than [`MAX_DEPTH`] without recursion.
fn too_deep(text: &str) -> Option<(Pos, usize)> {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((pos_at(text, i), depth));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
