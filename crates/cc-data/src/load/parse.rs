//! Parsing: one serde pass for a valid file; element by element when it is
//! not, so one bad cluster does not hide the problems of the next.
//!
//! Problems found here carry a byte offset (or only a JSON path); [`super::resolve`]
//! turns them all into line:column at the end, in one pass.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::locate::{self, offset_of};
use super::strict::Strict;
use super::{MAX_DEPTH, Problem, Spot};
use crate::model::*;

/// One pass over the text when it is valid (the common case); only when it is
/// not, a second, element-by-element pass that collects every problem.
pub(super) fn parse(text: &str) -> Result<Dataset, Vec<Spot>> {
    let mut de = serde_json::Deserializer::from_str(text);
    if let Ok(d) = Dataset::deserialize(Strict(&mut de))
        && de.end().is_ok()
        && (MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&d.format_version)
    {
        // serde's derived structs refuse a repeated field, and every object of
        // the format is a struct: a file that parses has no duplicate keys.
        return Ok(d);
    }
    parse_each(text)
}

fn parse_each(text: &str) -> Result<Dataset, Vec<Spot>> {
    let mut problems = Vec::new();
    // One walk: nesting (serde_json stops at 128 levels by itself; this names
    // the place and the limit) and duplicate keys, with both places.
    let scan = locate::scan(text, &[], MAX_DEPTH);
    if let Some((at, depth)) = scan.too_deep {
        return Err(vec![Spot::at(
            Problem::error(
                "",
                format!("嵌套超过 {MAX_DEPTH} 层（{depth}）；数据集所需的层数远少于此"),
                format!(
                    "nesting deeper than {MAX_DEPTH} levels ({depth}); a dataset needs far fewer"
                ),
            ),
            at,
        )]);
    }
    let dups = !scan.duplicates.is_empty();
    if dups {
        let firsts: Vec<usize> = scan.duplicates.iter().map(|d| d.first).collect();
        let first_pos = locate::positions(text, &firsts);
        for (d, first) in scan.duplicates.iter().zip(first_pos) {
            problems.push(Spot::at(
                Problem::error(
                    d.path.clone(),
                    format!("键 `{}` 重复；另见 {}:{}（对象中每个键只能出现一次）", d.key, first.line, first.column), format!(
                        "duplicate key `{}`; it is also at {}:{} (each key may appear once in an object)",
                        d.key, first.line, first.column
                    ),
                ),
                d.second,
            ));
        }
    }

    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            problems.push(json_error(text, 0, "", &e));
            return Err(problems);
        }
    };
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
            "register",
            "extends",
        ]
        .contains(&key.as_str())
        {
            problems.push(Spot::path(Problem::error(
                key.clone(),
                "未知字段；应为 format_version、title、sources、metric_keys、clusters、context、register、extends 之一", "unknown field; expected one of format_version, title, sources, metric_keys, clusters, context, register, extends",
            )));
        }
    }

    let format_version = match field("format_version") {
        None => {
            problems.push(Spot::path(Problem::error(
                "format_version",
                format!("缺少；应为 `\"format_version\": {FORMAT_VERSION}`"),
                format!("missing; expected `\"format_version\": {FORMAT_VERSION}`"),
            )));
            None
        }
        Some(raw) => element::<u32>(text, offset(raw), "format_version", raw, &mut problems),
    };
    if let Some(v) = format_version
        && !(MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&v)
    {
        problems.push(Spot::path(Problem::error(
            "format_version",
            format!("不支持版本 {v}；本程序读取版本 {MIN_FORMAT_VERSION} 到 {FORMAT_VERSION}"), format!(
                "version {v} is not supported; this build reads versions {MIN_FORMAT_VERSION} to {FORMAT_VERSION}"
            ),
        )));
        return Err(problems);
    }

    let title = field("title")
        .and_then(|raw| element::<Text>(text, offset(raw), "title", raw, &mut problems))
        .unwrap_or_default();
    let register = field("register")
        .and_then(|raw| element::<Register>(text, offset(raw), "register", raw, &mut problems));
    let context = field("context")
        .and_then(|raw| element::<Context>(text, offset(raw), "context", raw, &mut problems))
        .unwrap_or_default();
    let extends = field("extends")
        .and_then(|raw| element::<String>(text, offset(raw), "extends", raw, &mut problems));
    let sources = list::<Source>(text, field("sources"), "sources", &mut problems);
    let metric_keys = list::<MetricKey>(text, field("metric_keys"), "metric_keys", &mut problems);
    let clusters = list::<Cluster>(text, field("clusters"), "clusters", &mut problems);

    if dups {
        // The walk named each repeated key with both places; serde's own
        // "duplicate field" says less.
        problems.retain(|s| !s.problem.message.starts_with("duplicate field"));
    }
    if problems.is_empty() {
        Ok(Dataset {
            format_version: format_version.unwrap_or(FORMAT_VERSION),
            title,
            sources,
            metric_keys,
            clusters,
            context,
            register,
            extends,
            yours: None,
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
    problems: &mut Vec<Spot>,
) -> Vec<T> {
    let Some(raw) = raw else {
        problems.push(Spot::path(Problem::error(
            name,
            "缺少；应为数组（可以为空：[]）",
            "missing; expected an array (it may be empty: [])",
        )));
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
    problems: &mut Vec<Spot>,
) -> Option<T> {
    let de = &mut serde_json::Deserializer::from_str(raw.get());
    match serde_path_to_error::deserialize::<_, T>(Strict(de)) {
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

/// A serde_json error in the slice starting `offset` bytes into `text`, with
/// friendlier wording, placed at its byte offset in the whole text.
fn json_error(text: &str, offset: usize, path: &str, e: &serde_json::Error) -> Spot {
    let mut msg = e.to_string();
    // serde_json appends " at line L column C" (bytes, relative to the parsed slice); we give our own.
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
    // An array refused where an object is required: point at the array
    // itself (serde_json stops inside it).
    let array_for_object = msg.contains("an array [ … ], expected an object");
    let problem = Problem::error(path, crate::load::serde_zh(&msg), msg);
    if e.line() > 0 && !array_for_object {
        Spot::at(problem, offset_of(text, offset, e.line(), e.column()))
    } else {
        Spot::path(problem)
    }
}
