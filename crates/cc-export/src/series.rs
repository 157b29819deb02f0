//! The compared clusters' figures over the years as one table every format
//! writes: one row per figure of a series (cluster, metric, definition,
//! year, the value as written, the number in the display unit, bound and
//! forecast flags, the growth of the series, the source and its quote).
//! Built from the same series the Charts tab draws ([`cc_core::timeline`]).

use cc_core::compare::Comparison;
use cc_core::format;
use cc_core::series::{self, Point, Series};
use cc_data::model::{Dataset, Lang};

use super::table::{short, source_line};

/// One figure of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    pub cluster: String,
    pub metric: String,
    /// The definition as a reader sees it.
    pub definition: String,
    pub year: i32,
    /// `2023`, `约2021`.
    pub year_text: String,
    /// As written, with qualifier and forecast mark: `> 5700亿元`.
    pub written: String,
    /// In the display unit ([`SeriesRow::unit`]).
    pub value: f64,
    pub unit: String,
    /// `>`, `≥`, `<`, `≤` where the figure is a bound (its direction), else empty.
    pub bound: &'static str,
    pub forecast: bool,
    /// On the series' latest actual figure: the average annual growth from
    /// its first one, in words; empty elsewhere.
    pub growth: String,
    /// `Title — Publisher, 2021-07`.
    pub source: String,
    pub quote: String,
}

/// Column headers of the series table.
pub fn headers(lang: Lang) -> [&'static str; 13] {
    [
        crate::words::CLUSTER.get(lang),
        crate::words::METRIC.get(lang),
        crate::words::DEFINITION.get(lang),
        crate::words::YEAR.get(lang),
        crate::words::VALUE_AS_WRITTEN.get(lang),
        crate::words::NUMBER_DISPLAY_UNIT.get(lang),
        crate::words::DISPLAY_UNIT.get(lang),
        crate::words::BOUND.get(lang),
        crate::words::FORECAST.get(lang),
        crate::words::GROWTH_A_YEAR_FIRST_TO_LATEST.get(lang),
        crate::words::SOURCE_2.get(lang),
        crate::words::QUOTE.get(lang),
        // The year as a number, for sorting in a sheet.
        crate::words::YEAR_NUMBER.get(lang),
    ]
}

/// What the rows of one series share.
struct Of<'a> {
    d: &'a Dataset,
    cluster: &'a str,
    metric: &'a str,
    definition: &'a str,
    scale: &'a format::Scale,
    lang: Lang,
}

fn row(of: &Of<'_>, p: &Point, growth: String) -> SeriesRow {
    let Of {
        d,
        cluster,
        metric,
        definition,
        scale,
        lang,
    } = *of;
    let m = &p.metric;
    let bound = match m.qualifier.bound() {
        cc_data::model::Bound::Lower | cc_data::model::Bound::Upper => {
            format::qualifier_symbol(m.qualifier)
        }
        _ => "",
    };
    SeriesRow {
        cluster: cluster.to_owned(),
        metric: metric.to_owned(),
        definition: definition.to_owned(),
        year: p.year,
        year_text: format::as_of(&m.as_of, lang),
        written: format::metric(m, lang).unwrap_or_default(),
        value: p.base / scale.factor,
        unit: scale.label.to_owned(),
        bound,
        forecast: m.forecast,
        growth,
        source: d
            .source(&m.source.source)
            .map_or_else(|| m.source.source.clone(), |s| source_line(s, lang)),
        quote: m.source.quote.clone(),
    }
}

/// Every figure of every series of the compared clusters, by cluster, then
/// metric (in row order), definition and year; forecasts after the actual
/// figures of their series. The display unit is the comparison row's, as in
/// the Comparison sheet, where the series has the row's dimension.
pub fn series_rows(d: &Dataset, cmp: &Comparison) -> Vec<SeriesRow> {
    let lang = cmp.lang;
    let mut out = Vec::new();
    for col in &cmp.columns {
        let cluster = short(&col.name);
        for r in &cmp.rows {
            for s in col.series.iter().filter(|s| s.key == r.key) {
                let scale = if s.dimension == r.dimension {
                    r.scale
                } else {
                    format::scale_for_values(s.dimension, lang, s.points.iter().map(|p| p.base))
                };
                push_series(d, &mut out, &cluster, &r.name, s, &scale, lang);
            }
        }
    }
    out
}

fn push_series(
    d: &Dataset,
    out: &mut Vec<SeriesRow>,
    cluster: &str,
    metric: &str,
    s: &Series,
    scale: &format::Scale,
    lang: Lang,
) {
    let definition = series::definition_name(d, s, lang);
    let of = Of {
        d,
        cluster,
        metric,
        definition: &definition,
        scale,
        lang,
    };
    let growth = s
        .overall_growth()
        .map(|g| series::growth_text(&g, lang))
        .unwrap_or_default();
    let last = s.points.len().saturating_sub(1);
    for (i, p) in s.points.iter().enumerate() {
        let g = if i == last {
            growth.clone()
        } else {
            String::new()
        };
        out.push(row(&of, p, g));
    }
    for p in &s.forecasts {
        out.push(row(&of, p, String::new()));
    }
}

/// `是` / `yes` for a flag, empty otherwise.
pub fn flag(b: bool, lang: Lang) -> &'static str {
    if b { crate::words::YES.get(lang) } else { "" }
}
