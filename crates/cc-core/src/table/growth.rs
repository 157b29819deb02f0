//! Growth columns of the cluster table: per headline metric, each cluster's
//! average annual growth between the first and the latest actual figure of
//! one definition ([`crate::series`]), sortable like the other columns.

use super::{Dataset, Lang, MetricColumn, Quantity};

/// The average annual growth of a headline metric: one column per metric
/// that any cluster has a series of.
#[derive(Clone, Debug)]
pub struct GrowthColumn {
    pub key: String,
    /// The metric's name.
    pub name: String,
}

impl GrowthColumn {
    /// `产值年均增长（%）` / `Output value, growth a year (%)`.
    pub fn header(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}年均增长（%）", self.name),
            Lang::En => format!("{}, growth a year (%)", self.name),
        }
    }
}

/// One cluster's average annual growth of a metric, between the first and
/// the latest actual figure of one definition ([`crate::series::growth`]).
#[derive(Clone, Debug)]
pub struct GrowthValue {
    /// Percent a year, for sorting; `None` where the bounds at both ends
    /// push opposite ways (the number is no bound then).
    pub number: Option<f64>,
    /// As shown in the cell: `9.1`, `> 9.1` (the unit is in the header).
    pub text: String,
    /// `> 9.1% a year (2021–2023) · total output`: for tooltips and notes.
    pub note: String,
    pub bound: crate::compare::RatioBound,
}

impl GrowthValue {
    /// The number where it stands alone (an exact growth): a cell that may
    /// be copied on its own; `None` for a bound, which keeps its symbol.
    pub fn plain_number(&self) -> Option<f64> {
        self.number
            .filter(|n| n.is_finite() && self.bound == crate::compare::RatioBound::Exact)
    }
}

/// Per metric column, per cluster: the growth of the series that holds the
/// figure the column shows (its definition), else of the series with the
/// latest figure. Each cluster's series are found once for all columns.
pub(super) fn growth_values(
    d: &Dataset,
    columns: &[MetricColumn],
    latest: &[Vec<Option<(usize, Quantity)>>],
    lang: Lang,
) -> Vec<Vec<Option<GrowthValue>>> {
    let mut out: Vec<Vec<Option<GrowthValue>>> = columns
        .iter()
        .map(|_| vec![None; d.clusters.len()])
        .collect();
    for (ci, c) in d.clusters.iter().enumerate() {
        // Only clusters with two figures of a headline key can have a series.
        if c.metrics.len() < 2 {
            continue;
        }
        let series = crate::series::series_of(d, c);
        if series.is_empty() {
            continue;
        }
        for (k, col) in columns.iter().enumerate() {
            let shown = latest[k][ci].map(|(mi, _)| &c.metrics[mi]);
            let of_key = || series.iter().filter(|s| s.key == col.key);
            let chosen = shown
                .and_then(|m| {
                    of_key().find(|s| {
                        s.points
                            .iter()
                            .any(|p| crate::compare::same_definition(&p.metric, m))
                    })
                })
                .or_else(|| of_key().max_by_key(|s| s.points.last().map(|p| p.year)));
            let Some(s) = chosen else { continue };
            let Some(g) = s.overall_growth() else {
                continue;
            };
            let pct = g.rate * 100.0;
            let open = g.bound == crate::compare::RatioBound::Open;
            let digits = if pct.abs() >= 10.0 { 0 } else { 1 };
            let n = format!("{pct:.digits$}");
            let sym = g.bound.symbol();
            let text = match (open, sym.is_empty()) {
                (true, _) => crate::words::CANNOT_BE_TOLD.get(lang).to_owned(),
                (false, true) => n,
                (false, false) => format!("{sym} {n}"),
            };
            out[k][ci] = Some(GrowthValue {
                number: (!open && pct.is_finite()).then_some(pct),
                text,
                note: format!(
                    "{} · {}",
                    crate::series::growth_text(&g, lang),
                    crate::series::definition_name(d, s, lang)
                ),
                bound: g.bound,
            });
        }
    }
    out
}
