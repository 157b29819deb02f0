//! Figures over the years: one series per metric key and definition, the
//! average annual growth between two figures of a series, and whether a
//! target of the same definition is on track.
//!
//! The rules are the comparison's: a series holds figures of one cluster as a
//! whole (never a city's or a firm's), of one key and one definition (an
//! `unspecified` definition joins nothing), in one dimension. A forecast is
//! never a point of the series; it is kept beside it. Growth is computed only
//! between actual figures and carries their bounds: from an exact figure to a
//! "more than" one, the growth is "more than".

use std::collections::BTreeMap;

use cc_data::model::*;
use cc_data::units::{Dimension, Quantity};

use crate::compare::RatioBound;

/// One figure of a series.
#[derive(Clone, Debug)]
pub struct Point {
    pub year: i32,
    /// The year is inferred (`约2021`).
    pub approximate: bool,
    /// The value in the dimension's base unit (元, 家, ...).
    pub base: f64,
    pub metric: Metric,
}

/// A target set for the same key and definition as a series.
#[derive(Clone, Debug)]
pub struct TargetPoint {
    pub year: i32,
    pub base: f64,
    pub target: Target,
}

/// The figures of one cluster for one key and one definition, by year.
#[derive(Clone, Debug)]
pub struct Series {
    pub key: String,
    /// The definition key (format 3), or the scope as written (formats 1 and 2).
    pub definition: String,
    pub dimension: Dimension,
    /// Actual figures, oldest first, one per year.
    pub points: Vec<Point>,
    /// Forecasts of the same definition, oldest first (never points).
    pub forecasts: Vec<Point>,
    /// Targets of the same definition with a year.
    pub targets: Vec<TargetPoint>,
}

/// Average annual growth between two figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    pub from: i32,
    pub to: i32,
    /// Per year, as a fraction (0.09 = 9% a year).
    pub rate: f64,
    /// Which way the true growth may lie from the computed one.
    pub bound: RatioBound,
    /// Either year is inferred.
    pub approximate_years: bool,
}

/// A key's figures by definition and dimension: actuals by year, and forecasts.
type Groups = BTreeMap<(String, Dimension), (BTreeMap<i32, Point>, Vec<Point>)>;

/// What a figure's definition is for grouping; `None` joins no series.
fn group_of(key: &MetricKey, m: &Metric) -> Option<String> {
    match m.definition.as_deref() {
        Some(UNSPECIFIED) => None,
        Some(d) => Some(d.to_owned()),
        // Formats 1 and 2: the scope as written; a key that declares
        // definitions never groups undeclared figures.
        None if key.definitions.is_empty() => Some(
            m.scope
                .as_ref()
                .map(|s| {
                    if s.zh.trim().is_empty() {
                        s.en.trim()
                    } else {
                        s.zh.trim()
                    }
                })
                .unwrap_or_default()
                .to_owned(),
        ),
        None => None,
    }
}

/// A better figure of a year: an exact one over a bound, a stated year over an inferred one.
fn rank(m: &Metric) -> (bool, bool) {
    (m.qualifier == Qualifier::Exact, !m.as_of.approximate)
}

/// Every series of `c` with figures in two or more years, by key (in the
/// dataset's key order) and definition.
pub fn series_of(d: &Dataset, c: &Cluster) -> Vec<Series> {
    let mut out = Vec::new();
    for key in &d.metric_keys {
        let mut groups: Groups = BTreeMap::new();
        for m in c.metrics_of(&key.key) {
            if m.subject.is_some() || m.is_range() {
                continue;
            }
            let (Some(g), Some(q)) = (group_of(key, m), Quantity::new(m.value, &m.unit)) else {
                continue;
            };
            if !q.base().is_finite() {
                continue;
            }
            let p = Point {
                year: m.as_of.year,
                approximate: m.as_of.approximate,
                base: q.base(),
                metric: m.clone(),
            };
            let slot = groups.entry((g, q.dimension())).or_default();
            if m.forecast {
                slot.1.push(p);
            } else {
                match slot.0.get(&p.year) {
                    Some(old) if rank(&old.metric) >= rank(m) => {}
                    _ => {
                        slot.0.insert(p.year, p);
                    }
                }
            }
        }
        for ((definition, dimension), (points, mut forecasts)) in groups {
            if points.len() < 2 {
                continue;
            }
            forecasts.sort_by_key(|p| p.year);
            let declared = !key.definitions.is_empty();
            let targets = c
                .targets
                .iter()
                .filter(|t| t.key == key.key)
                .filter_map(|t| target_point(&definition, dimension, declared, t))
                .collect();
            out.push(Series {
                key: key.key.clone(),
                definition,
                dimension,
                points: points.into_values().collect(),
                forecasts,
                targets,
            });
        }
    }
    out
}

/// `t` as a target of a series of `definition` and `dimension`, where it is
/// one: a year, a known unit of the same dimension and the same definition
/// (`unspecified` matches nothing; formats 1 and 2: a target without a scope
/// of a key that declares no definitions).
fn target_point(
    definition: &str,
    dimension: Dimension,
    declared: bool,
    t: &Target,
) -> Option<TargetPoint> {
    let year = t.year?;
    let q = Quantity::new(t.value, &t.unit)?;
    let same = match t.definition.as_deref() {
        Some(UNSPECIFIED) => false,
        Some(td) => td == definition,
        None => t.scope.is_none() && !declared,
    };
    (same && q.dimension() == dimension && q.base().is_finite()).then(|| TargetPoint {
        year,
        base: q.base(),
        target: t.clone(),
    })
}

/// The on-track line for target `t` among a cluster's `series`: the series
/// of its key and definition, where there is one ([`on_track_text`]).
/// `None` where no series shares the target's definition: no verdict.
pub fn on_track_for(series: &[Series], t: &Target, lang: Lang) -> Option<String> {
    series.iter().filter(|s| s.key == t.key).find_map(|s| {
        let tp = s.targets.iter().find(|tp| {
            tp.year == t.year.unwrap_or(i32::MIN)
                && tp.target.value.to_bits() == t.value.to_bits()
                && tp.target.unit == t.unit
                && tp.target.definition == t.definition
                && tp.target.source == t.source
        })?;
        on_track_text(s, tp, lang)
    })
}

/// Average annual growth from `a` to a later `b`; `None` for the same year,
/// a non-positive value, or a forecast at either end.
pub fn growth(a: &Point, b: &Point) -> Option<Growth> {
    if b.year <= a.year || a.base <= 0.0 || b.base <= 0.0 || a.metric.forecast || b.metric.forecast
    {
        return None;
    }
    let years = f64::from(b.year - a.year);
    let rate = (b.base / a.base).powf(1.0 / years) - 1.0;
    rate.is_finite().then(|| Growth {
        from: a.year,
        to: b.year,
        rate,
        // The growth rises and falls with the ratio b / a.
        bound: RatioBound::of(b.metric.qualifier, a.metric.qualifier),
        approximate_years: a.approximate || b.approximate,
    })
}

impl Series {
    /// Growth from the first to the latest figure.
    pub fn overall_growth(&self) -> Option<Growth> {
        growth(self.points.first()?, self.points.last()?)
    }

    /// The growth a year needed from the latest figure to meet `t` by its
    /// year; `None` where the target's year is not after the latest figure.
    pub fn needed_for(&self, t: &TargetPoint) -> Option<Growth> {
        let last = self.points.last()?;
        if t.year <= last.year || last.base <= 0.0 || t.base <= 0.0 {
            return None;
        }
        let rate = (t.base / last.base).powf(1.0 / f64::from(t.year - last.year)) - 1.0;
        Some(Growth {
            from: last.year,
            to: t.year,
            rate,
            bound: RatioBound::of(t.target.qualifier, last.metric.qualifier),
            approximate_years: last.approximate,
        })
    }
}

/// A growth rate as people write it: "9.1%/年" or "9.1% a year", with its
/// bound ("> 9.1% a year") and "约" / "c." years where inferred.
pub fn growth_text(g: &Growth, lang: Lang) -> String {
    let pct = g.rate * 100.0;
    let digits = if pct.abs() >= 10.0 { 0 } else { 1 };
    let sym = g.bound.symbol();
    let sym = if sym.is_empty() {
        String::new()
    } else {
        format!("{sym} ")
    };
    let (from, to) = if g.approximate_years {
        match lang {
            Lang::Zh => (format!("约{}", g.from), format!("约{}", g.to)),
            Lang::En => (format!("c. {}", g.from), format!("c. {}", g.to)),
        }
    } else {
        (g.from.to_string(), g.to.to_string())
    };
    // Bounds at both ends pushing opposite ways: the number is no bound, so
    // none is written.
    let open = g.bound == RatioBound::Open;
    match (lang, open) {
        (Lang::Zh, false) => format!("{sym}{pct:.digits$}%/年（{from}—{to}）"),
        (Lang::En, false) => format!("{sym}{pct:.digits$}% a year ({from}–{to})"),
        (Lang::Zh, true) => format!("增长率无法确定（{from}—{to}；两端均为界限值）"),
        (Lang::En, true) => {
            format!("growth cannot be told ({from}–{to}; both ends are bounds)")
        }
    }
}

/// The name of a series' definition for a reader: the declared definition's
/// name (format 3), else the scope as written of its figures.
pub fn definition_name(d: &Dataset, s: &Series, lang: Lang) -> String {
    match (d.metric_key(&s.key), s.points.first()) {
        (Some(mk), Some(p)) => crate::compare::definition_text(mk, &p.metric, lang),
        _ => s.definition.clone(),
    }
}

/// Whether the series is on track for `t`, in words: the growth needed each
/// year from the latest figure, beside the growth so far. No verdict is given
/// where a bound leaves the comparison open.
pub fn on_track_text(s: &Series, t: &TargetPoint, lang: Lang) -> Option<String> {
    let needed = s.needed_for(t)?;
    let so_far = s.overall_growth();
    let need = growth_text(&needed, lang);
    Some(match (so_far, lang) {
        (Some(g), Lang::En) if g.bound == RatioBound::Open => {
            format!("needs {need}; so far, {}", growth_text(&g, lang))
        }
        (Some(g), Lang::Zh) => format!("需年均增长{need}；此前{}", growth_text(&g, lang)),
        (Some(g), Lang::En) => format!("needs {need}; grew {}", growth_text(&g, lang)),
        (None, Lang::Zh) => format!("需年均增长{need}"),
        (None, Lang::En) => format!("needs {need}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(year: i32, value: f64, unit: &str, q: Qualifier, def: Option<&str>) -> Metric {
        Metric {
            key: "output_value".into(),
            value,
            unit: unit.into(),
            qualifier: q,
            as_of: AsOf {
                year,
                ..AsOf::default()
            },
            definition: def.map(str::to_owned),
            ..Metric::default()
        }
    }

    fn data(metrics: Vec<Metric>, targets: Vec<Target>) -> (Dataset, Cluster) {
        let key = MetricKey {
            key: "output_value".into(),
            definitions: vec![
                Definition {
                    key: "total_output".into(),
                    ..Definition::default()
                },
                Definition {
                    key: "revenue".into(),
                    ..Definition::default()
                },
            ],
            ..MetricKey::default()
        };
        let c = Cluster {
            id: "c".into(),
            metrics,
            targets,
            ..Cluster::default()
        };
        let d = Dataset {
            metric_keys: vec![key],
            clusters: vec![c.clone()],
            ..Dataset::default()
        };
        (d, c)
    }

    use Qualifier::*;

    #[test]
    fn growth_never_crosses_definitions_bounds_or_forecasts() {
        // (figures, expected series count, expected growth symbol of the first series)
        let cases: Vec<(Vec<Metric>, usize, Option<&str>)> = vec![
            // Same definition, exact both ends: one series, exact growth.
            (
                vec![
                    fig(2021, 100.0, "亿元", Exact, Some("total_output")),
                    fig(2023, 121.0, "亿元", Exact, Some("total_output")),
                ],
                1,
                Some(""),
            ),
            // Different definitions never share a series.
            (
                vec![
                    fig(2021, 100.0, "亿元", Exact, Some("total_output")),
                    fig(2023, 121.0, "亿元", Exact, Some("revenue")),
                ],
                0,
                None,
            ),
            // Unspecified joins nothing.
            (
                vec![
                    fig(2021, 100.0, "亿元", Exact, Some(UNSPECIFIED)),
                    fig(2023, 121.0, "亿元", Exact, Some(UNSPECIFIED)),
                ],
                0,
                None,
            ),
            // A bound at the end stays a bound: more than.
            (
                vec![
                    fig(2021, 100.0, "亿元", Exact, Some("total_output")),
                    fig(2023, 121.0, "亿元", MoreThan, Some("total_output")),
                ],
                1,
                Some(">"),
            ),
            // A bound at the start pushes the other way: less than.
            (
                vec![
                    fig(2021, 100.0, "亿元", MoreThan, Some("total_output")),
                    fig(2023, 121.0, "亿元", Exact, Some("total_output")),
                ],
                1,
                Some("<"),
            ),
            // Less than at the start, more than at the end: more than.
            (
                vec![
                    fig(2021, 100.0, "亿元", LessThan, Some("total_output")),
                    fig(2023, 121.0, "亿元", MoreThan, Some("total_output")),
                ],
                1,
                Some(">"),
            ),
            // Lower bounds at both ends push both ways: open, no direction claimed.
            (
                vec![
                    fig(2021, 100.0, "亿元", MoreThan, Some("total_output")),
                    fig(2023, 121.0, "亿元", MoreThan, Some("total_output")),
                ],
                1,
                Some("open"),
            ),
        ];
        for (i, (metrics, n, sym)) in cases.into_iter().enumerate() {
            let (d, c) = data(metrics, vec![]);
            let s = series_of(&d, &c);
            assert_eq!(s.len(), n, "case {i}");
            if let Some(sym) = sym {
                let g = s[0].overall_growth().expect("growth");
                assert!((g.rate - 0.1).abs() < 1e-9, "case {i}: {}", g.rate);
                if sym == "open" {
                    assert_eq!(g.bound, RatioBound::Open, "case {i}");
                } else {
                    assert_eq!(g.bound.symbol(), sym, "case {i}");
                }
            }
        }
    }

    #[test]
    fn a_forecast_is_never_a_point_and_units_convert() {
        let mut f = fig(2025, 200.0, "亿元", Exact, Some("total_output"));
        f.forecast = true;
        let (d, c) = data(
            vec![
                fig(2021, 0.01, "万亿元", Exact, Some("total_output")),
                fig(2022, 110.0, "亿元", Exact, Some("total_output")),
                f,
            ],
            vec![],
        );
        let s = series_of(&d, &c);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].points.len(), 2);
        assert_eq!(s[0].forecasts.len(), 1);
        let g = s[0].overall_growth().unwrap();
        assert!((g.rate - 0.1).abs() < 1e-9);
    }

    #[test]
    fn on_track_needs_a_target_of_the_same_definition() {
        let t = |def: &str| Target {
            key: "output_value".into(),
            value: 200.0,
            unit: "亿元".into(),
            year: Some(2025),
            definition: Some(def.into()),
            ..Target::default()
        };
        let figs = vec![
            fig(2021, 100.0, "亿元", Exact, Some("total_output")),
            fig(2023, 121.0, "亿元", Exact, Some("total_output")),
        ];
        let (d, c) = data(figs.clone(), vec![t("total_output"), t("revenue")]);
        let s = &series_of(&d, &c)[0];
        assert_eq!(s.targets.len(), 1, "only the target of the same definition");
        let text = on_track_text(s, &s.targets[0], Lang::En).unwrap();
        assert!(text.starts_with("needs 29% a year (2023–2025)"), "{text}");
        assert!(text.contains("grew 10% a year (2021–2023)"), "{text}");
    }

    #[test]
    fn growth_between_two_lower_bounds_writes_no_number() {
        let g = Growth {
            rate: 0.0,
            bound: RatioBound::Open,
            from: 2021,
            to: 2025,
            approximate_years: true,
        };
        for lang in [Lang::Zh, Lang::En] {
            let t = growth_text(&g, lang);
            assert!(!t.contains('%'), "{t}");
        }
    }
}
