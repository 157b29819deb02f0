//! Loading and validation: the one place that turns bytes into a [`Dataset`].
//!
//! Every problem names the file, the place (line:column and JSON path) and
//! what was expected. Parsing goes element by element, so one bad cluster does
//! not hide the problems of the next; validation then collects every problem
//! of the parsed data. Nothing here panics, whatever the bytes.

pub mod extend;
mod locate;
mod parse;
mod strict;
mod validate;
pub mod validate_v2;
pub mod validate_v3;

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::model::{Dataset, Lang};

pub use locate::locate;
pub use strict::Strict;
pub use validate::validate;

/// Files larger than this are refused before they are read whole. The seed
/// dataset is well under 1 MiB; a 10,000-cluster synthetic file is ~40 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deeper nesting than this is refused (the format itself needs 6 levels).
pub const MAX_DEPTH: usize = 32;

/// The seed dataset, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../../../seeds/clusters.json");
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
    /// What is wrong, in English.
    pub message: String,
    /// The same in Chinese.
    pub zh: String,
}

impl Problem {
    /// An error, its message in Chinese and in English.
    pub fn error(path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: en.into(),
            zh: zh.into(),
        }
    }

    pub(crate) fn warning(
        path: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, zh, en)
        }
    }

    /// The message in `lang` (English where no Chinese was written).
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            _ => &self.message,
        }
    }

    /// `file:line:col: error: path: message`, the form editors jump to.
    pub fn render(&self, file: &str) -> String {
        self.render_in(file, Lang::En)
    }

    /// As [`Problem::render`], in `lang` (`file:line:col: 错误: path: …`).
    pub fn render_in(&self, file: &str, lang: Lang) -> String {
        let mut s = String::from(file);
        if let Some(p) = self.pos {
            s.push_str(&format!(":{}:{}", p.line, p.column));
        }
        s.push_str(match (self.severity, lang) {
            (Severity::Error, Lang::En) => ": error: ",
            (Severity::Warning, Lang::En) => ": warning: ",
            (Severity::Error, Lang::Zh) => ": 错误: ",
            (Severity::Warning, Lang::Zh) => ": 警告: ",
        });
        if !self.path.is_empty() {
            s.push_str(&self.path);
            s.push_str(": ");
        }
        s.push_str(self.message_in(lang));
        escape_controls(&s).into_owned()
    }
}

/// A serde (or JSON syntax) message in Chinese: the common forms are
/// translated, the names and values in them kept as written; anything else
/// is given in English after a Chinese lead.
pub fn serde_zh(en: &str) -> String {
    let tick = |s: &str| {
        s.replace(", expected", "，应为")
            .replace("expected ", "应为 ")
    };
    let words = |s: &str| {
        s.replace("a string", "字符串")
            .replace("a number", "数字")
            .replace("an integer", "整数")
            .replace("a boolean", "布尔值 true/false")
            .replace("a JSON object { … }", "JSON 对象 { … }")
            .replace("an object", "对象")
            .replace("an array [ … ]", "数组 [ … ]")
            .replace("an array", "数组")
            .replace("one of", "以下之一：")
    };
    let (head, rest) = en.split_once(": ").unwrap_or((en, ""));
    let zh = if let Some(f) = en.strip_prefix("missing field ") {
        format!("缺少字段 {f}")
    } else if let Some(f) = en.strip_prefix("duplicate field ") {
        format!("字段 {f} 重复")
    } else if let Some(r) = en.strip_prefix("unknown field ") {
        let r = r.replace("there are no fields", "此处没有字段");
        format!("未知字段 {}", words(&tick(&r)))
    } else if let Some(r) = en.strip_prefix("unknown variant ") {
        format!("未知取值 {}", words(&tick(r)))
    } else if head == "invalid type" {
        format!("类型不对：{}", words(&tick(rest)))
    } else if head == "invalid value" {
        format!("值无效：{}", words(&tick(rest)))
    } else if let Some(r) = en.strip_prefix("invalid length ") {
        format!("长度不对：{}", words(&tick(r)))
    } else if en.starts_with("EOF while parsing") {
        format!("文件在解析中途结束（括号或引号未闭合？）（{en}）")
    } else if en.starts_with("trailing characters") || en.starts_with("trailing comma") {
        format!("多余的字符或逗号（{en}）")
    } else if en.starts_with("expected") || en.starts_with("key must be") {
        format!("JSON 语法错误：{}", words(&tick(en)))
    } else {
        format!("JSON 问题：{en}")
    };
    zh.replace(
        ": the top level must be a JSON object { … }",
        "：顶层必须是 JSON 对象 { … }",
    )
    .replace(
        ": the file ends early (unclosed bracket or string?)",
        "：文件提前结束（括号或引号未闭合？）",
    )
}

/// Text from a file made safe to print on a terminal: control characters
/// (escape sequences, carriage returns, newlines, tabs) and the invisible
/// bidirectional controls that reorder what follows them are written as
/// `\u{1b}`-style escapes. Other text, Chinese included, is unchanged.
///
/// ```
/// use cc_data::load::escape_controls;
/// assert_eq!(escape_controls("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
/// assert_eq!(escape_controls("深圳"), "深圳");
/// ```
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{061C}'
                    | '\u{200E}'
                    | '\u{200F}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
            )
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A problem and where it is: a byte offset when the parser knows it, else
/// only its JSON path. [`resolve`] places them all at once.
pub(crate) struct Spot {
    pub problem: Problem,
    pub offset: Option<usize>,
}

impl Spot {
    pub(crate) fn at(problem: Problem, offset: usize) -> Self {
        Self {
            problem,
            offset: Some(offset),
        }
    }

    pub(crate) fn path(problem: Problem) -> Self {
        Self {
            problem,
            offset: None,
        }
    }
}

/// Gives every problem its line:column: one walk finds all the JSON paths,
/// one sweep turns all byte offsets into positions. Linear in the file. A path
/// that is not in the file (a missing field) is placed at its nearest
/// enclosing value that is.
fn resolve(text: &str, spots: Vec<Spot>) -> Vec<Problem> {
    let mut offsets: Vec<Option<usize>> = spots.iter().map(|s| s.offset).collect();
    // Each wanted path with its ancestors, deepest first, all found in one walk.
    let mut paths: Vec<&str> = Vec::new();
    let mut ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, s) in spots.iter().enumerate() {
        if s.offset.is_some() || s.problem.path.is_empty() {
            continue;
        }
        let start = paths.len();
        let mut p = s.problem.path.as_str();
        loop {
            paths.push(p);
            if p.is_empty() {
                break;
            }
            p = parent_path(p);
        }
        ranges.push((i, start..paths.len()));
    }
    if !paths.is_empty() {
        let found = locate::scan(text, &paths, 0).found;
        for (i, r) in ranges {
            offsets[i] = found[r].iter().find_map(|o| *o);
        }
    }
    let known: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut pos = locate::positions(text, &known).into_iter();
    spots
        .into_iter()
        .zip(offsets)
        .map(|(s, at)| {
            let mut p = s.problem;
            if at.is_some() {
                p.pos = pos.next();
            }
            p
        })
        .collect()
}

/// `a.b[2]` → `a.b` → `a` → ``.
fn parent_path(p: &str) -> &str {
    p.rfind(['.', '[']).map_or("", |i| &p[..i])
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
        writeln!(f, "{}: {} error(s)", escape_controls(&self.file), errors)?;
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
    /// For a file that extends the embedded data: what it added where, in
    /// both languages.
    pub added: Vec<crate::model::Text>,
}

/// The embedded seed dataset. It is checked by the test suite, so failure here
/// means a broken build; the error is returned rather than panicking anyway.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    load_str(EMBEDDED_NAME, EMBEDDED)
}

/// Reads and loads a file. Only regular files are read (not devices, pipes
/// or folders), and at most [`MAX_FILE_BYTES`] + 1 bytes whatever size the
/// system reports, so `/dev/zero` or a growing file cannot exhaust memory.
///
/// A `.xlsx` file is read as a dataset workbook ([`crate::sheets`]), a
/// folder as its sheets in CSV files ([`crate::sheets::folder`]), their
/// problems in English; [`load_path_in`] chooses the language.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_in(path, crate::model::Lang::En)
}

/// As [`load_path`], with a workbook's problems in `lang`.
pub fn load_path_in(path: &Path, lang: crate::model::Lang) -> Result<Loaded, LoadError> {
    if crate::sheets::xlsx::is_workbook(path) {
        return crate::sheets::xlsx::load_path(path, lang);
    }
    let file = path.display().to_string();
    let fail = |(zh, en): (String, String)| LoadError {
        file: file.clone(),
        problems: vec![Problem::error("", zh, en)],
    };
    let unreadable = |e: std::io::Error| {
        (
            format!("无法读取文件：{e}"),
            format!("cannot read the file: {e}"),
        )
    };
    // Refuse what is not a regular file before opening it: opening a FIFO blocks.
    let meta = std::fs::metadata(path).map_err(|e| fail(unreadable(e)))?;
    if meta.is_dir() {
        // A folder holds the dataset's sheets as CSV files.
        return crate::sheets::folder::load_path(path, lang);
    }
    if !meta.is_file() {
        return Err(fail((
            "不是普通文件（设备、管道或套接字）；应为 JSON 数据集文件".into(),
            "is not a regular file (a device, pipe or socket); expected a JSON dataset file".into(),
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(too_large(meta.len())));
    }
    let f = std::fs::File::open(path).map_err(|e| fail(unreadable(e)))?;
    let bytes = read_capped(f, MAX_FILE_BYTES).map_err(|e| match e {
        Capped::TooLarge => fail((
            format!("文件超过 {MAX_FILE_BYTES} 字节；数据集最大 64 MiB"),
            format!(
                "the file holds more than {MAX_FILE_BYTES} bytes; a dataset may be at most 64 MiB"
            ),
        )),
        Capped::Io(e) => fail(unreadable(e)),
    })?;
    load_bytes(&file, &bytes)
}

fn too_large(len: u64) -> (String, String) {
    (
        format!("文件有 {len} 字节；数据集最大 {MAX_FILE_BYTES} 字节（64 MiB）"),
        format!(
            "the file is {len} bytes; a dataset may be at most {MAX_FILE_BYTES} bytes (64 MiB)"
        ),
    )
}

/// Why [`read_capped`] stopped.
#[derive(Debug)]
pub enum Capped {
    /// More than the limit was there to read.
    TooLarge,
    Io(std::io::Error),
}

/// Reads at most `limit` + 1 bytes: all of them when there are at most
/// `limit`, else [`Capped::TooLarge`]. Never more, whatever the reader is.
///
/// ```
/// use cc_data::load::{read_capped, Capped};
/// assert!(matches!(read_capped(std::io::repeat(0), 1000), Err(Capped::TooLarge)));
/// assert_eq!(read_capped(&b"abc"[..], 3).unwrap(), b"abc");
/// ```
pub fn read_capped(r: impl Read, limit: u64) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Capped::TooLarge);
    }
    Ok(bytes)
}

/// Loads a dataset from raw bytes.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let fail = |p: Problem| LoadError {
        file: file.to_owned(),
        problems: vec![p],
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let (zh, en) = too_large(bytes.len() as u64);
        return Err(fail(Problem::error("", zh, en)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let mut p = Problem::error(
                "",
                format!(
                    "文件不是有效的 UTF-8（偏移 {1} 处的字节 0x{0:02X}）；请存为 UTF-8",
                    bytes[e.valid_up_to()],
                    e.valid_up_to()
                ),
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} at offset {}); save it as UTF-8",
                    bytes[e.valid_up_to()],
                    e.valid_up_to()
                ),
            );
            p.pos = Some(locate::pos_at(prefix, prefix.len()));
            return Err(fail(p));
        }
    };
    load_str(file, text)
}

/// Loads a dataset from text: parse, then validate. Every problem is listed.
///
/// ```
/// let err = cc_data::load::load_str("x.json", "[]").unwrap_err();
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
            "文件为空；应为含 format_version、sources、metric_keys 和 clusters 的 JSON 对象",
            "the file is empty; expected a JSON object with format_version, sources, metric_keys and clusters",
        )]));
    }
    let dataset = parse::parse(text).map_err(|spots| fail(resolve(text, spots)))?;
    let (dataset, problems, added) = if dataset.extends.is_some() {
        let x = extend::extend(file, dataset);
        (x.dataset, x.problems, x.added)
    } else {
        let p = validate(&dataset);
        (dataset, p, vec![])
    };
    let mut problems = if problems.is_empty() {
        problems
    } else {
        resolve(text, problems.into_iter().map(Spot::path).collect())
    };
    problems.sort_by_key(|p| p.severity);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(fail(problems));
    }
    Ok(Loaded {
        file: file.to_owned(),
        dataset,
        warnings: problems,
        added,
    })
}
