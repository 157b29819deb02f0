//! The compared clusters' figures of one metric over the years, as lines for
//! a chart: one line per cluster and definition (figures of different
//! definitions never share a line), in the comparison row's display unit,
//! a mark per figure labelled as written, bounds marked with their
//! direction, and forecasts and targets as projections from the latest
//! actual figure. The Charts tab draws it, the deck and the sheets read the
//! same series; nothing here knows egui.

use crate::compare::{Comparison, Row};
use crate::format::{self, Scale};
use crate::series::{self, Point, Series};
use cc_data::model::{Bound, Dataset, Lang, Qualifier};
use cc_data::units::Quantity;

/// Which way a bound's true value lies from its mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// More than (or at least) the number written: ▲.
    Above,
    /// Less than (or at most) the number written: ▼.
    Below,
}

impl Direction {
    pub fn of(q: Qualifier) -> Option<Self> {
        match q.bound() {
            Bound::Lower => Some(Direction::Above),
            Bound::Upper => Some(Direction::Below),
            Bound::Exact | Bound::Approximate => None,
        }
    }

    /// `▲ 实际高于此数` / `▲ more than`.
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Direction::Above, Lang::Zh) => "▲ 实际高于此数",
            (Direction::Above, Lang::En) => "▲ more than",
            (Direction::Below, Lang::Zh) => "▼ 实际低于此数",
            (Direction::Below, Lang::En) => "▼ less than",
        }
    }
}

/// One figure on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub year: i32,
    /// In the row's display unit.
    pub value: f64,
    /// The figure as written with its year (`> 5700亿元 (2021)`), and the
    /// bound's direction in words where it is one: the hover text.
    pub label: String,
    /// A bound: drawn as an open (hollow) marker.
    pub bound: Option<Direction>,
}

/// What a projection leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Projected {
    Forecast,
    Target,
}

/// A dashed segment from the latest actual figure to a forecast or a
/// target in a later year.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub kind: Projected,
    pub from: (i32, f64),
    pub to: Mark,
}

/// One cluster's figures of one definition over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Index of the cluster among the compared columns (its colour).
    pub column: usize,
    /// Index of the definition among this cluster's lines of the metric
    /// (0 for the first): a marker shape of its own.
    pub variant: usize,
    /// The definition as a reader sees it.
    pub definition: String,
    /// The legend entry: `cluster · definition`.
    pub name: String,
    /// Actual figures, oldest first, one per year.
    pub marks: Vec<Mark>,
    pub projections: Vec<Projection>,
    /// Average annual growth from the first to the latest actual figure, in words.
    pub growth: Option<String>,
}

/// The lines of one metric across the compared clusters.
#[derive(Clone, Debug, PartialEq)]
pub struct Lines {
    pub key: String,
    /// The display unit of every value, e.g. `亿元`.
    pub unit: &'static str,
    pub lines: Vec<Line>,
}

impl Lines {
    /// The hover label of the mark at (`year`, `value`) on the line named
    /// `name` (a plot reports the nearest point by item name and position).
    pub fn label_at(&self, name: &str, year: f64, value: f64) -> Option<&str> {
        let near = |m: &Mark| {
            (f64::from(m.year) - year).abs() < 1e-6
                && (m.value - value).abs() <= 1e-9 * m.value.abs().max(1.0)
        };
        self.lines
            .iter()
            .filter(|l| l.name == name)
            .flat_map(|l| l.marks.iter().chain(l.projections.iter().map(|p| &p.to)))
            .find(|m| near(m))
            .map(|m| m.label.as_str())
    }

    /// The years spanned, first and last (projections included).
    pub fn years(&self) -> Option<(i32, i32)> {
        let ys = self.lines.iter().flat_map(|l| {
            l.marks
                .iter()
                .map(|m| m.year)
                .chain(l.projections.iter().map(|p| p.to.year))
        });
        let (lo, hi) = ys.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        (lo <= hi).then_some((lo, hi))
    }
}

/// The figure as written with its year, and the bound's direction.
fn label(p: &Point, lang: Lang) -> String {
    let written = format::metric(&p.metric, lang).unwrap_or_default();
    let year = format::as_of(&p.metric.as_of, lang);
    match Direction::of(p.metric.qualifier) {
        Some(d) => format!("{written} ({year}) {}", d.words(lang)),
        None => format!("{written} ({year})"),
    }
}

fn mark(p: &Point, scale: &Scale, lang: Lang) -> Mark {
    Mark {
        year: p.year,
        value: p.base / scale.factor,
        label: label(p, lang),
        bound: Direction::of(p.metric.qualifier),
    }
}

/// The lines of `s` (cluster `column`, definition `variant`) in `scale`.
fn line(
    d: &Dataset,
    s: &Series,
    column: usize,
    variant: usize,
    cluster: &str,
    scale: &Scale,
    lang: Lang,
) -> Line {
    let definition = series::definition_name(d, s, lang);
    let marks: Vec<Mark> = s.points.iter().map(|p| mark(p, scale, lang)).collect();
    let last = marks.last().map(|m| (m.year, m.value));
    let mut projections = Vec::new();
    if let Some(from) = last {
        for f in s.forecasts.iter().filter(|f| f.year > from.0) {
            projections.push(Projection {
                kind: Projected::Forecast,
                from,
                to: mark(f, scale, lang),
            });
        }
        for t in s.targets.iter().filter(|t| t.year > from.0) {
            let q = Quantity::new(t.target.value, &t.target.unit);
            let written = q.map_or_else(String::new, |q| {
                format::figure(&q, t.target.qualifier, lang)
            });
            let label = match lang {
                Lang::Zh => format!("目标：{written}（{}年）", t.year),
                Lang::En => format!("target: {written} by {}", t.year),
            };
            projections.push(Projection {
                kind: Projected::Target,
                from,
                to: Mark {
                    year: t.year,
                    value: t.base / scale.factor,
                    label,
                    bound: Direction::of(t.target.qualifier),
                },
            });
        }
    }
    Line {
        column,
        variant,
        name: format!("{cluster} · {definition}"),
        definition,
        marks,
        projections,
        growth: s.overall_growth().map(|g| series::growth_text(&g, lang)),
    }
}

/// The lines of metric `key` across the compared clusters of `cmp`, in the
/// row's display unit; series of another dimension than the row's are left
/// out (they would need another axis). `None` where the comparison has no
/// row of `key`; no lines where no compared cluster has two or more years.
pub fn lines(d: &Dataset, cmp: &Comparison, key: &str) -> Option<Lines> {
    let row = cmp.row(key)?;
    Some(lines_of_row(d, cmp, row))
}

fn lines_of_row(d: &Dataset, cmp: &Comparison, row: &Row) -> Lines {
    let lang = cmp.lang;
    let scale = row.scale;
    let mut out = Vec::new();
    for (ci, col) in cmp.columns.iter().enumerate() {
        let cluster = format::short_name(&col.name);
        let of_key = col
            .series
            .iter()
            .filter(|s| s.key == row.key && s.dimension == row.dimension);
        for (variant, s) in of_key.enumerate() {
            out.push(line(d, s, ci, variant, &cluster, &scale, lang));
        }
    }
    Lines {
        key: row.key.clone(),
        unit: scale.label,
        lines: out,
    }
}

/// The metric keys with at least one line among the compared clusters, in
/// row order: the deck's series slides and the sheets' series tables.
pub fn keys_with_series(cmp: &Comparison) -> Vec<&str> {
    cmp.rows
        .iter()
        .filter(|r| {
            cmp.columns.iter().any(|c| {
                c.series
                    .iter()
                    .any(|s| s.key == r.key && s.dimension == r.dimension)
            })
        })
        .map(|r| r.key.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::model::*;

    fn fig(year: i32, value: f64, q: Qualifier, def: &str, forecast: bool) -> Metric {
        Metric {
            key: "output_value".into(),
            value,
            unit: "亿元".into(),
            qualifier: q,
            forecast,
            as_of: AsOf {
                year,
                ..AsOf::default()
            },
            definition: Some(def.into()),
            source: Citation {
                source: "s".into(),
                quote: format!("{value}亿元"),
            },
            ..Metric::default()
        }
    }

    fn dataset(metrics: Vec<Metric>, targets: Vec<Target>) -> Dataset {
        let def = |k: &str, zh: &str, en: &str| Definition {
            key: k.into(),
            name: Text::new(zh, en),
        };
        Dataset {
            metric_keys: vec![MetricKey {
                key: "output_value".into(),
                name: Text::new("产值", "Output"),
                headline: true,
                definitions: vec![
                    def("total_output", "集群总产值", "total output"),
                    def("revenue", "营业收入", "revenue"),
                ],
                ..MetricKey::default()
            }],
            clusters: vec![Cluster {
                id: "c".into(),
                name: Text::new("甲集群", "Cluster A"),
                metrics,
                targets,
                ..Cluster::default()
            }],
            ..Dataset::default()
        }
    }

    use Qualifier::*;

    #[test]
    fn three_years_of_one_definition_are_one_line_with_a_mark_each() {
        let d = dataset(
            vec![
                fig(2021, 100.0, Exact, "total_output", false),
                fig(2022, 110.0, MoreThan, "total_output", false),
                fig(2023, 121.0, Exact, "total_output", false),
                fig(2022, 90.0, Exact, "revenue", false),
            ],
            vec![],
        );
        let cmp = Comparison::build(&d, &["c".into()], None, Lang::En);
        let l = lines(&d, &cmp, "output_value").unwrap();
        assert_eq!(l.lines.len(), 1, "revenue has one year: no line");
        let line = &l.lines[0];
        assert_eq!(
            line.marks.iter().map(|m| m.year).collect::<Vec<_>>(),
            [2021, 2022, 2023]
        );
        assert_eq!(line.name, "Cluster A · total output");
        assert_eq!(line.marks[1].bound, Some(Direction::Above));
        assert!(
            line.marks[1].label.contains("▲ more than"),
            "{}",
            line.marks[1].label
        );
        assert!(line.marks[0].bound.is_none());
        assert_eq!(
            l.label_at(&line.name, 2021.0, line.marks[0].value),
            Some(line.marks[0].label.as_str())
        );
        assert_eq!(line.growth.as_deref(), Some("10% a year (2021–2023)"));
    }

    #[test]
    fn definitions_never_share_a_line_and_forecasts_and_targets_are_projections() {
        let d = dataset(
            vec![
                fig(2021, 100.0, Exact, "total_output", false),
                fig(2023, 121.0, Exact, "total_output", false),
                fig(2025, 150.0, Exact, "total_output", true),
                fig(2021, 80.0, Exact, "revenue", false),
                fig(2022, 85.0, LessThan, "revenue", false),
            ],
            vec![Target {
                key: "output_value".into(),
                value: 200.0,
                unit: "亿元".into(),
                year: Some(2026),
                definition: Some("total_output".into()),
                ..Target::default()
            }],
        );
        let cmp = Comparison::build(&d, &["c".into()], None, Lang::Zh);
        let l = lines(&d, &cmp, "output_value").unwrap();
        assert_eq!(l.lines.len(), 2, "one line per definition");
        let total = l
            .lines
            .iter()
            .find(|x| x.definition == "集群总产值")
            .unwrap();
        let revenue = l.lines.iter().find(|x| x.definition == "营业收入").unwrap();
        assert_ne!(total.variant, revenue.variant);
        assert_eq!(total.marks.len(), 2, "a forecast is never a mark");
        let kinds: Vec<_> = total
            .projections
            .iter()
            .map(|p| (p.kind, p.to.year))
            .collect();
        assert_eq!(
            kinds,
            [(Projected::Forecast, 2025), (Projected::Target, 2026)]
        );
        assert_eq!(total.projections[0].from, (2023, total.marks[1].value));
        assert!(revenue.projections.is_empty());
        assert_eq!(revenue.marks[1].bound, Some(Direction::Below));
        assert_eq!(l.years(), Some((2021, 2026)));
        assert_eq!(keys_with_series(&cmp), ["output_value"]);
        // The target of the same definition has its on-track line; none elsewhere.
        let tp = &cmp.columns[0].targets[0];
        let on = tp.on_track.as_deref().unwrap();
        assert!(on.starts_with("需年均增长"), "{on}");
    }

    #[test]
    fn no_on_track_line_where_the_definitions_differ() {
        let d = dataset(
            vec![
                fig(2021, 100.0, Exact, "total_output", false),
                fig(2023, 121.0, Exact, "total_output", false),
            ],
            vec![Target {
                key: "output_value".into(),
                value: 200.0,
                unit: "亿元".into(),
                year: Some(2025),
                definition: Some("revenue".into()),
                ..Target::default()
            }],
        );
        let cmp = Comparison::build(&d, &["c".into()], None, Lang::En);
        assert_eq!(cmp.columns[0].targets[0].on_track, None);
        let l = lines(&d, &cmp, "output_value").unwrap();
        assert!(
            l.lines[0].projections.is_empty(),
            "no target of another definition"
        );
    }
}
