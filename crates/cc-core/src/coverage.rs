//! What the record holds, per national cluster: which metrics have figures
//! and for which years, how many targets and sources, whose the figures are
//! (the register's, or the user's own file laid over it), and the clusters
//! with none. The Table tab's Coverage mode draws it, and
//! `cluster-compare coverage` writes it as text or CSV, so the gaps to fill
//! are in view.
//!
//! A metric's years are those of its cluster-wide figures (measured or
//! expected); figures about one firm or place count in the cluster's
//! figure total only.

use std::collections::BTreeSet;

use cc_data::model::{Dataset, Lang, Level};
use cc_data::yours::Whose;

/// One metric of one cluster: its figures' years.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyCell {
    /// Cluster-wide figures of the metric.
    pub figures: usize,
    /// Their years, each once, oldest first.
    pub years: Vec<i32>,
    /// At least one of them comes from the user's own file.
    pub yours: bool,
}

impl KeyCell {
    /// `2021, 2023, 2025`; empty where there is no figure.
    pub fn text(&self) -> String {
        self.years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One cluster's coverage.
#[derive(Clone, Debug)]
pub struct CoverageRow {
    pub id: String,
    pub name: String,
    /// How much of it comes from the user's own file; `None` for the register's.
    pub yours: Option<Whose>,
    /// One per [`Coverage::keys`].
    pub cells: Vec<KeyCell>,
    /// Every figure, those about one firm or place included.
    pub figures: usize,
    /// How many metrics have a cluster-wide figure.
    pub metrics: usize,
    /// The distinct years of its figures.
    pub years: usize,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    pub targets: usize,
    /// The distinct sources its figures and targets cite.
    pub sources: usize,
}

/// A column of the coverage to sort by.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CoverageKey {
    Name,
    Metrics,
    Years,
    Targets,
    Sources,
    /// A metric, by its key: by how many years it has.
    Key(String),
}

/// Every national cluster's coverage (and every cluster of the user's own),
/// in dataset order.
#[derive(Clone, Debug)]
pub struct Coverage {
    pub lang: Lang,
    /// The metric keys, in dataset order: key and name.
    pub keys: Vec<(String, String)>,
    pub rows: Vec<CoverageRow>,
}

impl Coverage {
    pub fn build(d: &Dataset, lang: Lang) -> Self {
        let keys: Vec<(String, String)> = d
            .metric_keys
            .iter()
            .map(|k| (k.key.clone(), k.name.get(lang).to_owned()))
            .collect();
        let rows = d
            .clusters
            .iter()
            .filter(|c| c.level == Level::National || d.yours_in(&c.id) == Some(Whose::Cluster))
            .map(|c| {
                let mut cells = vec![KeyCell::default(); keys.len()];
                let mut years = BTreeSet::new();
                let mut sources = BTreeSet::new();
                for m in &c.metrics {
                    years.insert(m.as_of.year);
                    sources.insert(m.source.source.as_str());
                    if m.subject.is_some() {
                        continue;
                    }
                    if let Some(i) = keys.iter().position(|(k, _)| *k == m.key) {
                        let cell = &mut cells[i];
                        cell.figures += 1;
                        if !cell.years.contains(&m.as_of.year) {
                            cell.years.push(m.as_of.year);
                        }
                        cell.yours |= d.metric_is_yours(c, m);
                    }
                }
                for cell in &mut cells {
                    cell.years.sort_unstable();
                }
                sources.extend(c.targets.iter().map(|t| t.source.source.as_str()));
                CoverageRow {
                    id: c.id.clone(),
                    name: c.name.get(lang).to_owned(),
                    yours: d.yours_in(&c.id),
                    metrics: cells.iter().filter(|x| x.figures > 0).count(),
                    cells,
                    figures: c.metrics.len(),
                    years: years.len(),
                    first_year: years.first().copied(),
                    last_year: years.last().copied(),
                    targets: c.targets.len(),
                    sources: sources.len(),
                }
            })
            .collect();
        Self { lang, keys, rows }
    }

    /// The clusters the record holds no figure for.
    pub fn without_figures(&self) -> impl Iterator<Item = &CoverageRow> {
        self.rows.iter().filter(|r| r.figures == 0)
    }

    /// The rows in the order of `sort` (dataset order without one): numbers
    /// most first when descending, names by their text; ties keep dataset order.
    pub fn order(&self, sort: Option<&(CoverageKey, bool)>) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let Some((key, descending)) = sort else {
            return order;
        };
        let ki = match key {
            CoverageKey::Key(k) => self.keys.iter().position(|(x, _)| x == k),
            _ => None,
        };
        let number = |r: &CoverageRow| -> usize {
            match key {
                CoverageKey::Name => 0,
                CoverageKey::Metrics => r.metrics,
                CoverageKey::Years => r.years,
                CoverageKey::Targets => r.targets,
                CoverageKey::Sources => r.sources,
                CoverageKey::Key(_) => ki.map_or(0, |i| r.cells[i].years.len()),
            }
        };
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&self.rows[a], &self.rows[b]);
            let o = match key {
                CoverageKey::Name => ra.name.cmp(&rb.name),
                _ => number(ra).cmp(&number(rb)),
            };
            if *descending { o.reverse() } else { o }
        });
        order
    }

    /// The fixed columns' headers, then one per metric key.
    pub fn headers(&self) -> Vec<String> {
        let l = self.lang;
        let mut h: Vec<String> = [
            "id",
            crate::words::CLUSTER.get(l),
            crate::words::WHOSE.get(l),
            crate::words::METRICS_WITH_FIGURES.get(l),
            crate::words::YEARS.get(l),
            crate::words::FIRST.get(l),
            crate::words::LATEST.get(l),
            crate::words::TARGETS.get(l),
            crate::words::SOURCES.get(l),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        h.extend(self.keys.iter().map(|(k, name)| format!("{name} ({k})")));
        h
    }

    /// `你的数据` / `Your data`, `含你的数据` / `With your data`, or
    /// `名录` / `Register`.
    pub fn whose(&self, r: &CoverageRow) -> &'static str {
        match r.yours {
            Some(w) => cc_data::yours::label(self.lang, w),
            None => crate::words::REGISTER.get(self.lang),
        }
    }

    /// Every row as text cells, under [`Coverage::headers`]; a metric's cell
    /// holds its years.
    pub fn cells(&self, r: &CoverageRow) -> Vec<String> {
        let year = |y: Option<i32>| y.map_or(String::new(), |y| y.to_string());
        let mut v = vec![
            r.id.clone(),
            r.name.clone(),
            self.whose(r).to_owned(),
            format!("{}/{}", r.metrics, self.keys.len()),
            r.years.to_string(),
            year(r.first_year),
            year(r.last_year),
            r.targets.to_string(),
            r.sources.to_string(),
        ];
        v.extend(r.cells.iter().map(KeyCell::text));
        v
    }

    /// A summary line: `80 national clusters; 45 with figures, 35 with none`.
    pub fn summary(&self) -> String {
        let none = self.without_figures().count();
        let all = self.rows.len();
        match self.lang {
            Lang::Zh => format!("国家级集群{all}个：{}个有数字，{none}个没有", all - none),
            Lang::En => format!(
                "{all} national clusters: {} with figures, {none} with none",
                all - none
            ),
        }
    }

    /// The coverage as text to read: the summary, one line per cluster with
    /// figures (its metrics and their years), then the clusters with none.
    pub fn text(&self) -> String {
        let l = self.lang;
        let mut out = format!("{}\n\n", self.summary());
        for r in self.rows.iter().filter(|r| r.figures > 0) {
            let mark = r.yours.map_or(String::new(), |w| {
                format!(" [{}]", cc_data::yours::label(l, w))
            });
            let span = match (r.first_year, r.last_year) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            };
            out.push_str(&format!("{} {}{mark}\n", r.id, r.name));
            out.push_str(&match l {
                Lang::Zh => format!(
                    "  指标 {}/{} · 年份 {} 个（{span}）· 目标 {} · 来源 {}\n",
                    r.metrics,
                    self.keys.len(),
                    r.years,
                    r.targets,
                    r.sources
                ),
                Lang::En => format!(
                    "  metrics {}/{} · {} years ({span}) · targets {} · sources {}\n",
                    r.metrics,
                    self.keys.len(),
                    r.years,
                    r.targets,
                    r.sources
                ),
            });
            let have: Vec<String> = self
                .keys
                .iter()
                .zip(&r.cells)
                .filter(|(_, c)| c.figures > 0)
                .map(|((_, name), c)| format!("{name} {}", c.text()))
                .collect();
            if have.is_empty() {
                out.push_str(crate::words::ONLY_FIGURES_ABOUT_ONE_FIRM_OR.get(l));
            } else {
                out.push_str(&format!(
                    "  {}\n",
                    have.join(crate::words::SEMICOLON.get(l))
                ));
            }
        }
        let none: Vec<&CoverageRow> = self.without_figures().collect();
        if !none.is_empty() {
            out.push_str(&format!(
                "\n{}\n",
                match l {
                    Lang::Zh => format!("没有数字的集群（{}个）：", none.len()),
                    Lang::En => format!("Clusters with no figures ({}):", none.len()),
                }
            ));
            for r in none {
                out.push_str(&format!("{} {}\n", r.id, r.name));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::model::*;

    fn metric(key: &str, year: i32) -> Metric {
        Metric {
            key: key.into(),
            value: 1.0,
            unit: "家".into(),
            as_of: AsOf {
                year,
                ..AsOf::default()
            },
            source: Citation {
                source: format!("s{year}"),
                quote: String::new(),
            },
            ..Metric::default()
        }
    }

    fn data() -> Dataset {
        let key = |k: &str| MetricKey {
            key: k.into(),
            name: Text::new(k, k),
            ..MetricKey::default()
        };
        let cluster = |id: &str, level: Level, metrics: Vec<Metric>| Cluster {
            id: id.into(),
            name: Text::new(id, id),
            level,
            metrics,
            ..Cluster::default()
        };
        Dataset {
            metric_keys: vec![key("firms"), key("output_value")],
            clusters: vec![
                cluster(
                    "a",
                    Level::National,
                    vec![
                        metric("firms", 2021),
                        metric("firms", 2023),
                        metric("firms", 2021),
                    ],
                ),
                cluster("b", Level::National, vec![]),
                cluster("c", Level::Provincial, vec![metric("firms", 2020)]),
                cluster(
                    "d",
                    Level::National,
                    vec![metric("output_value", 2022), metric("firms", 2022)],
                ),
            ],
            ..Dataset::default()
        }
    }

    #[test]
    fn national_clusters_their_years_and_those_with_none() {
        let c = Coverage::build(&data(), Lang::En);
        let ids: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d"], "national clusters only");
        let a = &c.rows[0];
        assert_eq!(a.cells[0].years, [2021, 2023]);
        assert_eq!(a.cells[0].figures, 3);
        assert_eq!(a.cells[1], KeyCell::default());
        assert_eq!((a.metrics, a.years, a.sources), (1, 2, 2));
        let none: Vec<&str> = c.without_figures().map(|r| r.id.as_str()).collect();
        assert_eq!(none, ["b"]);
        assert_eq!(
            c.summary(),
            "3 national clusters: 2 with figures, 1 with none"
        );
        let text = c.text();
        assert!(
            text.contains("a a\n  metrics 1/2 · 2 years (2021–2023)"),
            "{text}"
        );
        assert!(text.contains("firms 2021, 2023"), "{text}");
        assert!(
            text.contains("Clusters with no figures (1):\nb b\n"),
            "{text}"
        );
        assert_eq!(c.cells(a)[2], "Register");
    }

    #[test]
    fn sorting_by_a_column_keeps_ties_in_dataset_order() {
        let c = Coverage::build(&data(), Lang::En);
        assert_eq!(c.order(None), [0, 1, 2]);
        assert_eq!(c.order(Some(&(CoverageKey::Metrics, true))), [2, 0, 1]);
        assert_eq!(
            c.order(Some(&(CoverageKey::Key("firms".into()), true))),
            [0, 2, 1]
        );
        assert_eq!(c.order(Some(&(CoverageKey::Name, true))), [2, 1, 0]);
    }
}
