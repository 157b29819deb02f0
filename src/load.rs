//! Loading and validation: the one place that turns bytes into a [`Dataset`].
//!
//! Every problem names the file, the place (line:column and JSON path) and
//! what was expected. Parsing goes element by element, so one bad cluster does
//! not hide the problems of the next; validation then collects every problem
//! of the parsed data. Nothing here panics, whatever the bytes.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::model::*;
use crate::units::{self, Dimension};

/// Files larger than this are refused before they are read whole. The seed
/// dataset is well under 1 MiB; a 10,000-cluster synthetic file is ~40 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deeper nesting than this is refused (the format itself needs 6 levels).
pub const MAX_DEPTH: usize = 32;

/// The seed dataset, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../seeds/clusters.json");
/// The name problems in the embedded dataset are reported under.
pub const EMBEDDED_NAME: &str = "<embedded>/seeds/clusters.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A line and column, both counted from 1 (columns in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path such as `clusters[2].metrics[0].unit`; empty for the whole file.
    pub path: String,
    pub pos: Option<Pos>,
    pub message: String,
}

impl Problem {
    fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: message.into(),
        }
    }

    fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// `file:line:col: error: path: message`, the form editors jump to.
    pub fn render(&self, file: &str) -> String {
        let mut s = String::from(file);
        if let Some(p) = self.pos {
            s.push_str(&format!(":{}:{}", p.line, p.column));
        }
        s.push_str(match self.severity {
            Severity::Error => ": error: ",
            Severity::Warning => ": warning: ",
        });
        if !self.path.is_empty() {
            s.push_str(&self.path);
            s.push_str(": ");
        }
        s.push_str(&self.message);
        s
    }
}

/// A file that could not be loaded, with every problem found in it.
#[derive(Clone, Debug, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        writeln!(f, "{}: {} error(s)", self.file, errors)?;
        for p in &self.problems {
            writeln!(f, "{}", p.render(&self.file))?;
        }
        Ok(())
    }
}

/// A dataset that loaded, with the warnings validation found.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub file: String,
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// The embedded seed dataset. It is checked by the test suite, so failure here
/// means a broken build; the error is returned rather than panicking anyway.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    load_str(EMBEDDED_NAME, EMBEDDED)
}

/// Reads and loads a file, refusing files above [`MAX_FILE_BYTES`] before reading.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let fail = |message: String| LoadError {
        file: file.clone(),
        problems: vec![Problem::error("", message)],
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    if meta.is_dir() {
        return Err(fail("is a folder; expected a JSON dataset file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is {} bytes; a dataset may be at most {} bytes (64 MiB)",
            meta.len(),
            MAX_FILE_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    load_bytes(&file, &bytes)
}

/// Loads a dataset from raw bytes.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let fail = |p: Problem| LoadError {
        file: file.to_owned(),
        problems: vec![p],
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(Problem::error(
            "",
            format!(
                "{} bytes; a dataset may be at most {MAX_FILE_BYTES} bytes",
                bytes.len()
            ),
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let mut p = Problem::error(
                "",
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} at offset {}); save it as UTF-8",
                    bytes[e.valid_up_to()],
                    e.valid_up_to()
                ),
            );
            p.pos = Some(pos_at(prefix, prefix.len()));
            return Err(fail(p));
        }
    };
    load_str(file, text)
}

/// Loads a dataset from text: parse, then validate. Every problem is listed.
///
/// ```
/// let err = cluster_compare::load::load_str("x.json", "[]").unwrap_err();
/// assert!(err.to_string().contains("x.json:1:1"));
/// ```
pub fn load_str(file: &str, text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |problems: Vec<Problem>| LoadError {
        file: file.to_owned(),
        problems,
    };
    if text.trim().is_empty() {
        return Err(fail(vec![Problem::error(
            "",
            "the file is empty; expected a JSON object with format_version, sources, metric_keys and clusters",
        )]));
    }
    let dataset = parse(text).map_err(fail)?;
    let mut problems = validate(&dataset);
    for p in &mut problems {
        p.pos = locate(text, &p.path);
    }
    problems.sort_by_key(|p| p.severity);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(fail(problems));
    }
    Ok(Loaded {
        file: file.to_owned(),
        dataset,
        warnings: problems,
    })
}

/// One pass over the text when it is valid (the common case); only when it is
/// not, a second, element-by-element pass that collects every problem.
fn parse(text: &str) -> Result<Dataset, Vec<Problem>> {
    if let Ok(d) = serde_json::from_str::<Dataset>(text)
        && (MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&d.format_version)
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
            "register",
        ]
        .contains(&key.as_str())
        {
            let mut p = Problem::error(
                key.clone(),
                "unknown field; expected one of format_version, title, sources, metric_keys, clusters, context, register",
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
        && !(MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&v)
    {
        let mut p = Problem::error(
            "format_version",
            format!(
                "version {v} is not supported; this build reads versions {MIN_FORMAT_VERSION} to {FORMAT_VERSION}"
            ),
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
    let register = field("register")
        .and_then(|raw| element::<Register>(text, offset(raw), "register", raw, &mut problems));
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
            register,
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

/// Line and column (in characters) of byte `offset`.
fn pos_at(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line,
        column: before[line_start..].chars().count() + 1,
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

/// Finds where a JSON path (`clusters[2].metrics[0].unit`) starts in `text`.
/// A small forward scanner over already-valid JSON; `None` if not found.
pub fn locate(text: &str, path: &str) -> Option<Pos> {
    let mut seg = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            seg.push(Seg::Key(name));
        }
        while !rest.is_empty() {
            let (idx, r) = rest.split_once(']')?;
            seg.push(Seg::Index(idx.parse().ok()?));
            rest = r.strip_prefix('[').unwrap_or(r);
        }
    }
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, 0);
    for s in seg {
        i = match s {
            Seg::Key(k) => find_key(bytes, i, k)?,
            Seg::Index(n) => find_index(bytes, i, n)?,
        };
    }
    Some(pos_at(text, i))
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// End of the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => {
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            None
        }
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_value(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

fn find_key(b: &[u8], i: usize, key: &str) -> Option<usize> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let end = skip_value(b, j)?;
        let name = std::str::from_utf8(&b[j + 1..end - 1]).ok()?;
        let colon = skip_ws(b, end);
        let v = skip_ws(b, colon + 1);
        if name == key {
            return Some(v);
        }
        j = skip_ws(b, skip_value(b, v)?);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

fn find_index(b: &[u8], i: usize, n: usize) -> Option<usize> {
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    for _ in 0..n {
        j = skip_ws(b, skip_value(b, j)?);
        if b.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (b.get(j) != Some(&b']')).then_some(j)
}

// ---------------------------------------------------------------- validation

/// Every problem of a parsed dataset: errors and warnings.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut v = Validator {
        d,
        out: Vec::new(),
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
        keys: d.metric_keys.iter().map(|k| k.key.as_str()).collect(),
    };
    v.run();
    crate::validate_v2::validate(d, &mut v.out);
    v.out
}

struct Validator<'a> {
    d: &'a Dataset,
    out: Vec<Problem>,
    sources: HashSet<&'a str>,
    keys: HashSet<&'a str>,
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_snake(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

impl<'a> Validator<'a> {
    fn err(&mut self, path: String, msg: impl Into<String>) {
        self.out.push(Problem::error(path, msg));
    }

    fn warn(&mut self, path: String, msg: impl Into<String>) {
        self.out.push(Problem::warning(path, msg));
    }

    fn run(&mut self) {
        let d = self.d;
        let mut seen = HashSet::new();
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            if s.id.trim().is_empty() {
                self.err(
                    format!("{p}.id"),
                    "empty id; expected a short id such as src-000",
                );
            } else if !seen.insert(s.id.as_str()) {
                self.err(format!("{p}.id"), format!("duplicate source id `{}`", s.id));
            }
            if s.title.is_empty() {
                self.err(format!("{p}.title"), "empty title");
            }
            if !is_date(&s.date) {
                self.err(
                    format!("{p}.date"),
                    format!(
                        "`{}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        s.date
                    ),
                );
            }
            if s.date_approximate && s.date_note.is_none() {
                self.warn(
                    format!("{p}.date_note"),
                    "the date is approximate but no note says why",
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, k) in d.metric_keys.iter().enumerate() {
            let p = format!("metric_keys[{i}]");
            if !is_snake(&k.key) {
                self.err(
                    format!("{p}.key"),
                    format!("`{}` is not a snake_case key (a-z, 0-9, _)", k.key),
                );
            } else if !seen.insert(k.key.as_str()) {
                self.err(
                    format!("{p}.key"),
                    format!("duplicate metric key `{}`", k.key),
                );
            }
            if k.name.is_empty() {
                self.err(format!("{p}.name"), "empty name");
            }
        }
        let mut ids = HashSet::new();
        let mut policy_ids: HashMap<&str, String> = HashMap::new();
        for (i, c) in d.clusters.iter().enumerate() {
            let p = format!("clusters[{i}]");
            if !is_kebab(&c.id) {
                self.err(
                    format!("{p}.id"),
                    format!(
                        "`{}` is not a kebab-case id (lower-case letters, digits, single hyphens)",
                        c.id
                    ),
                );
            } else if !ids.insert(c.id.as_str()) {
                self.err(
                    format!("{p}.id"),
                    format!("duplicate cluster id `{}`", c.id),
                );
            }
            self.cluster(&p, c, &mut policy_ids);
        }
        self.context(&ids, &mut policy_ids);
    }

    // Paths are passed as (base, suffix) and joined only when a problem is
    // reported: a valid file allocates no path strings here.

    fn name(&mut self, base: &str, suffix: &str, t: &Text) {
        if t.zh.trim().is_empty() {
            self.err(
                format!("{base}{suffix}"),
                "empty Chinese name (zh); every name needs at least Chinese",
            );
        } else if t.en.trim().is_empty() {
            self.warn(
                format!("{base}{suffix}"),
                "no English name (en); English views will show Chinese",
            );
        }
    }

    fn cite(&mut self, base: &str, suffix: &str, c: &Citation) {
        if !self.sources.contains(c.source.as_str()) {
            self.err(
                format!("{base}{suffix}.source"),
                format!("cites source `{}`, which is not in `sources`", c.source),
            );
        }
        if c.quote.trim().is_empty() {
            self.err(
                format!("{base}{suffix}.quote"),
                "empty quote; give the phrase as written in the source",
            );
        }
    }

    fn year(&mut self, base: &str, suffix: &str, y: i32) {
        if !YEARS.contains(&y) {
            self.err(
                format!("{base}{suffix}"),
                format!("year {y} is outside 1949–2100"),
            );
        }
    }

    fn metric(&mut self, p: &str, m: &Metric) {
        if !self.keys.contains(m.key.as_str()) {
            self.err(
                format!("{p}.key"),
                format!("metric key `{}` is not defined in `metric_keys`", m.key),
            );
        }
        self.value(p, m.value, &m.unit);
        self.year(p, ".as_of.year", m.as_of.year);
        if m.as_of.approximate && m.as_of.note.is_none() {
            self.warn(
                format!("{p}.as_of.note"),
                "the year is approximate but no note says why",
            );
        }
        self.cite(p, "", &m.source);
    }

    fn value(&mut self, p: &str, value: f64, unit: &str) {
        match units::unit(unit) {
            None => self.err(
                format!("{p}.unit"),
                format!(
                    "unknown unit `{unit}`; expected one of {}",
                    units::known_symbols().join(" ")
                ),
            ),
            Some(u) if !(value * u.factor).is_finite() => self.err(
                format!("{p}.value"),
                format!("{value} {unit} is too large to convert"),
            ),
            Some(u) => {
                let counted = matches!(
                    u.dimension,
                    Dimension::Firms
                        | Dimension::Count
                        | Dimension::Vehicles
                        | Dimension::Mass
                        | Dimension::Energy
                        | Dimension::Area
                        | Dimension::MoneyCny
                        | Dimension::MoneyUsd
                );
                if counted && value < 0.0 {
                    self.err(
                        format!("{p}.value"),
                        format!("negative value {value} for a count or amount in `{unit}`"),
                    );
                }
            }
        }
        if !value.is_finite() {
            self.err(format!("{p}.value"), "not a finite number");
        }
    }

    fn policy(&mut self, p: &str, pol: &'a Policy, ids: &mut HashMap<&'a str, String>) {
        if pol.id.trim().is_empty() {
            self.err(format!("{p}.id"), "empty policy id");
        } else if let Some(first) = ids.get(pol.id.as_str()) {
            self.err(
                format!("{p}.id"),
                format!("duplicate policy id `{}` (first at {first})", pol.id),
            );
        } else {
            ids.insert(pol.id.as_str(), p.to_owned());
        }
        self.name(p, ".title", &pol.title);
        if pol.categories.is_empty() {
            self.err(
                format!("{p}.categories"),
                "no category; expected at least one of the instrument taxonomy",
            );
        }
        if let Some(y) = pol.year {
            self.year(p, ".year", y);
        }
        self.cite(p, "", &pol.source);
    }

    fn cluster(&mut self, p: &str, c: &'a Cluster, policy_ids: &mut HashMap<&'a str, String>) {
        self.name(p, ".name", &c.name);
        if c.provinces.is_empty() {
            self.warn(format!("{p}.provinces"), "no province given");
        }
        if c.industry.is_empty() {
            self.warn(format!("{p}.industry"), "no industry given");
        }
        if let Some(d) = &c.designation {
            if let Some(y) = d.year {
                self.year(p, ".designation.year", y);
            }
            self.cite(p, ".designation", &d.source);
        }
        if let Some(o) = &c.promotion_org {
            self.name(p, ".promotion_org.name", &o.name);
            self.cite(p, ".promotion_org", &o.source);
        }
        for (j, pl) in c.places.iter().enumerate() {
            self.name(&format!("{p}.places[{j}].name"), "", &pl.name);
            if let Some(s) = &pl.source {
                self.cite(&format!("{p}.places[{j}]"), "", s);
            }
        }
        let mut segs = HashSet::new();
        for (j, s) in c.chain.iter().enumerate() {
            if !is_snake(&s.key) {
                self.err(
                    format!("{p}.chain[{j}].key"),
                    format!("`{}` is not a snake_case key", s.key),
                );
            } else if !segs.insert(s.key.as_str()) {
                self.err(
                    format!("{p}.chain[{j}].key"),
                    format!("duplicate segment `{}`", s.key),
                );
            }
            self.name(&format!("{p}.chain[{j}].name"), "", &s.name);
        }
        for (j, f) in c.lead_firms.iter().enumerate() {
            let fp = format!("{p}.lead_firms[{j}]");
            self.name(&fp, ".name", &f.name);
            if !segs.contains(f.segment.as_str()) {
                self.err(
                    format!("{fp}.segment"),
                    format!(
                        "segment `{}` is not in this cluster's chain ({})",
                        f.segment,
                        c.chain
                            .iter()
                            .map(|s| s.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            self.cite(&fp, "", &f.source);
        }
        for (j, m) in c.metrics.iter().enumerate() {
            self.metric(&format!("{p}.metrics[{j}]"), m);
        }
        for (j, pol) in c.policies.iter().enumerate() {
            self.policy(&format!("{p}.policies[{j}]"), pol, policy_ids);
        }
        for (j, t) in c.targets.iter().enumerate() {
            let tp = format!("{p}.targets[{j}]");
            if !self.keys.contains(t.key.as_str()) {
                self.err(
                    format!("{tp}.key"),
                    format!("target key `{}` is not defined in `metric_keys`", t.key),
                );
            }
            self.value(&tp, t.value, &t.unit);
            if let Some(y) = t.year {
                self.year(&tp, ".year", y);
            }
            if let (Some(y), Some(b)) = (t.year, t.baseline_year)
                && y < b
            {
                self.err(
                    format!("{tp}.year"),
                    format!("target year {y} is before its baseline year {b}"),
                );
            }
            if let Some(pid) = &t.policy
                && c.policy(pid).is_none()
            {
                self.err(
                    format!("{tp}.policy"),
                    format!("policy `{pid}` is not among this cluster's policies"),
                );
            }
            if let (Some(tu), Some(m)) = (units::unit(&t.unit), c.latest(&t.key))
                && let Some(mu) = units::unit(&m.unit)
                && tu.dimension != mu.dimension
            {
                self.warn(
                    format!("{tp}.unit"),
                    format!(
                        "unit `{}` measures something else than the actual figure's `{}`; progress cannot be shown",
                        t.unit, m.unit
                    ),
                );
            }
            self.cite(&tp, "", &t.source);
        }
        if c.metrics.is_empty() && c.notes.is_empty() {
            self.warn(
                format!("{p}.notes"),
                "no figures and no note saying why; add a note on what the sources lack",
            );
        }
    }

    fn context(&mut self, cluster_ids: &HashSet<&str>, policy_ids: &mut HashMap<&'a str, String>) {
        let ctx = &self.d.context;
        if let Some(comp) = &ctx.competition {
            self.cite("context.competition", "", &comp.source);
            let total: u64 = comp.rounds.iter().map(|r| u64::from(r.winners)).sum();
            for (i, r) in comp.rounds.iter().enumerate() {
                self.cite(&format!("context.competition.rounds[{i}]"), "", &r.source);
            }
            for (name, counts) in [
                ("by_industry", &comp.by_industry),
                ("by_province", &comp.by_province),
            ] {
                let sum: u64 = counts.iter().map(|c| u64::from(c.count)).sum();
                if !counts.is_empty() && sum != total {
                    self.warn(
                        format!("context.competition.{name}"),
                        format!("the counts add up to {sum}, the rounds' winners to {total}"),
                    );
                }
            }
        }
        for (i, ps) in ctx.provincial_systems.iter().enumerate() {
            let p = format!("context.provincial_systems[{i}]");
            self.name(&p, ".province", &ps.province);
            for (j, pol) in ps.policies.iter().enumerate() {
                self.policy(&format!("{p}.policies[{j}]"), pol, policy_ids);
            }
            for (j, m) in ps.metrics.iter().enumerate() {
                self.metric(&format!("{p}.metrics[{j}]"), m);
            }
            for (j, id) in ps.clusters.iter().enumerate() {
                if !cluster_ids.contains(id.as_str()) {
                    self.err(
                        format!("{p}.clusters[{j}]"),
                        format!("cluster `{id}` is not in `clusters`"),
                    );
                }
            }
        }
        for (i, f) in ctx.national_figures.iter().enumerate() {
            for (j, m) in f.metrics.iter().enumerate() {
                self.metric(&format!("context.national_figures[{i}].metrics[{j}]"), m);
            }
        }
        for (i, e) in ctx.timeline.iter().enumerate() {
            let p = format!("context.timeline[{i}]");
            if !is_date(&e.date) {
                self.err(
                    format!("{p}.date"),
                    format!(
                        "`{}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        e.date
                    ),
                );
            }
            self.cite(&p, "", &e.source);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_paths() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": 2\n}";
        assert_eq!(locate(text, "c"), Some(Pos { line: 3, column: 8 }));
        assert_eq!(
            locate(text, "a[1].b"),
            Some(Pos {
                line: 2,
                column: 18
            })
        );
        assert_eq!(locate(text, "a[5]"), None);
    }

    #[test]
    fn dates() {
        assert!(is_date("2021"));
        assert!(is_date("2021-07"));
        assert!(is_date("2021-07-05"));
        assert!(!is_date("2021-13"));
        assert!(!is_date("mid-2021"));
    }
}
