//! The comparison as tables every format writes: one row per metric and one
//! column per cluster, the targets, the policies and the sources. Built once
//! from the [`Comparison`]; the formats only lay them out and escape.

use cc_core::compare::{Cell, Comparison};
use cc_core::format;
use cc_data::model::{Citation, Dataset, Lang, Source};
use cc_data::units::Dimension;

/// How differences to the baseline are given in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffKind {
    /// This figure divided by the baseline's.
    Ratio,
    /// Shares (%): this figure minus the baseline's, in percentage points.
    Points,
}

impl DiffKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DiffKind::Ratio => crate::words::RATIO.get(lang),
            DiffKind::Points => crate::words::PERCENTAGE_POINTS.get(lang),
        }
    }
}

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
    /// In the common unit with qualifier, e.g. `> 5700亿元`.
    pub display: String,
    /// As `display` without the unit (`> 5700`), for a table with a unit
    /// column; empty where the unit is of another kind than the row's.
    pub number: String,
    /// The difference to the baseline as shown, e.g. `≈ +225% ⚠`.
    pub vs_baseline: Option<String>,
    /// The difference to the baseline as a number: a ratio, or percentage
    /// points for shares (see the row's [`DiffKind`]).
    pub diff: Option<f64>,
    /// Why there is no difference to the baseline, where a baseline is set
    /// and this is not the baseline cluster.
    pub not_comparable: Option<String>,
    /// `你的数据（mine.xlsx）` where the figure comes from the user's own
    /// file laid over the register.
    pub yours: Option<String>,
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
        if let Some(y) = &self.yours {
            note.push(y);
        }
        note.join(" · ")
    }

    /// The note with the difference to the baseline, or why there is none.
    pub fn note_with_baseline(&self, lang: Lang) -> String {
        let mut note = self.note();
        let vs = crate::words::VS_BASELINE.get(lang);
        if let Some(b) = &self.vs_baseline {
            note = format!("{note} · {vs} {b}");
        } else if let Some(r) = &self.not_comparable {
            note = format!("{note} · {vs}: {r}");
        }
        note
    }
}

#[derive(Clone, Debug)]
pub struct TableRow {
    pub key: String,
    pub metric: String,
    pub unit: String,
    pub diff_kind: DiffKind,
    pub cells: Vec<Option<TableCell>>,
    pub caveats: Vec<String>,
    /// `Title (Publisher, 2021-07): “总产值超过5700亿元”` per cell that has a value.
    pub sources: Vec<String>,
}

/// The comparison as a table: one row per metric, one column per cluster.
#[derive(Clone, Debug)]
pub struct Table {
    pub lang: Lang,
    /// Full names of the compared clusters.
    pub clusters: Vec<String>,
    /// Index of the baseline cluster.
    pub baseline: Option<usize>,
    pub rows: Vec<TableRow>,
    /// Per cluster: `你的数据` / `Your data` where the cluster comes from the
    /// user's own file, `含你的数据` / `With your data` where a register
    /// cluster holds figures from it; `None` for the register's own.
    pub yours: Vec<Option<&'static str>>,
}

impl Table {
    /// The baseline cluster's name for a title line: on one line, shortened.
    pub fn baseline_short(&self) -> Option<String> {
        self.baseline_name().map(short)
    }

    /// The baseline cluster's full name.
    pub fn baseline_name(&self) -> Option<&str> {
        self.baseline
            .and_then(|b| self.clusters.get(b))
            .map(String::as_str)
    }

    /// The column header of the `i`-th cluster: its name shortened, marked
    /// when it is the baseline.
    pub fn header(&self, i: usize) -> String {
        let mut name = short(&self.clusters[i]);
        if let Some(Some(y)) = self.yours.get(i) {
            name = format!("{name} ({y})");
        }
        if self.baseline == Some(i) {
            format!("{name} ({})", crate::words::BASELINE_3.get(self.lang))
        } else {
            name
        }
    }

    /// What follows a cell's value where it comes from the user's own file.
    fn yours_suffix(c: &TableCell) -> String {
        c.yours
            .as_ref()
            .map_or(String::new(), |y| format!(" · {y}"))
    }

    /// The title of the comparison: the names, each shortened, joined.
    pub fn title(&self) -> String {
        let names: Vec<_> = self.clusters.iter().map(|c| short(c)).collect();
        format::shorten_words(&names.join(" · "), 2 * format::NAME_MAX_CHARS).into_owned()
    }

    /// A cluster's value for a reader: `> 0.57万亿元 (约2021) ≈ +225%`, or
    /// why it does not compare with the baseline; `—` where there is none.
    pub fn cell_text(&self, c: &Option<TableCell>) -> String {
        let Some(c) = c else {
            return "—".to_owned();
        };
        let mut s = format!("{} ({}){}", c.display, c.year, Self::yours_suffix(c));
        if let Some(b) = &c.vs_baseline {
            s = format!("{s} {b}");
        } else if let Some(r) = &c.not_comparable {
            s = format!("{s} · {}: {r}", crate::words::VS_BASELINE.get(self.lang));
        }
        s
    }

    /// As [`Table::cell_text`] for a table whose unit has its own column:
    /// `> 5700 (约2021)`; a figure in a unit of another kind keeps its unit.
    pub fn cell_number_text(&self, c: &Option<TableCell>) -> String {
        match c {
            Some(cell) if !cell.number.is_empty() => {
                let with_unit = self.cell_text(c);
                with_unit.replacen(&cell.display, &cell.number, 1)
            }
            _ => self.cell_text(c),
        }
    }

    /// The header of the `i`-th cluster's difference column, naming the baseline.
    pub fn diff_header(&self, i: usize) -> Option<String> {
        let b = self.baseline.filter(|&b| b != i)?;
        let (name, base) = (short(&self.clusters[i]), short(&self.clusters[b]));
        Some(match self.lang {
            Lang::Zh => format!("{name} 对比基准 {base}"),
            Lang::En => format!("{name} vs baseline {base}"),
        })
    }
}

/// A name for a title or header: on one line, shortened ([`format::short_name`]).
pub fn short(s: &str) -> String {
    format::shorten_words(&super::safe::one_line(s), format::NAME_MAX_CHARS).into_owned()
}

/// A citation: the document and the phrase, `Title (Publisher, 2021-07): “…”`.
pub fn citation(d: &Dataset, c: &Citation, lang: Lang) -> String {
    match d.source(&c.source) {
        Some(s) => format!(
            "{} ({}, {}): “{}”",
            s.title.get(lang),
            s.publisher.get(lang),
            source_date(s, lang),
            c.quote
        ),
        None => format!("“{}”", c.quote),
    }
}

/// A source's date, marked where inferred: `2021-07 (inferred)`.
pub fn source_date(s: &Source, lang: Lang) -> String {
    if s.date_approximate {
        format!("{}{}", s.date, crate::words::INFERRED.get(lang))
    } else {
        s.date.clone()
    }
}

/// A source for a reader: `Title — Publisher, Author, 2021-07`.
pub fn source_line(s: &Source, lang: Lang) -> String {
    let author = s
        .author
        .as_ref()
        .map_or(String::new(), |a| format!(", {}", a.get(lang)));
    format!(
        "{} — {}{author}, {}",
        s.title.get(lang),
        s.publisher.get(lang),
        source_date(s, lang)
    )
}

/// Why a cell has no difference to the baseline. The comparison leaves the
/// difference out; this says why, from what the two figures are.
fn not_comparable_reason(cell: &Cell, base: Option<&Cell>, lang: Lang) -> String {
    let scope = |c: &Cell| {
        c.metric
            .scope
            .as_ref()
            .map(|s| s.get(lang).to_owned())
            .unwrap_or_else(|| crate::words::UNSTATED.get(lang).to_owned())
    };
    match base {
        None => lang
            .pick("基准集群无此数据", "the baseline has no figure")
            .into(),
        Some(_) if !cell.comparable => crate::words::A_UNIT_OF_ANOTHER_KIND.get(lang).into(),
        Some(b) if !b.comparable => lang
            .pick(
                "基准数据单位量纲不同",
                "the baseline's unit is of another kind",
            )
            .into(),
        Some(b) if b.metric.scope != cell.metric.scope => match lang {
            Lang::Zh => format!("不可比：口径不同（{}；基准：{}）", scope(cell), scope(b)),
            Lang::En => format!(
                "not comparable: different definitions ({}; baseline: {})",
                scope(cell),
                scope(b)
            ),
        },
        Some(_) => crate::words::NOT_COMPARABLE.get(lang).into(),
    }
}

pub fn table(d: &Dataset, cmp: &Comparison) -> Table {
    let lang = cmp.lang;
    let baseline = cmp.baseline;
    let yours_note = d.yours_file().map(|f| match lang {
        Lang::Zh => format!("你的数据（{f}）"),
        Lang::En => format!("your data ({f})"),
    });
    let rows = cmp
        .rows
        .iter()
        .map(|r| {
            let diff_kind = if r.dimension == Dimension::Percent {
                DiffKind::Points
            } else {
                DiffKind::Ratio
            };
            let base = baseline
                .and_then(|b| r.cells.get(b))
                .and_then(Option::as_ref);
            TableRow {
                key: r.key.clone(),
                metric: r.name.clone(),
                unit: r.scale.label.to_owned(),
                diff_kind,
                cells: r
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        c.as_ref().map(|c| {
                            let diff = match diff_kind {
                                DiffKind::Points => c.vs_baseline.and(c.baseline_points),
                                DiffKind::Ratio => c.vs_baseline,
                            }
                            .filter(|x| x.is_finite());
                            let compared = baseline.is_some_and(|b| b != i);
                            TableCell {
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
                                number: c.number.clone(),
                                vs_baseline: c.baseline_diff(lang).map(|d| {
                                    if c.baseline_unlike {
                                        format!("{d} ⚠")
                                    } else {
                                        d
                                    }
                                }),
                                diff,
                                not_comparable: (compared && diff.is_none())
                                    .then(|| not_comparable_reason(c, base, lang)),
                                yours: yours_note.clone().filter(|_| c.yours),
                            }
                        })
                    })
                    .collect(),
                caveats: r.caveats.iter().map(|c| c.describe(lang)).collect(),
                sources: r
                    .cells
                    .iter()
                    .flatten()
                    .map(|c| citation(d, &c.metric.source, lang))
                    .collect(),
            }
        })
        .collect();
    Table {
        lang,
        clusters: cmp.columns.iter().map(|c| c.name.clone()).collect(),
        baseline,
        rows,
        yours: cmp
            .columns
            .iter()
            .map(|c| c.yours.map(|w| cc_data::yours::label(lang, w)))
            .collect(),
    }
}

// ------------------------------------------------------------------ targets

/// A target with progress, as numbers and as text.
#[derive(Clone, Debug)]
pub struct TargetRow {
    pub cluster: String,
    pub metric: String,
    pub qualifier: &'static str,
    /// The target as written: value and unit.
    pub value: f64,
    pub unit: String,
    /// `> 530万辆`.
    pub display: String,
    pub year: Option<i32>,
    /// The latest actual, in the target's unit.
    pub actual: Option<f64>,
    /// The latest actual as written, `500万辆`.
    pub actual_display: String,
    pub actual_year: String,
    /// Actual divided by target.
    pub progress: Option<f64>,
    /// Target minus actual, in the target's unit.
    pub gap: Option<f64>,
    pub scope_note: String,
    /// The growth needed a year beside the growth so far, where a series of
    /// the target's definition leads to it; empty otherwise.
    pub on_track: String,
    pub policy: String,
    pub source: String,
}

pub fn targets(d: &Dataset, cmp: &Comparison) -> Vec<TargetRow> {
    let lang = cmp.lang;
    cmp.columns
        .iter()
        .flat_map(|col| {
            col.targets.iter().map(move |tp| {
                let t = &tp.target;
                let factor = cc_data::units::unit(&t.unit).map(|u| u.factor);
                let actual = tp
                    .actual
                    .as_ref()
                    .zip(factor)
                    .map(|(a, f)| a.quantity.base() / f);
                TargetRow {
                    cluster: col.name.clone(),
                    metric: tp.name.clone(),
                    qualifier: format::qualifier_symbol(t.qualifier),
                    value: t.value,
                    unit: t.unit.clone(),
                    display: tp.display.clone(),
                    year: tp.year,
                    actual,
                    actual_display: tp
                        .actual
                        .as_ref()
                        .map_or(String::new(), |a| a.written.clone()),
                    actual_year: tp.actual.as_ref().map_or(String::new(), |a| a.year.clone()),
                    progress: tp.fraction.filter(|f| f.is_finite()),
                    // A range's gap would be a range: none, as its progress.
                    gap: actual
                        .filter(|_| !tp.actual.as_ref().is_some_and(|a| a.metric.is_range()))
                        .map(|a| t.value - a)
                        .filter(|g| g.is_finite()),
                    scope_note: tp.scope_note.clone().unwrap_or_default(),
                    on_track: tp.on_track.clone().unwrap_or_default(),
                    policy: tp.policy_title.clone().unwrap_or_default(),
                    source: citation(d, &t.source, lang),
                }
            })
        })
        .collect()
}

// ------------------------------------------------------------------ policies

/// One policy of a compared cluster.
#[derive(Clone, Debug)]
pub struct PolicyRow {
    pub cluster: String,
    pub title: String,
    pub issuer: String,
    pub year: Option<i32>,
    /// Category names, `; `-separated.
    pub categories: String,
    pub summary: String,
    /// The document: `Title — Publisher, 2021-07`.
    pub document: String,
    /// The phrase as written there.
    pub quote: String,
}

pub fn policies(d: &Dataset, cmp: &Comparison) -> Vec<PolicyRow> {
    let lang = cmp.lang;
    cmp.columns
        .iter()
        .filter_map(|col| d.cluster(&col.id).map(|c| (col, c)))
        .flat_map(|(col, c)| {
            c.policies.iter().map(move |p| PolicyRow {
                cluster: col.name.clone(),
                title: p.title.get(lang).to_owned(),
                issuer: p.issuer.get(lang).to_owned(),
                year: p.year,
                categories: p
                    .categories
                    .iter()
                    .map(|&k| format::category(lang, k))
                    .collect::<Vec<_>>()
                    .join(crate::words::SEMICOLON.get(lang)),
                summary: p
                    .summary
                    .as_ref()
                    .map_or(String::new(), |s| s.get(lang).to_owned()),
                document: d
                    .source(&p.source.source)
                    .map_or(String::new(), |s| source_line(s, lang)),
                quote: p.source.quote.clone(),
            })
        })
        .collect()
}

/// Column headers of the policies table.
pub fn policy_headers(lang: Lang) -> [&'static str; 8] {
    [
        crate::words::CLUSTER.get(lang),
        crate::words::TITLE.get(lang),
        crate::words::ISSUER.get(lang),
        crate::words::YEAR.get(lang),
        crate::words::CATEGORIES.get(lang),
        crate::words::SUMMARY.get(lang),
        crate::words::SOURCE_DOCUMENT.get(lang),
        crate::words::QUOTE.get(lang),
    ]
}
