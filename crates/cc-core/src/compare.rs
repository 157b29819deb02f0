//! The comparison model: the compared clusters' figures lined up by metric in
//! a common display unit, with comparability warnings, baseline ratios,
//! targets with progress, and the policy-instrument matrix. Views draw it and
//! exports write it; neither recomputes any of it.

use std::collections::BTreeSet;

use crate::format::{self, Scale};
use cc_data::model::*;
use cc_data::units::{Dimension, Quantity};

mod bound;
mod column;
pub use bound::{NotComparable, RatioBound};
use column::build_column;
pub use column::{Column, TargetProgress};

/// At most this many clusters are compared at once.
pub const MAX_CLUSTERS: usize = 6;

/// One cluster's value in a [`Row`].
#[derive(Clone, Debug)]
pub struct Cell {
    pub metric: Metric,
    pub quantity: Quantity,
    /// The value in the row's display unit (a range's low end).
    pub display_value: f64,
    /// A range's high end in the row's display unit.
    pub display_high: Option<f64>,
    /// `> 0.57万亿元` in the row's common scale; ranges `85%–90%`; forecasts
    /// marked `（预计）` / `(forecast)`.
    pub display: String,
    /// As written, in its own unit: `> 5700亿元` / `> CNY 570 bn`, with the
    /// same range and forecast marks.
    pub written: String,
    /// [`Cell::display`] without its unit, for a table whose unit has its
    /// own column: `> 5700`, `0.57–0.6`, `> 40（预计）`; the bound stays with
    /// its number. Empty where the unit is of another kind than the row's.
    pub number: String,
    /// An expected figure, not a measured one (shown only where the cluster
    /// has no measured figure of the metric).
    pub forecast: bool,
    /// `2023`, `约2021`.
    pub year: String,
    /// Ratio to the baseline cluster's value, computed from the written
    /// numbers; `None` where there is no baseline value or the two are not
    /// comparable ([`Cell::not_comparable`] says why).
    pub vs_baseline: Option<f64>,
    /// Which way the true ratio (or points difference) may lie from
    /// `vs_baseline`, from both qualifiers.
    pub baseline_bound: RatioBound,
    /// Either figure carries a qualifier (超过, 近...): the ratio is a bound or estimate.
    pub baseline_hedged: bool,
    /// The two figures differ in year (or one year is inferred): the
    /// difference is shown with both years.
    pub baseline_unlike: bool,
    /// The baseline's year, where it differs from this cell's.
    pub baseline_year: Option<String>,
    /// The baseline figure is a forecast: the difference says so (a
    /// forecast in this cell is marked in `display` already).
    pub baseline_forecast: bool,
    /// Why no difference is computed, where there is a baseline value.
    pub not_comparable: Option<NotComparable>,
    /// For shares (%): the difference to the baseline in percentage points.
    pub baseline_points: Option<f64>,
    /// False where the cell's unit measures another dimension than the row's:
    /// shown as written, never charted or compared.
    pub comparable: bool,
    /// Earlier years of the same metric (cluster-wide), oldest first, for time series.
    pub history: Vec<(i32, f64)>,
    /// The figure comes from the user's own file laid over the register
    /// ([`Dataset::metric_is_yours`]), not from the register.
    pub yours: bool,
}

impl Cell {
    /// The difference to the baseline as shown: `+225%`, `< +225%` against a
    /// bound, `≈ +5%` between estimates, `+71 pp` for shares; with both
    /// years where they differ (`+225% (2023 / baseline c. 2021)`) and
    /// marked when the baseline is a forecast. `None` where no difference is computed.
    pub fn baseline_diff(&self, lang: Lang) -> Option<String> {
        let r = self.vs_baseline?;
        let d = match self.baseline_points {
            Some(pp) => format::points(pp, lang),
            None => format::percent_diff(r, lang),
        };
        let mut d = format::bounded(self.baseline_bound.symbol(), &d);
        if let Some(by) = &self.baseline_year {
            d = match lang {
                Lang::Zh => format!("{d}（{} / 基准{by}）", self.year),
                Lang::En => format!("{d} ({} / baseline {by})", self.year),
            };
        }
        if self.baseline_forecast {
            d = match lang {
                Lang::Zh => format!("{d}（基准为预计数）"),
                Lang::En => format!("{d} (baseline is a forecast)"),
            };
        }
        Some(d)
    }

    /// What the cell shows about the baseline: the difference, or why there
    /// is none (`不可比：口径不同（…）`). `None` for the baseline itself and
    /// where there is no baseline value.
    pub fn baseline_text(&self, lang: Lang) -> Option<String> {
        self.baseline_diff(lang)
            .or_else(|| self.not_comparable.as_ref().map(|n| n.describe(lang)))
    }
}

/// Why figures in one row may not compare like with like.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Caveat {
    /// Different definitions: the scope texts, in the display language.
    Scopes(Vec<String>),
    /// Different as-of years.
    Years(Vec<String>),
    /// At least one year is approximate.
    ApproximateYear,
    /// Units of different dimensions; those cells are left out of charts.
    Dimensions,
    /// At least one figure is a forecast (no measured figure exists for it).
    Forecast,
    /// At least one figure is a range, charted at its low end.
    Range,
}

impl Caveat {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Caveat::Scopes(s), Lang::Zh) => format!("口径不同：{}", s.join("；")),
            (Caveat::Scopes(s), Lang::En) => format!("Different definitions: {}", s.join("; ")),
            (Caveat::Years(y), Lang::Zh) => format!("年份不同：{}", y.join("、")),
            (Caveat::Years(y), Lang::En) => format!("Different years: {}", y.join(", ")),
            (Caveat::ApproximateYear, Lang::Zh) => "部分年份为推定（来源未写明）".into(),
            (Caveat::ApproximateYear, Lang::En) => {
                "Some years are inferred (not stated in the source)".into()
            }
            (Caveat::Dimensions, Lang::Zh) => "单位量纲不同，已从图表中排除".into(),
            (Caveat::Dimensions, Lang::En) => {
                "Units of different kinds; left out of the chart".into()
            }
            (Caveat::Forecast, Lang::Zh) => "含预计数（非实测，以空心柱标出）".into(),
            (Caveat::Forecast, Lang::En) => {
                "Includes forecasts (not measured; drawn as outlined bars)".into()
            }
            (Caveat::Range, Lang::Zh) => "含范围值：柱高为下限，细线标出上限".into(),
            (Caveat::Range, Lang::En) => {
                "Includes ranges: the bar shows the low end, a line the high end".into()
            }
        }
    }
}

/// One metric across the compared clusters.
#[derive(Clone, Debug)]
pub struct Row {
    pub key: String,
    pub name: String,
    pub headline: bool,
    pub dimension: Dimension,
    /// The common display unit of the row.
    pub scale: Scale,
    /// One per compared cluster, in panel order.
    pub cells: Vec<Option<Cell>>,
    pub caveats: Vec<Caveat>,
}

impl Row {
    /// How many clusters have a comparable value.
    pub fn coverage(&self) -> usize {
        self.cells.iter().flatten().filter(|c| c.comparable).count()
    }
}

/// The whole comparison.
#[derive(Clone, Debug)]
pub struct Comparison {
    pub lang: Lang,
    pub columns: Vec<Column>,
    pub baseline: Option<usize>,
    pub rows: Vec<Row>,
    /// The ids of the sources the compared figures cite, in dataset order.
    pub cited_sources: Vec<String>,
}

impl Comparison {
    /// Builds the comparison of `ids` (unknown ids are skipped) with an optional
    /// baseline index into the resulting columns.
    pub fn build(d: &Dataset, ids: &[String], baseline: Option<usize>, lang: Lang) -> Self {
        let clusters: Vec<&Cluster> = ids.iter().filter_map(|id| d.cluster(id)).collect();
        let baseline = baseline.filter(|&b| b < clusters.len());

        // Rows: metric keys in dataset order that any compared cluster has.
        let mut rows = Vec::new();
        for mk in &d.metric_keys {
            if !clusters.iter().any(|c| c.latest(&mk.key).is_some()) {
                continue;
            }
            rows.push(build_row(d, mk, &clusters, baseline, lang));
        }
        // Headline rows first, keeping dataset order otherwise.
        rows.sort_by_key(|r| !r.headline);

        let columns = clusters
            .iter()
            .map(|c| build_column(d, c, lang))
            .collect::<Vec<_>>();

        let mut cited = BTreeSet::new();
        for c in &clusters {
            cited.extend(c.metrics.iter().map(|m| m.source.source.as_str()));
            cited.extend(c.targets.iter().map(|t| t.source.source.as_str()));
            cited.extend(c.policies.iter().map(|p| p.source.source.as_str()));
            cited.extend(c.lead_firms.iter().map(|f| f.source.source.as_str()));
            cited.extend(c.designation.iter().map(|x| x.source.source.as_str()));
        }
        let cited_sources = d
            .sources
            .iter()
            .filter(|s| cited.contains(s.id.as_str()))
            .map(|s| s.id.clone())
            .collect();

        Self {
            lang,
            columns,
            baseline,
            rows,
            cited_sources,
        }
    }

    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// The row a chart shows first: the headline row with most values.
    pub fn default_chart_key(&self) -> Option<&str> {
        // The first (in dataset order) of the best-covered rows; among equally
        // covered rows, headline rows first.
        let best = self.rows.iter().map(|r| (r.coverage(), r.headline)).max()?;
        self.rows
            .iter()
            .find(|r| (r.coverage(), r.headline) == best)
            .map(|r| r.key.as_str())
    }
}

/// A cell of figure `m`; with `history` (a cluster's figure in a row, not a
/// target's actual) the series of its metric, which costs a pass over the
/// cluster's figures.
fn cell(
    m: &Metric,
    scale: &Scale,
    dim: Dimension,
    c: Option<&Cluster>,
    lang: Lang,
) -> Option<Cell> {
    let q = Quantity::new(m.value, &m.unit)?;
    let comparable = q.dimension() == dim;
    // The same definition as the latest figure, one value per year.
    // Measured figures only: a forecast is never a point of the series.
    let mut history: Vec<(i32, f64)> = c
        .into_iter()
        .flat_map(|c| c.metrics_of(&m.key))
        .filter(|h| (std::ptr::eq(*h, m) || same_definition(h, m)) && !h.forecast)
        .filter_map(|h| {
            let hq = Quantity::new(h.value, &h.unit)?;
            (hq.dimension() == dim).then(|| (h.as_of.year, hq.base() / scale.factor))
        })
        .collect();
    history.sort_by_key(|h| h.0);
    history.dedup_by_key(|h| h.0);
    let mark = |t: String| {
        if m.forecast {
            format::forecast(&t, lang)
        } else {
            t
        }
    };
    let high_base = m.value_high.map(|h| h * q.unit.factor);
    let written = match m.value_high {
        Some(h) => format::range(&q, h, m.qualifier, lang),
        None => format::figure(&q, m.qualifier, lang),
    };
    let in_scale = |scale: &format::Scale| match high_base {
        Some(h) => format::range_in_scale(q.base(), h, m.qualifier, scale, lang),
        None => format::figure_in_scale(q.base(), m.qualifier, scale, lang),
    };
    let display = if comparable {
        in_scale(scale)
    } else {
        written.clone()
    };
    let number = if comparable {
        mark(in_scale(&scale.bare()))
    } else {
        String::new()
    };
    Some(Cell {
        display_value: q.base() / scale.factor,
        display_high: high_base.map(|h| h / scale.factor),
        display: mark(display),
        written: mark(written),
        number,
        forecast: m.forecast,
        year: format::as_of(&m.as_of, lang),
        vs_baseline: None,
        baseline_bound: RatioBound::Exact,
        baseline_hedged: false,
        baseline_unlike: false,
        baseline_year: None,
        baseline_forecast: false,
        not_comparable: None,
        baseline_points: None,
        comparable,
        history,
        yours: false,
        quantity: q,
        metric: m.clone(),
    })
}

/// The definition of a figure as the reader sees it: the declared
/// definition's name where the data names one (format 3), else the scope as
/// written; an unstated one is named so.
pub fn definition_text(mk: &MetricKey, m: &Metric, lang: Lang) -> String {
    match m.definition.as_deref() {
        Some(UNSPECIFIED) => {
            let written = scope_text(m, lang);
            match lang {
                Lang::Zh => format!("口径未说明（原文：{written}）"),
                Lang::En => format!("definition not stated (as written: {written})"),
            }
        }
        Some(k) => mk
            .definition(k)
            .map(|d| d.name.get(lang).to_owned())
            .unwrap_or_else(|| scope_text(m, lang)),
        None => scope_text(m, lang),
    }
}

/// Whether two figures share a definition. Where both name one (format 3),
/// the keys are equal and neither is `unspecified`, which compares with
/// nothing; where neither does (formats 1 and 2), the scope as written
/// decides; one of each never matches.
pub fn same_definition(a: &Metric, b: &Metric) -> bool {
    definitions_match(
        a.definition.as_deref(),
        a.scope.as_ref(),
        b.definition.as_deref(),
        b.scope.as_ref(),
    )
}

fn definitions_match(
    a: Option<&str>,
    a_scope: Option<&Text>,
    b: Option<&str>,
    b_scope: Option<&Text>,
) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y && x != UNSPECIFIED,
        (None, None) => same_scope(a_scope, b_scope),
        _ => false,
    }
}

/// The scope of a figure as the reader sees it; unstated scopes are named so.
fn scope_text(m: &Metric, lang: Lang) -> String {
    match &m.scope {
        Some(s) if !s.is_empty() => s.get(lang).to_owned(),
        _ => match lang {
            Lang::Zh => "未说明".into(),
            Lang::En => "unstated".into(),
        },
    }
}

/// Whether two figures share a definition: both unstated, or the same
/// scope as the source writes it (Chinese; English where either has no
/// Chinese). A stated scope never matches an unstated one.
fn same_scope(a: Option<&Text>, b: Option<&Text>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) if !x.zh.trim().is_empty() && !y.zh.trim().is_empty() => {
            x.zh.trim() == y.zh.trim()
        }
        (Some(x), Some(y)) => x.en.trim() == y.en.trim(),
        _ => false,
    }
}

/// Sets the difference of `cell` to the baseline `base`, or the reason
/// there is none. Nothing is computed across definitions: a figure with a
/// different (or unstated against a stated) scope gets no ratio, no
/// percentage and no difference.
fn compare_to_baseline(mk: &MetricKey, cell: &mut Cell, base: &Cell, lang: Lang) {
    let (m, b) = (&cell.metric, &base.metric);
    cell.baseline_hedged = m.qualifier != Qualifier::Exact || b.qualifier != Qualifier::Exact;
    cell.baseline_forecast = b.forecast;
    if !same_definition(m, b) {
        cell.not_comparable = Some(NotComparable::Definitions {
            this: definition_text(mk, m, lang),
            baseline: definition_text(mk, b, lang),
        });
        return;
    }
    if m.is_range() || b.is_range() {
        cell.not_comparable = Some(NotComparable::Range);
        return;
    }
    let bound = RatioBound::of(m.qualifier, b.qualifier);
    if bound == RatioBound::Open {
        cell.not_comparable = Some(NotComparable::OppositeBounds);
        return;
    }
    cell.vs_baseline = cell.quantity.ratio_to(&base.quantity);
    if cell.vs_baseline.is_none() {
        return;
    }
    cell.baseline_bound = bound;
    if cell.quantity.dimension() == Dimension::Percent {
        cell.baseline_points = Some(cell.quantity.base() - base.quantity.base());
    }
    cell.baseline_unlike =
        m.as_of.year != b.as_of.year || m.as_of.approximate != b.as_of.approximate;
    if cell.baseline_unlike {
        cell.baseline_year = Some(base.year.clone());
    }
}

fn build_row(
    d: &Dataset,
    mk: &MetricKey,
    clusters: &[&Cluster],
    baseline: Option<usize>,
    lang: Lang,
) -> Row {
    let latest: Vec<Option<&Metric>> = clusters.iter().map(|c| c.latest(&mk.key)).collect();
    let quantities: Vec<Option<Quantity>> = latest
        .iter()
        .map(|m| m.and_then(|m| Quantity::new(m.value, &m.unit)))
        .collect();
    // The row's dimension: the most common one among its values.
    let mut dims: Vec<Dimension> = quantities.iter().flatten().map(|q| q.dimension()).collect();
    dims.sort();
    let dimension = dims
        .chunk_by(|a, b| a == b)
        .max_by_key(|g| g.len())
        .map(|g| g[0])
        .unwrap_or(Dimension::Count);
    // The unit follows every value the row shows (and the high ends of ranges).
    let shown: Vec<f64> = quantities
        .iter()
        .zip(&latest)
        .filter_map(|(q, m)| Some((q.as_ref()?, m.as_ref()?)))
        .filter(|(q, _)| q.dimension() == dimension)
        .flat_map(|(q, m)| [Some(q.base()), m.value_high.map(|h| h * q.unit.factor)])
        .flatten()
        .collect();
    let scale = format::scale_for_values(dimension, lang, shown);

    let mut cells: Vec<Option<Cell>> = latest
        .iter()
        .zip(clusters)
        .map(|(m, c)| {
            let m = (*m)?;
            let mut x = cell(m, &scale, dimension, Some(c), lang)?;
            x.yours = d.metric_is_yours(c, m);
            Some(x)
        })
        .collect();
    if let Some(b) = baseline
        && let Some(Some(base)) = cells.get(b).cloned()
        && base.comparable
    {
        for (i, cell) in cells.iter_mut().enumerate() {
            let Some(cell) = cell.as_mut().filter(|_| i != b) else {
                continue;
            };
            if cell.comparable {
                compare_to_baseline(mk, cell, &base, lang);
            }
        }
    }

    let mut caveats = Vec::new();
    let present: Vec<&Cell> = cells.iter().flatten().collect();
    if present.len() > 1 {
        let scopes: BTreeSet<String> = present
            .iter()
            .map(|c| match c.metric.definition {
                Some(_) => definition_text(mk, &c.metric, lang),
                None => c
                    .metric
                    .scope
                    .as_ref()
                    .map(|s| s.get(lang).to_owned())
                    .unwrap_or_default(),
            })
            .collect();
        if scopes.len() > 1 {
            caveats.push(Caveat::Scopes(
                scopes
                    .into_iter()
                    .map(|s| {
                        if s.is_empty() {
                            match lang {
                                Lang::Zh => "未说明".into(),
                                Lang::En => "unstated".into(),
                            }
                        } else {
                            s
                        }
                    })
                    .collect(),
            ));
        }
        let years: BTreeSet<String> = present.iter().map(|c| c.year.clone()).collect();
        if years.len() > 1 {
            caveats.push(Caveat::Years(years.into_iter().collect()));
        }
    }
    if present.iter().any(|c| c.metric.as_of.approximate) {
        caveats.push(Caveat::ApproximateYear);
    }
    if present.iter().any(|c| !c.comparable) {
        caveats.push(Caveat::Dimensions);
    }
    if present.iter().any(|c| c.forecast) {
        caveats.push(Caveat::Forecast);
    }
    if present.iter().any(|c| c.display_high.is_some()) {
        caveats.push(Caveat::Range);
    }

    Row {
        key: mk.key.clone(),
        name: mk.name.get(lang).to_owned(),
        headline: mk.headline,
        dimension,
        scale,
        cells,
        caveats,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Qualifier::*;

    fn cell_of(value: f64, unit: &str, q: Qualifier, scope: Option<&str>) -> Cell {
        let m = Metric {
            key: "k".into(),
            value,
            unit: unit.into(),
            qualifier: q,
            as_of: AsOf {
                year: 2023,
                ..Default::default()
            },
            scope: scope.map(|s| Text::new(s, s)),
            ..Default::default()
        };
        let c = Cluster::default();
        let sc = format::scale_for(Dimension::MoneyCny, Lang::En, 1e12);
        cell(&m, &sc, Dimension::MoneyCny, Some(&c), Lang::En).unwrap()
    }

    #[test]
    fn the_difference_text_carries_the_bound() {
        let base = cell_of(5700.0, "亿元", MoreThan, Some("total"));
        let mut gd = cell_of(1.85, "万亿元", Exact, Some("total"));
        compare_to_baseline(&MetricKey::default(), &mut gd, &base, Lang::En);
        assert_eq!(gd.baseline_diff(Lang::En).as_deref(), Some("< +225%"));
        let mut other = cell_of(1.85, "万亿元", Exact, Some("lead industries"));
        compare_to_baseline(&MetricKey::default(), &mut other, &base, Lang::En);
        assert_eq!(other.vs_baseline, None);
        assert_eq!(other.baseline_diff(Lang::En), None);
        let text = other.baseline_text(Lang::En).unwrap();
        assert!(
            text.starts_with("not comparable: different definitions"),
            "{text}"
        );
        assert!(
            text.contains("lead industries") && text.contains("total"),
            "{text}"
        );
    }
}
