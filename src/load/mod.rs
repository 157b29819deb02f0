//! Loading and validation: the one place that turns bytes into a [`Dataset`].
//!
//! Every problem names the file, the place (line:column and JSON path) and
//! what was expected. Parsing goes element by element, so one bad cluster does
//! not hide the problems of the next; validation then collects every problem
//! of the parsed data. Nothing here panics, whatever the bytes.

mod locate;
mod parse;
mod validate;

use std::fmt;
use std::path::Path;

use crate::model::Dataset;

pub use locate::locate;
pub use validate::validate;

/// Files larger than this are refused before they are read whole. The seed
/// dataset is well under 1 MiB; a 10,000-cluster synthetic file is ~40 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deeper nesting than this is refused (the format itself needs 6 levels).
pub const MAX_DEPTH: usize = 32;

/// The seed dataset, embedded in the binary.
pub const EMBEDDED: &str = include_str!("../../seeds/clusters.json");
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
    pub(crate) fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: message.into(),
        }
    }

    pub(crate) fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
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
            p.pos = Some(locate::pos_at(prefix, prefix.len()));
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
    let dataset = parse::parse(text).map_err(fail)?;
    let mut problems = validate(&dataset);
    for p in &mut problems {
        p.pos = locate::locate(text, &p.path);
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
