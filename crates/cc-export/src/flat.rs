//! CSV and tab-separated text (the clipboard copy): the comparison table
//! flattened, numbers as numbers, every text cell neutralised against
//! formula injection ([`safe::csv_text`]).

use super::ExportError;
use super::safe;
use super::table::{self, Table};
use cc_core::compare::Comparison;
use cc_core::format;
use cc_data::model::Dataset;

/// A cell of the flat form: numbers stay numbers (a negative value is a
/// number, not a formula), text is neutralised when written.
#[derive(Clone, Debug, PartialEq)]
pub enum Flat {
    Num(f64),
    Text(String),
}

impl Flat {
    pub fn text(s: impl Into<String>) -> Self {
        Flat::Text(s.into())
    }

    fn opt(v: Option<f64>) -> Self {
        v.map_or(Flat::Text(String::new()), Flat::Num)
    }

    /// The cell as written to CSV/TSV.
    pub fn render(&self) -> String {
        match self {
            Flat::Num(v) => format::plain_number(*v),
            Flat::Text(s) => safe::csv_text(s).into_owned(),
        }
    }
}

/// What a column of the flat comparison table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Metric,
    Unit,
    DiffKind,
    Value,
    Note,
    Diff,
    Caveats,
    Sources,
}

/// Header and rows of the flat comparison table. With a baseline, a column
/// says whether a row's differences are ratios or percentage points, and each
/// other cluster gets a numeric difference column named after the baseline.
pub fn comparison_rows(t: &Table) -> Vec<Vec<Flat>> {
    comparison_columns(t).1
}

/// The kind of each column, and the header and rows of the flat comparison table.
pub fn comparison_columns(t: &Table) -> (Vec<Col>, Vec<Vec<Flat>>) {
    let l = t.lang;
    let has_baseline = t.baseline.is_some();
    let mut kinds = vec![Col::Metric, Col::Unit];
    let mut header = vec![
        Flat::text(crate::words::METRIC.get(l)),
        Flat::text(crate::words::UNIT.get(l)),
    ];
    if has_baseline {
        kinds.push(Col::DiffKind);
        header.push(Flat::text(crate::words::DIFFERENCE_AS.get(l)));
    }
    for i in 0..t.clusters.len() {
        let h = t.header(i);
        kinds.extend([Col::Value, Col::Note]);
        header.push(Flat::text(h.clone()));
        header.push(Flat::text(format!(
            "{h} · {}",
            crate::words::QUALIFIER_YEAR_SCOPE.get(l)
        )));
        if let Some(d) = t.diff_header(i) {
            kinds.push(Col::Diff);
            header.push(Flat::text(d));
        }
    }
    kinds.extend([Col::Caveats, Col::Sources]);
    header.push(Flat::text(crate::words::COMPARABILITY.get(l)));
    header.push(Flat::text(crate::words::SOURCES.get(l)));

    let mut out = vec![header];
    for r in &t.rows {
        let mut v = vec![Flat::text(&r.metric), Flat::text(&r.unit)];
        if has_baseline {
            v.push(Flat::text(r.diff_kind.label(l)));
        }
        for (i, c) in r.cells.iter().enumerate() {
            let diff_column = t.baseline.is_some_and(|b| b != i);
            match c {
                Some(c) => {
                    v.push(c.value.map_or_else(|| Flat::text(&c.written), Flat::Num));
                    v.push(Flat::text(c.note_with_baseline(l)));
                    if diff_column {
                        v.push(Flat::opt(c.diff));
                    }
                }
                None => {
                    v.push(Flat::text(""));
                    v.push(Flat::text(""));
                    if diff_column {
                        v.push(Flat::text(""));
                    }
                }
            }
        }
        v.push(Flat::text(r.caveats.join("; ")));
        v.push(Flat::text(r.sources.join("; ")));
        out.push(v);
    }
    (kinds, out)
}

/// Header and rows of the policies table.
pub fn policy_rows(d: &Dataset, cmp: &Comparison) -> Vec<Vec<Flat>> {
    let mut out = vec![
        table::policy_headers(cmp.lang)
            .iter()
            .map(|h| Flat::text(*h))
            .collect(),
    ];
    for p in table::policies(d, cmp) {
        out.push(vec![
            Flat::Text(p.cluster),
            Flat::Text(p.title),
            Flat::Text(p.issuer),
            p.year.map_or(Flat::text(""), |y| Flat::Num(y.into())),
            Flat::Text(p.categories),
            Flat::Text(p.summary),
            Flat::Text(p.document),
            Flat::Text(p.quote),
        ]);
    }
    out
}

/// Header and rows of the series table: every figure of every series of
/// the compared clusters ([`crate::series::series_rows`]).
pub fn series_rows(d: &Dataset, cmp: &Comparison) -> Vec<Vec<Flat>> {
    let l = cmp.lang;
    let mut out = vec![
        crate::series::headers(l)
            .iter()
            .map(|h| Flat::text(*h))
            .collect(),
    ];
    for r in crate::series::series_rows(d, cmp) {
        out.push(vec![
            Flat::Text(r.cluster),
            Flat::Text(r.metric),
            Flat::Text(r.definition),
            Flat::Text(r.year_text),
            Flat::Text(r.written),
            // A bound keeps its symbol with its number, as written.
            if r.bound.is_empty() {
                Flat::Num(r.value)
            } else {
                Flat::Text(format!("{} {}", r.bound, format::plain_number(r.value)))
            },
            Flat::Text(r.unit),
            Flat::text(r.bound),
            Flat::text(crate::series::flag(r.forecast, l)),
            Flat::Text(r.growth),
            Flat::Text(r.source),
            Flat::Text(r.quote),
            Flat::Num(r.year.into()),
        ]);
    }
    out
}

/// CSV: UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right.
pub fn csv_bytes(rows: &[Vec<Flat>]) -> Result<Vec<u8>, ExportError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for r in rows {
            w.write_record(r.iter().map(Flat::render))?;
        }
        w.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

/// Tab-separated text: one line per row, tabs and line breaks inside a cell
/// replaced by spaces (after neutralising, so a cell starting with a tab is
/// still marked as text).
pub fn tsv(rows: &[Vec<Flat>]) -> String {
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .map(|c| {
                c.render()
                    .replace(['\t', '\n', '\r', '\u{2028}', '\u{2029}'], " ")
            })
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}
