//! Comparison sheets and pictures. Every format is built from the same
//! [`Comparison`] the panels draw, through one [`Table`]. Files are written
//! atomically: a temporary file beside the target, then a rename.

mod html;
mod png;
mod xlsx;

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use crate::compare::Comparison;
use crate::format;
use crate::model::{Dataset, Lang};

pub use png::render_png;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    Md,
    Html,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Png => "png",
        }
    }

    /// Text formats may go to standard output.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Csv | Format::Md | Format::Html)
    }
}

/// Which view a PNG shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum View {
    #[default]
    Overview,
    Charts,
    Policies,
    Context,
    /// The tile map of national clusters by province (the compared clusters play no part).
    Map,
    /// The tile map of the 2019/2020 competition winners by province.
    MapCompetition,
}

impl View {
    /// The map views draw on the whole dataset, not on the compared clusters.
    pub fn is_map(self) -> bool {
        matches!(self, View::Map | View::MapCompetition)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PngOptions {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub dark: bool,
    pub view: View,
}

impl Default for PngOptions {
    fn default() -> Self {
        Self {
            width: 1600,
            height: 900,
            scale: 1.0,
            dark: false,
            view: View::Overview,
        }
    }
}

/// What to export.
#[derive(Clone, Debug)]
pub struct Request {
    pub ids: Vec<String>,
    pub baseline: Option<usize>,
    pub lang: Lang,
    pub png: PngOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown cluster id(s): {0}; `cluster-compare list` shows the ids")]
    UnknownIds(String),
    #[error("compare 1 to 6 clusters (got {0})")]
    Count(usize),
    #[error("--baseline {0} is not one of the {1} compared clusters (counting from 0)")]
    Baseline(usize, usize),
    #[error("{0} is a binary format; give a file name with -o, not -")]
    BinaryToStdout(&'static str),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("PNG rendering: {0}")]
    Render(String),
    #[error(
        "PNG size {0}×{1} at scale {2} is out of range (width and height 200–8000 points and at most 8000 pixels, scale 0.5–4)"
    )]
    PngSize(u32, u32, f32),
}

/// Checks the ids and builds the comparison.
pub fn comparison(d: &Dataset, req: &Request) -> Result<Comparison, ExportError> {
    let unknown: Vec<&str> = req
        .ids
        .iter()
        .filter(|id| d.cluster(id).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(ExportError::UnknownIds(unknown.join(", ")));
    }
    if req.ids.is_empty() || req.ids.len() > crate::compare::MAX_CLUSTERS {
        return Err(ExportError::Count(req.ids.len()));
    }
    if let Some(b) = req.baseline.filter(|&b| b >= req.ids.len()) {
        return Err(ExportError::Baseline(b, req.ids.len()));
    }
    Ok(Comparison::build(d, &req.ids, req.baseline, req.lang))
}

/// The bytes of an export.
pub fn render(d: &Dataset, req: &Request, fmt: Format) -> Result<Vec<u8>, ExportError> {
    if fmt == Format::Png && req.png.view.is_map() {
        return render_png(d, &Comparison::build(d, &[], None, req.lang), &req.png);
    }
    let cmp = comparison(d, req)?;
    match fmt {
        Format::Csv => csv_bytes(d, &cmp),
        Format::Xlsx => xlsx::xlsx_bytes(d, &cmp),
        Format::Md => Ok(html::markdown(d, &cmp).into_bytes()),
        Format::Html => Ok(html::html(d, &cmp).into_bytes()),
        Format::Png => render_png(d, &cmp, &req.png),
    }
}

/// Writes an export to `out` (atomically), or to standard output for `-`.
pub fn export_to(d: &Dataset, req: &Request, fmt: Format, out: &Path) -> Result<(), ExportError> {
    if out.as_os_str() == "-" && !fmt.is_text() {
        return Err(ExportError::BinaryToStdout(fmt.extension()));
    }
    let bytes = render(d, req, fmt)?;
    if out.as_os_str() == "-" {
        let mut o = std::io::stdout().lock();
        return o
            .write_all(&bytes)
            .and_then(|_| o.flush())
            .map_err(|e| ExportError::Write {
                path: "standard output".into(),
                source: e,
            });
    }
    write_atomic(out, &bytes)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it
/// over `path`. A failure at any step leaves an existing file untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// As [`write_atomic`], with the writing done by `fill` (tests inject failures here).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    let err = |e: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        source: e,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(err(std::io::Error::other("is a folder")));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".cluster-compare-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    fill(tmp.as_file_mut()).map_err(err)?;
    tmp.as_file_mut().sync_all().map_err(err)?;
    // On failure the temporary file is removed when `tmp` drops.
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

// ------------------------------------------------------------------ the table

/// One cluster's value in a table row.
#[derive(Clone, Debug)]
pub struct TableCell {
    /// In the row's display unit; `None` where the unit is of another kind.
    pub value: Option<f64>,
    /// `>`, `≈`, `<`, `≥` or empty.
    pub qualifier: &'static str,
    pub year: String,
    pub scope: String,
    /// The figure as written in its own unit, e.g. `> 5700亿元`.
    pub written: String,
    /// In the common unit with qualifier, e.g. `> 0.57万亿元`.
    pub display: String,
    pub vs_baseline: Option<String>,
}

impl TableCell {
    /// Qualifier, year and scope: `> · 约2021 · 集群总产值`.
    pub fn note(&self) -> String {
        let mut note = vec![];
        if !self.qualifier.is_empty() {
            note.push(self.qualifier);
        }
        note.push(&self.year);
        if !self.scope.is_empty() {
            note.push(&self.scope);
        }
        note.join(" · ")
    }
}

#[derive(Clone, Debug)]
pub struct TableRow {
    pub key: String,
    pub metric: String,
    pub unit: String,
    pub cells: Vec<Option<TableCell>>,
    pub caveats: Vec<String>,
    /// `src-000 “总产值超过5700亿元”` per cell that has a value.
    pub sources: Vec<String>,
}

/// The comparison as a table: one row per metric, one column per cluster.
#[derive(Clone, Debug)]
pub struct Table {
    pub lang: Lang,
    pub clusters: Vec<String>,
    pub rows: Vec<TableRow>,
}

pub fn table(d: &Dataset, cmp: &Comparison) -> Table {
    let lang = cmp.lang;
    let rows = cmp
        .rows
        .iter()
        .map(|r| TableRow {
            key: r.key.clone(),
            metric: r.name.clone(),
            unit: r.scale.label.to_owned(),
            cells: r
                .cells
                .iter()
                .map(|c| {
                    c.as_ref().map(|c| TableCell {
                        value: c.comparable.then_some(c.display_value),
                        qualifier: format::qualifier_symbol(c.metric.qualifier),
                        year: c.year.clone(),
                        scope: c
                            .metric
                            .scope
                            .as_ref()
                            .map(|s| s.get(lang).to_owned())
                            .unwrap_or_default(),
                        written: c.written.clone(),
                        display: c.display.clone(),
                        vs_baseline: c.baseline_diff(lang).map(|d| {
                            if c.baseline_unlike {
                                format!("{d} ⚠")
                            } else {
                                d
                            }
                        }),
                    })
                })
                .collect(),
            caveats: r.caveats.iter().map(|c| c.describe(lang)).collect(),
            sources: r
                .cells
                .iter()
                .flatten()
                .map(|c| {
                    let title = d
                        .source(&c.metric.source.source)
                        .map_or(c.metric.source.source.clone(), |s| {
                            format!("{} {}", s.publisher.get(lang), s.date)
                        });
                    format!("{title} “{}”", c.metric.source.quote)
                })
                .collect(),
        })
        .collect();
    Table {
        lang,
        clusters: cmp.columns.iter().map(|c| c.name.clone()).collect(),
        rows,
    }
}

/// Column headers for the flat (CSV/TSV) form.
fn flat_header(t: &Table) -> Vec<String> {
    let l = t.lang;
    let mut h = vec![
        l.pick("指标", "Metric").to_owned(),
        l.pick("单位", "Unit").to_owned(),
    ];
    for c in &t.clusters {
        h.push(c.clone());
        h.push(format!(
            "{c} · {}",
            l.pick("限定/年份/口径", "qualifier/year/scope")
        ));
    }
    h.push(l.pick("可比性提示", "Comparability").to_owned());
    h.push(l.pick("来源", "Sources").to_owned());
    h
}

fn flat_rows(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| {
            let mut v = vec![r.metric.clone(), r.unit.clone()];
            for c in &r.cells {
                match c {
                    Some(c) => {
                        v.push(
                            c.value
                                .map(|x| format!("{}", round_sig(x)))
                                .unwrap_or_else(|| c.written.clone()),
                        );
                        v.push(c.note());
                    }
                    None => {
                        v.push(String::new());
                        v.push(String::new());
                    }
                }
            }
            v.push(r.caveats.join("; "));
            v.push(r.sources.join("; "));
            v
        })
        .collect()
}

/// Rounds away floating-point noise from unit conversion (0.57000000001).
pub fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 10 - x.abs().log10().ceil() as i32;
    let k = 10f64.powi(digits.clamp(0, 15));
    (x * k).round() / k
}

/// CSV: UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right.
fn csv_bytes(d: &Dataset, cmp: &Comparison) -> Result<Vec<u8>, ExportError> {
    let t = table(d, cmp);
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(flat_header(&t))?;
        for r in flat_rows(&t) {
            w.write_record(r)?;
        }
        w.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

/// Tab-separated text of the comparison table, for pasting into a spreadsheet.
pub fn tsv(d: &Dataset, cmp: &Comparison) -> String {
    let t = table(d, cmp);
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    std::iter::once(flat_header(&t))
        .chain(flat_rows(&t))
        .map(|r| r.iter().map(|c| clean(c)).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
