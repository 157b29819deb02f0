//! Comparison sheets and pictures. Every format is built from the same
//! [`Comparison`] the panels draw, through one [`Table`]. User text is made
//! safe for each format in [`safe`]; files are written atomically ([`write`]).

pub mod all_clusters;
pub mod coverage;
pub mod deck;
mod flat;
mod html;
mod markdown;
pub mod pptx;
pub mod safe;
pub mod series;
mod table;
pub mod template;
pub mod words;
mod write;
mod xlsx;

use std::io::Write;
use std::path::Path;

use cc_core::compare::Comparison;
use cc_data::model::{Dataset, Lang};

pub use table::{
    DiffKind, PolicyRow, Table, TableCell, TableRow, TargetRow, policies, table, targets,
};
pub use write::{write_atomic, write_atomic_with};

/// Rounds away floating-point noise; see [`cc_core::format::round_sig`].
pub use cc_core::format::round_sig;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Md,
    Html,
    Png,
    /// The slide deck as one PDF.
    Pdf,
    /// One SVG per slide, into a folder.
    Svg,
    /// The slide deck as PowerPoint (PPTX): native text, tables and charts.
    Pptx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Svg => "svg",
            Format::Pptx => "pptx",
        }
    }

    /// Text formats may go to standard output.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Csv | Format::Md | Format::Html)
    }
}

/// Which view a PNG shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// What an export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum What {
    /// The comparison: figures, targets, policies, sources (every format).
    #[default]
    Comparison,
    /// The compared clusters' policies alone, as CSV.
    Policies,
    /// The compared clusters' figures over the years alone, as CSV (the
    /// other formats hold them with the comparison).
    Series,
}

/// What to export.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub ids: Vec<String>,
    pub baseline: Option<usize>,
    pub lang: Lang,
    pub png: PngOptions,
    /// Title, metric, page shape and theme of the slide deck.
    pub deck: cc_deck::DeckOptions,
    /// PNG: one picture per slide into a folder, rather than one view.
    pub slides: bool,
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
    #[error("cannot write {path}: the folder {folder} does not exist")]
    NoFolder { path: String, folder: String },
    #[error("cannot write {path}: {folder} is a file, not a folder")]
    NotAFolder { path: String, folder: String },
    #[error("cannot write {path}: it is a folder; give a file name")]
    IsFolder { path: String },
    #[error("cannot write {path}: it is {what}")]
    NotAFile { path: String, what: &'static str },
    #[error("--what policies writes CSV; the {0} export holds the policies with the comparison")]
    PoliciesFormat(&'static str),
    #[error(
        "--what series writes CSV; the {0} export holds the figures over the years with the comparison"
    )]
    SeriesFormat(&'static str),
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error(
        "this view does not fit one picture at a legible size; make it larger (--width/--height) or export the slide deck, which continues on further slides (--format pdf, or --format png -o FOLDER)"
    )]
    DoesNotFit,
    #[error("SVG slides go into a folder: give a folder name with -o")]
    NeedsFolder,
    #[error("slides: {0}")]
    Deck(#[from] cc_deck::typeset::TypesetError),
    #[error("PNG rendering: {0}")]
    Render(String),
    #[error(
        "PNG size {0}×{1} at scale {2} is out of range (width and height 200–8000 points and at most 8000 pixels, scale 0.5–4)"
    )]
    PngSize(u32, u32, f32),
}

/// Checks the ids and builds the comparison.
pub fn comparison(d: &Dataset, req: &Request) -> Result<Comparison, ExportError> {
    let s = cc_data::selection::check(d, &req.ids, None);
    if let Some(named) = s.unknown_ids() {
        return Err(ExportError::UnknownIds(named));
    }
    // The check trims ids; an export takes them exactly as given.
    let blank: Vec<String> = req
        .ids
        .iter()
        .filter(|id| id.trim() != id.as_str() || id.is_empty())
        .take(cc_data::selection::SHOWN)
        .map(|id| format!("{id:?}"))
        .collect();
    if !blank.is_empty() {
        return Err(ExportError::UnknownIds(blank.join(", ")));
    }
    if req.ids.is_empty() || req.ids.len() > cc_core::compare::MAX_CLUSTERS {
        return Err(ExportError::Count(req.ids.len()));
    }
    if let Some(b) = req.baseline.filter(|&b| b >= req.ids.len()) {
        return Err(ExportError::Baseline(b, req.ids.len()));
    }
    Ok(Comparison::build(d, &req.ids, req.baseline, req.lang))
}

/// Draws a view as a picture. The views live in the ui layer above this
/// one, so the picture of a view is handed in: `cc_ui::headless::Headless`
/// draws it with the app's own code; [`NoPictures`] refuses.
pub trait Pictures {
    fn view_png(
        &self,
        d: &Dataset,
        cmp: &Comparison,
        o: &PngOptions,
    ) -> Result<Vec<u8>, ExportError>;
}

/// No view pictures: a PNG of a view is refused (slides still render).
pub struct NoPictures;

impl Pictures for NoPictures {
    fn view_png(
        &self,
        _: &Dataset,
        _: &Comparison,
        _: &PngOptions,
    ) -> Result<Vec<u8>, ExportError> {
        Err(ExportError::Render("no view renderer in this build".into()))
    }
}

/// The bytes of an export.
pub fn render(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    pictures: &dyn Pictures,
) -> Result<Vec<u8>, ExportError> {
    render_with_notes(d, req, fmt, What::Comparison, pictures).map(|(b, _)| b)
}

/// The bytes of an export, with notes for the user about what had to be
/// changed to fit the format (an XLSX cell shortened to Excel's limit).
pub fn render_with_notes(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
    pictures: &dyn Pictures,
) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    // The map needs no compared clusters.
    if fmt == Format::Png && req.png.view.is_map() {
        let none = Comparison::build(d, &[], None, req.lang);
        return Ok((pictures.view_png(d, &none, &req.png)?, vec![]));
    }
    let cmp = comparison(d, req)?;
    if what == What::Policies {
        return match fmt {
            Format::Csv => Ok((flat::csv_bytes(&flat::policy_rows(d, &cmp))?, vec![])),
            other => Err(ExportError::PoliciesFormat(other.extension())),
        };
    }
    if what == What::Series {
        return match fmt {
            Format::Csv => Ok((flat::csv_bytes(&flat::series_rows(d, &cmp))?, vec![])),
            other => Err(ExportError::SeriesFormat(other.extension())),
        };
    }
    Ok(match fmt {
        Format::Csv => (
            flat::csv_bytes(&flat::comparison_rows(&table(d, &cmp)))?,
            vec![],
        ),
        Format::Xlsx => xlsx::xlsx_bytes(d, &cmp)?,
        Format::Md => (markdown::markdown(d, &cmp).into_bytes(), vec![]),
        Format::Html => (html::html(d, &cmp).into_bytes(), vec![]),
        Format::Png => (pictures.view_png(d, &cmp, &req.png)?, vec![]),
        Format::Pdf => (deck::pdf(d, &cmp, &req.deck)?, vec![]),
        Format::Pptx => (pptx::pptx(d, &cmp, &req.deck)?.0, vec![]),
        Format::Svg => return Err(ExportError::NeedsFolder),
    })
}

/// Writes an export to `out` (atomically), or to standard output for `-`.
pub fn export_to(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    out: &Path,
    pictures: &dyn Pictures,
) -> Result<(), ExportError> {
    export_what(d, req, fmt, What::Comparison, out, pictures).map(|_| ())
}

/// As [`export_to`], for what `what` asks; returns notes for the user (see
/// [`render_with_notes`]).
pub fn export_what(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
    out: &Path,
    pictures: &dyn Pictures,
) -> Result<Vec<String>, ExportError> {
    export_report(d, req, fmt, what, out, pictures).map(|r| r.notes)
}

/// What an export wrote, for `--verbose`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Notes for the user (see [`render_with_notes`]).
    pub notes: Vec<String>,
    /// What was written, in words: `14 slides`, `3,210 bytes`.
    pub written: String,
}

/// As [`export_what`], saying what was written.
pub fn export_report(
    d: &Dataset,
    req: &Request,
    fmt: Format,
    what: What,
    out: &Path,
    pictures: &dyn Pictures,
) -> Result<Report, ExportError> {
    if out.as_os_str() == "-" && !fmt.is_text() {
        return Err(ExportError::BinaryToStdout(fmt.extension()));
    }
    let slides = match fmt {
        Format::Svg => Some(deck::SlideFormat::Svg),
        Format::Png if req.slides => Some(deck::SlideFormat::Png),
        _ => None,
    };
    let count = |n: usize| format!("{n} slide{}", if n == 1 { "" } else { "s" });
    if let Some(sf) = slides {
        let cmp = comparison(d, req)?;
        let doc = deck::layout(d, &cmp, &req.deck)?;
        let width = (req.png.width as f32 * req.png.scale)
            .round()
            .clamp(160.0, 8000.0) as u32;
        let files = deck::write_slides(&doc, sf, width, out)?;
        return Ok(Report {
            notes: vec![],
            written: count(files.len()),
        });
    }
    let (bytes, notes, written) = if fmt == Format::Pdf && what == What::Comparison {
        let cmp = comparison(d, req)?;
        let doc = deck::layout(d, &cmp, &req.deck)?;
        let pages = doc.pages().len();
        (cc_deck::typeset::pdf(&doc)?, vec![], count(pages))
    } else if fmt == Format::Pptx && what == What::Comparison {
        let cmp = comparison(d, req)?;
        let (bytes, n) = pptx::pptx(d, &cmp, &req.deck)?;
        (bytes, vec![], count(n))
    } else {
        let (bytes, notes) = render_with_notes(d, req, fmt, what, pictures)?;
        let n = bytes.len();
        (bytes, notes, format!("{n} bytes"))
    };
    if out.as_os_str() == "-" {
        let mut o = std::io::stdout().lock();
        o.write_all(&bytes)
            .and_then(|_| o.flush())
            .map_err(|e| ExportError::Write {
                path: "standard output".into(),
                source: e,
            })?;
    } else {
        write_atomic(out, &bytes)?;
    }
    Ok(Report { notes, written })
}

/// Tab-separated text of the comparison table, for pasting into a
/// spreadsheet: the same cells as the CSV, neutralised the same way.
pub fn tsv(d: &Dataset, cmp: &Comparison) -> String {
    flat::tsv(&flat::comparison_rows(&table(d, cmp)))
}

#[cfg(test)]
#[path = "sheets_tests.rs"]
mod sheets_tests;
