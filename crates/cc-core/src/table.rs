//! A table of every cluster in the dataset (not only the compared ones): one
//! row per cluster with its level, provinces, industry, designation year, how
//! many figures it has, and the latest cluster-wide value of each headline
//! metric in one display unit per column. Sort by any column; filter with the
//! picker's [`Filters`](crate::filter::Filters). Plain data: the Table tab draws
//! it and the `table` command writes it; neither recomputes any of it. No egui.

use std::cmp::Ordering;

use crate::format::{self, Scale};
use cc_data::model::{Citation, Cluster, Dataset, Lang, Level, Qualifier};
use cc_data::units::{Dimension, Quantity};

mod growth;
use growth::growth_values;
pub use growth::{GrowthColumn, GrowthValue};

/// A column to sort by.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    Name,
    Level,
    Provinces,
    Industry,
    Designated,
    Figures,
    /// A headline metric, by its key.
    Metric(String),
    /// The average annual growth of a headline metric, by its key.
    Growth(String),
}

impl SortKey {
    /// The fixed (non-metric) columns, in table order.
    pub const FIXED: [SortKey; 6] = [
        SortKey::Name,
        SortKey::Level,
        SortKey::Provinces,
        SortKey::Industry,
        SortKey::Designated,
        SortKey::Figures,
    ];

    /// The name used on the command line (`--sort`): `name`, `level`,
    /// `province`, `industry`, `designated`, `figures`, a metric key, or
    /// `growth:` and a metric key.
    pub fn code(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(match self {
            SortKey::Name => "name",
            SortKey::Level => "level",
            SortKey::Provinces => "province",
            SortKey::Industry => "industry",
            SortKey::Designated => "designated",
            SortKey::Figures => "figures",
            SortKey::Metric(k) => k,
            SortKey::Growth(k) => return format!("{GROWTH_PREFIX}{k}").into(),
        })
    }
}

/// How a growth column is named on the command line: `growth:output_value`.
pub const GROWTH_PREFIX: &str = "growth:";

/// A sort order: the column and its direction. Missing values always come last.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// A headline metric column.
#[derive(Clone, Debug)]
pub struct MetricColumn {
    pub key: String,
    pub name: String,
    /// The kind of the column's values; values of another kind are shown as
    /// written, never converted, and sort after the numbers.
    pub dimension: Dimension,
    /// The one display unit of the column.
    pub scale: Scale,
    /// The column's figures differ in definition (scope), e.g. all firms vs
    /// firms above the size threshold: sorting them side by side compares
    /// unlike things, so the header says so.
    pub mixed_definitions: bool,
}

impl MetricColumn {
    /// `产值（亿元）` / `Output value (CNY bn)`.
    pub fn header(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}（{}）", self.name, self.scale.label),
            Lang::En => format!("{} ({})", self.name, self.scale.label),
        }
    }

    /// What a reader must know before comparing down the column, if anything.
    pub fn caveat(&self, lang: Lang) -> Option<&'static str> {
        self.mixed_definitions
            .then(|| crate::words::THE_FIGURES_IN_THIS_COLUMN_DIFFER.get(lang))
    }
}

/// One cluster's value in a metric column.
#[derive(Clone, Debug)]
pub struct Value {
    /// In the column's display unit; `None` where the figure measures another
    /// kind of thing than the column (then it does not sort as a number).
    pub number: Option<f64>,
    /// As shown in the cell: `> 5700` (the unit is in the header), or the
    /// figure as written with its unit where it is of another kind.
    pub text: String,
    pub qualifier: Qualifier,
    /// A bound (more than, at least, less than...): sorted by its number, marked.
    pub bound: bool,
    /// `2023`, `约2021`.
    pub year: String,
    /// Qualifier in words, year, definition and the year's note: for tooltips and notes.
    pub note: String,
    /// Index of the figure in the cluster's `metrics`.
    pub metric: usize,
}

/// One cluster.
#[derive(Clone, Debug)]
pub struct Row {
    /// Index of the cluster in the dataset.
    pub cluster: usize,
    pub id: String,
    pub name: String,
    pub level: Level,
    pub level_name: &'static str,
    /// Province names joined: `广东、湖南` / `Guangdong, Hunan`.
    pub provinces: String,
    pub industry: String,
    pub designated: Option<i32>,
    /// `2021`, `约2021`, or empty where the sources give no designation year.
    pub designated_text: String,
    /// How many figures the dataset records for the cluster.
    pub figures: usize,
    /// One per [`ClusterTable::columns`].
    pub values: Vec<Option<Value>>,
    /// One per [`ClusterTable::growth`].
    pub growth: Vec<Option<GrowthValue>>,
}

/// The table: rows in dataset order (row `i` is cluster `i`).
#[derive(Clone, Debug)]
pub struct ClusterTable {
    pub lang: Lang,
    pub columns: Vec<MetricColumn>,
    /// Growth columns, after the metric columns.
    pub growth: Vec<GrowthColumn>,
    pub rows: Vec<Row>,
}

/// The level's name in `lang`.
pub fn level_name(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::National => crate::words::NATIONAL.get(lang),
        Level::Provincial => crate::words::PROVINCIAL.get(lang),
        Level::Municipal => crate::words::MUNICIPAL.get(lang),
        Level::County => crate::words::COUNTY.get(lang),
    }
}

/// The header of a fixed column.
pub fn fixed_header(k: &SortKey, lang: Lang) -> &'static str {
    match k {
        SortKey::Name => crate::words::CLUSTER.get(lang),
        SortKey::Level => crate::words::LEVEL.get(lang),
        SortKey::Provinces => crate::words::PROVINCE.get(lang),
        SortKey::Industry => crate::words::INDUSTRY.get(lang),
        SortKey::Designated => crate::words::DESIGNATED.get(lang),
        SortKey::Figures => crate::words::FIGURES.get(lang),
        SortKey::Metric(_) | SortKey::Growth(_) => "",
    }
}

/// True for a qualifier that makes the figure a bound rather than an estimate.
pub fn is_bound(q: Qualifier) -> bool {
    matches!(
        q,
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan
    )
}

impl ClusterTable {
    /// Builds the table of every cluster of `d`.
    ///
    /// Each headline metric (that any cluster has) becomes a column. Its kind
    /// is the most common kind among the values; its display unit is the one
    /// in which the values read as people write them
    /// ([`format::scale_for_values`]): 亿元 while some are under a 万亿, so
    /// no value reads `0.2518万亿元`.
    pub fn build(d: &Dataset, lang: Lang) -> Self {
        let mut columns = Vec::new();
        let mut latest: Vec<Vec<Option<(usize, Quantity)>>> = Vec::new();
        for mk in d.metric_keys.iter().filter(|k| k.headline) {
            let vals: Vec<Option<(usize, Quantity)>> = d
                .clusters
                .iter()
                .map(|c| latest_index(c, &mk.key))
                .map(|m| m.and_then(|(i, m)| Quantity::new(m.value, &m.unit).map(|q| (i, q))))
                .collect();
            let mut dims: Vec<Dimension> = vals.iter().flatten().map(|v| v.1.dimension()).collect();
            if dims.is_empty() {
                continue;
            }
            dims.sort();
            let dimension = dims
                .chunk_by(|a, b| a == b)
                .max_by_key(|g| g.len())
                .map_or(Dimension::Count, |g| g[0]);
            let bases: Vec<f64> = vals
                .iter()
                .flatten()
                .filter(|v| v.1.dimension() == dimension)
                .map(|v| v.1.base().abs())
                .collect();
            let scopes: Vec<Option<&cc_data::model::Text>> = d
                .clusters
                .iter()
                .zip(&vals)
                .filter_map(|(c, v)| {
                    v.filter(|v| v.1.dimension() == dimension)
                        .map(|v| c.metrics[v.0].scope.as_ref())
                })
                .collect();
            let mixed_definitions = scopes.iter().any(|s| Some(s) != scopes.first());
            columns.push(MetricColumn {
                key: mk.key.clone(),
                name: mk.name.get(lang).to_owned(),
                dimension,
                scale: format::scale_for_values(dimension, lang, bases.iter().copied()),
                mixed_definitions,
            });
            latest.push(vals);
        }

        let growth_of = growth_values(d, &columns, &latest, lang);
        let growth: Vec<GrowthColumn> = columns
            .iter()
            .zip(&growth_of)
            .filter(|(_, g)| g.iter().any(Option::is_some))
            .map(|(c, _)| GrowthColumn {
                key: c.key.clone(),
                name: c.name.clone(),
            })
            .collect();
        let mut growth_of: Vec<Vec<Option<GrowthValue>>> = growth_of
            .into_iter()
            .filter(|g| g.iter().any(Option::is_some))
            .collect();

        let sep = crate::words::LIST_COMMA.get(lang);
        let rows = d
            .clusters
            .iter()
            .enumerate()
            .map(|(ci, c)| Row {
                cluster: ci,
                id: c.id.clone(),
                name: c.name.get(lang).to_owned(),
                level: c.level,
                level_name: level_name(c.level, lang),
                provinces: c
                    .provinces
                    .iter()
                    .map(|p| p.get(lang))
                    .collect::<Vec<_>>()
                    .join(sep),
                industry: c.industry.get(lang).to_owned(),
                designated: c.designation_year(),
                designated_text: c
                    .designation
                    .as_ref()
                    .and_then(|x| x.year.map(|y| format::year(y, x.year_approximate, lang)))
                    .unwrap_or_default(),
                figures: c.metrics.len(),
                values: columns
                    .iter()
                    .zip(&latest)
                    .map(|(col, vals)| {
                        vals[ci].map(|(mi, q)| value(&c.metrics[mi], mi, q, col, lang))
                    })
                    .collect(),
                growth: growth_of.iter_mut().map(|g| g[ci].take()).collect(),
            })
            .collect();
        Self {
            lang,
            columns,
            growth,
            rows,
        }
    }

    /// Whether `key` names a column of this table.
    pub fn has_key(&self, key: &SortKey) -> bool {
        match key {
            SortKey::Metric(k) => self.columns.iter().any(|c| c.key == *k),
            SortKey::Growth(k) => self.growth.iter().any(|c| c.key == *k),
            _ => true,
        }
    }

    /// The sort key for a `--sort` name, if this table has that column.
    pub fn parse_key(&self, code: &str) -> Option<SortKey> {
        let fixed = SortKey::FIXED.iter().find(|k| k.code() == code).cloned();
        if let Some(k) = code.strip_prefix(GROWTH_PREFIX) {
            let key = SortKey::Growth(k.to_owned());
            return self.has_key(&key).then_some(key);
        }
        fixed.or_else(|| {
            self.columns
                .iter()
                .any(|c| c.key == code)
                .then(|| SortKey::Metric(code.to_owned()))
        })
    }

    /// Every name `--sort` accepts for this table.
    pub fn key_codes(&self) -> Vec<String> {
        SortKey::FIXED
            .iter()
            .map(|k| k.code().into_owned())
            .chain(self.columns.iter().map(|c| c.key.clone()))
            .chain(
                self.growth
                    .iter()
                    .map(|c| format!("{GROWTH_PREFIX}{}", c.key)),
            )
            .collect()
    }

    /// Sorts `rows` (indices into [`Self::rows`]) by `sort`. Stable: rows that
    /// tie keep their order. Missing values come last in either direction; a
    /// bound sorts by its number.
    pub fn sort(&self, rows: &mut [usize], sort: &Sort) {
        let r = &self.rows;
        let desc = sort.descending;
        // Text sorts as the language does (pinyin for Chinese): keys made
        // once per row, not per comparison.
        let text = |f: fn(&Row) -> &str| -> Vec<Option<Vec<u8>>> {
            r.iter()
                .map(|row| Some(f(row)).filter(|s| !s.is_empty()))
                .map(|s| s.map(|s| crate::collate::key(s, self.lang)))
                .collect()
        };
        match &sort.key {
            SortKey::Name => {
                let k = text(|r| &r.name);
                by(rows, desc, |i| k[i].as_deref())
            }
            SortKey::Level => by(rows, desc, |i| Some(r[i].level)),
            SortKey::Provinces => {
                let k = text(|r| &r.provinces);
                by(rows, desc, |i| k[i].as_deref())
            }
            SortKey::Industry => {
                let k = text(|r| &r.industry);
                by(rows, desc, |i| k[i].as_deref())
            }
            SortKey::Designated => by(rows, desc, |i| r[i].designated),
            SortKey::Figures => by(rows, desc, |i| Some(r[i].figures)),
            SortKey::Metric(k) => {
                let Some(col) = self.columns.iter().position(|c| c.key == *k) else {
                    return;
                };
                by(rows, desc, |i| {
                    r[i].values[col].as_ref().and_then(|v| v.number).map(F64Ord)
                })
            }
            SortKey::Growth(k) => {
                let Some(col) = self.growth.iter().position(|c| c.key == *k) else {
                    return;
                };
                by(rows, desc, |i| {
                    r[i].growth[col].as_ref().and_then(|v| v.number).map(F64Ord)
                })
            }
        }
    }

    /// The rows that pass `filters`, sorted by `sort` (dataset order without one).
    pub fn view(
        &self,
        d: &Dataset,
        filters: &crate::filter::Filters,
        sort: Option<&Sort>,
    ) -> Vec<usize> {
        let mut rows = crate::filter::filter(d, filters, self.lang);
        rows.retain(|&i| i < self.rows.len());
        if let Some(s) = sort {
            self.sort(&mut rows, s);
        }
        rows
    }
}

/// The source of a value.
pub fn citation<'a>(d: &'a Dataset, row: &Row, v: &Value) -> Option<&'a Citation> {
    d.clusters
        .get(row.cluster)
        .and_then(|c| c.metrics.get(v.metric))
        .map(|m| &m.source)
}

/// `"Title" · Publisher · 2021-07 “phrase as written”`, for sheets.
pub fn source_text(d: &Dataset, cite: &Citation, lang: Lang) -> String {
    match d.source(&cite.source) {
        Some(s) => format!(
            "{} · {} · {}{} “{}”",
            s.title.get(lang),
            s.publisher.get(lang),
            s.date,
            if s.date_approximate {
                crate::words::INFERRED.get(lang)
            } else {
                ""
            },
            cite.quote
        ),
        None => format!("{} “{}”", cite.source, cite.quote),
    }
}

#[derive(PartialEq, PartialOrd)]
struct F64Ord(f64);

/// Stable sort by an optional key; `None` last in both directions.
fn by<K: PartialOrd>(rows: &mut [usize], desc: bool, key: impl Fn(usize) -> Option<K>) {
    rows.sort_by(|&a, &b| match (key(a), key(b)) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if desc { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
}

/// The latest cluster-wide figure of `key`, with its index in `metrics`
/// (the same figure [`Cluster::latest`] picks).
fn latest_index<'a>(c: &'a Cluster, key: &str) -> Option<(usize, &'a cc_data::model::Metric)> {
    let m = c.latest(key)?;
    c.metrics
        .iter()
        .position(|x| std::ptr::eq(x, m))
        .map(|i| (i, m))
}

fn value(
    m: &cc_data::model::Metric,
    index: usize,
    q: Quantity,
    col: &MetricColumn,
    lang: Lang,
) -> Value {
    let comparable = q.dimension() == col.dimension;
    let sym = format::qualifier_symbol(m.qualifier);
    let text = if comparable {
        let n = format::number(q.base() / col.scale.factor, lang);
        if sym.is_empty() {
            n
        } else {
            format!("{sym} {n}")
        }
    } else {
        format::figure(&q, m.qualifier, lang)
    };
    let year = format::as_of(&m.as_of, lang);
    let mut note: Vec<String> = Vec::new();
    let word = format::qualifier_word(m.qualifier, lang);
    if !word.is_empty() {
        note.push(format!(
            "{word} {}",
            format::figure(&q, Qualifier::Exact, lang)
        ));
    } else {
        note.push(format::figure(&q, m.qualifier, lang));
    }
    note.push(year.clone());
    if let Some(s) = &m.scope {
        note.push(s.get(lang).to_owned());
    }
    if let Some(n) = m.as_of.note.as_ref().filter(|n| !n.is_empty()) {
        note.push(n.get(lang).to_owned());
    }
    if !comparable {
        note.push(
            crate::words::A_UNIT_OF_ANOTHER_KIND_THAN
                .get(lang)
                .to_owned(),
        );
    }
    Value {
        number: comparable.then(|| q.base() / col.scale.factor),
        text,
        qualifier: m.qualifier,
        bound: is_bound(m.qualifier),
        year,
        note: note.join(" · "),
        metric: index,
    }
}

#[cfg(test)]
#[path = "table/tests.rs"]
mod tests;
