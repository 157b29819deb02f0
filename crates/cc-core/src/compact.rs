//! The compact overview: the metrics as rows, the compared clusters as
//! columns (the deck's 主要数字一览), and after each cluster but the
//! baseline, its difference to the baseline in a column of its own. One
//! model for the app's table and for the text it copies (TSV).

use cc_data::model::{Dataset, Lang};

use crate::compare::Comparison;
use crate::format;

/// What a column of the compact table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The figures of compared cluster `i`.
    Value(usize),
    /// Cluster `i`'s differences to the baseline.
    Diff(usize),
}

/// A column: its short header, the full text (for hover and for the copied
/// table), and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub text: String,
    pub full: String,
    pub kind: Kind,
}

/// One cell: what it shows, and what hovering says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub hover: String,
    /// No figure, or no difference can be stated: drawn muted.
    pub muted: bool,
}

/// One metric across the clusters.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub metric: String,
    pub headline: bool,
    /// One per [`Compact::columns`].
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Compact {
    pub lang: Lang,
    /// The first column's header (`指标` / `Metric`).
    pub first: String,
    pub columns: Vec<Head>,
    pub rows: Vec<Row>,
}

/// The short name the deck uses for a compared cluster: the data's short
/// name, else the name shortened at a word boundary.
pub fn short_name(d: &Dataset, id: &str, name: &str, lang: Lang) -> String {
    d.cluster(id)
        .and_then(|c| c.short_name.as_ref())
        .map(|s| s.get(lang))
        .filter(|s| !s.trim().is_empty())
        .map_or_else(|| format::short_name(name).into_owned(), str::to_owned)
}

impl Compact {
    /// The table for `cmp`: every metric some compared cluster has a
    /// figure of, headline metrics first, in the comparison's order.
    pub fn build(d: &Dataset, cmp: &Comparison) -> Self {
        let lang = cmp.lang;
        let base = cmp.baseline.filter(|b| *b < cmp.columns.len());
        let mut columns = Vec::new();
        for (i, c) in cmp.columns.iter().enumerate() {
            let short = short_name(d, &c.id, &c.name, lang);
            let baseline_mark = if Some(i) == base {
                crate::words::BASELINE.get(lang)
            } else {
                ""
            };
            columns.push(Head {
                text: format!("{short}{baseline_mark}"),
                full: format!("{}{baseline_mark}", c.name),
                kind: Kind::Value(i),
            });
            if let Some(b) = base
                && b != i
            {
                let bshort = short_name(d, &cmp.columns[b].id, &cmp.columns[b].name, lang);
                columns.push(Head {
                    text: format!("{short} {}", crate::words::VS_BASELINE.get(lang)),
                    full: match lang {
                        Lang::Zh => format!("{} 与基准（{bshort}）之差", c.name),
                        Lang::En => format!("{} vs the baseline ({bshort})", c.name),
                    },
                    kind: Kind::Diff(i),
                });
            }
        }
        let mut rows: Vec<Row> = cmp
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(Option::is_some))
            .map(|r| Row {
                metric: r.name.clone(),
                headline: r.headline,
                cells: columns
                    .iter()
                    .map(|h| match h.kind {
                        Kind::Value(i) => value_cell(r.cells.get(i).and_then(Option::as_ref), lang),
                        Kind::Diff(i) => diff_cell(
                            r.cells.get(i).and_then(Option::as_ref),
                            base.and_then(|b| r.cells.get(b))
                                .is_some_and(Option::is_some),
                            lang,
                        ),
                    })
                    .collect(),
            })
            .collect();
        // Headline metrics first; the sort is stable, so the order stays otherwise.
        rows.sort_by_key(|r| !r.headline);
        Self {
            lang,
            first: crate::words::METRIC.get(lang).to_owned(),
            columns,
            rows,
        }
    }

    /// The table as tab-separated text, full headers, one row per line
    /// (tabs and line breaks inside a cell become spaces).
    pub fn tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r', '\u{2028}', '\u{2029}'], " ");
        let mut out = String::new();
        let mut line: Vec<String> = vec![clean(&self.first)];
        line.extend(self.columns.iter().map(|h| clean(&h.full)));
        out.push_str(&line.join("\t"));
        out.push('\n');
        for r in &self.rows {
            let mut line = vec![clean(&r.metric)];
            line.extend(r.cells.iter().map(|c| clean(&c.text)));
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
        out
    }
}

fn value_cell(c: Option<&crate::compare::Cell>, lang: Lang) -> Cell {
    let Some(c) = c else {
        return Cell {
            text: "—".into(),
            hover: lang
                .pick("来源未给出此数字", "No figure in the sources")
                .into(),
            muted: true,
        };
    };
    // The year always shows (`约2021` where the source does not state it).
    let text = format!("{} · {}", c.written, c.year);
    let mut hover = vec![format!("“{}”", c.metric.source.quote)];
    if let Some(n) = c.metric.as_of.note.as_ref().filter(|n| !n.is_empty()) {
        hover.push(n.get(lang).to_owned());
    }
    if let Some(s) = &c.metric.scope {
        hover.push(s.get(lang).to_owned());
    }
    Cell {
        text,
        hover: hover.join("\n"),
        muted: false,
    }
}

fn diff_cell(c: Option<&crate::compare::Cell>, baseline_has: bool, lang: Lang) -> Cell {
    let none = |hover: &str| Cell {
        text: "—".into(),
        hover: hover.into(),
        muted: true,
    };
    let Some(c) = c else {
        return none(crate::words::THIS_CLUSTER_HAS_NO_SUCH_FIGURE.get(lang));
    };
    if !baseline_has {
        return none(crate::words::THE_BASELINE_HAS_NO_SUCH_FIGURE.get(lang));
    }
    match c.baseline_diff(lang) {
        Some(d) => Cell {
            text: d,
            hover: String::new(),
            muted: false,
        },
        None => {
            let why = c
                .not_comparable
                .as_ref()
                .map_or_else(String::new, |n| n.describe(lang));
            Cell {
                text: crate::words::NOT_COMPARABLE.get(lang).into(),
                hover: why,
                muted: true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_data::load::load_embedded;

    fn seed() -> Dataset {
        load_embedded().unwrap().dataset
    }

    #[test]
    fn clusters_are_columns_with_the_differences_beside_them() {
        let d = seed();
        let ids: Vec<String> = d
            .clusters
            .iter()
            .filter(|c| c.metrics.len() > 2)
            .take(3)
            .map(|c| c.id.clone())
            .collect();
        let cmp = Comparison::build(&d, &ids, Some(0), Lang::En);
        let t = Compact::build(&d, &cmp);
        let kinds: Vec<Kind> = t.columns.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Value(0),
                Kind::Value(1),
                Kind::Diff(1),
                Kind::Value(2),
                Kind::Diff(2)
            ]
        );
        assert!(t.columns[0].text.ends_with("(baseline)"));
        assert!(!t.rows.is_empty());
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.columns.len());
        }
        // A figure shows its year.
        let shown = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().zip(&t.columns))
            .find(|(c, h)| matches!(h.kind, Kind::Value(_)) && !c.muted)
            .unwrap();
        assert!(
            shown.0.text.chars().filter(char::is_ascii_digit).count() >= 4,
            "{}",
            shown.0.text
        );
        let tsv = t.tsv();
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines.len(), t.rows.len() + 1);
        assert!(
            lines
                .iter()
                .all(|l| l.split('\t').count() == t.columns.len() + 1)
        );
        assert!(lines[0].starts_with("Metric\t"));
    }

    #[test]
    fn without_a_baseline_there_are_no_difference_columns() {
        let d = seed();
        let ids: Vec<String> = d.clusters.iter().take(2).map(|c| c.id.clone()).collect();
        let cmp = Comparison::build(&d, &ids, None, Lang::Zh);
        let t = Compact::build(&d, &cmp);
        assert!(t.columns.iter().all(|h| matches!(h.kind, Kind::Value(_))));
        assert_eq!(t.first, "指标");
    }
}
