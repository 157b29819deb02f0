//! A dataset as cells: one row per source, metric key, definition, cluster,
//! figure, target and policy, and the rest on the More sheet. The inverse of
//! [`super::read`]: reading these rows gives the dataset back.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Cell, Column, Kind, SHEETS, SheetId, SheetSpec, spec};
use crate::model::*;

/// The cells of one sheet, without its header row.
#[derive(Clone, Debug)]
pub struct Rows {
    pub sheet: &'static SheetSpec,
    pub rows: Vec<Vec<Cell>>,
}

/// Fields of a row's object that other sheets hold.
const CHILDREN: [&str; 4] = ["metrics", "targets", "policies", "definitions"];

/// Separators of a list's halves as written; reading takes these and more.
fn separator(kind: Kind) -> &'static str {
    match kind {
        Kind::TextList { lines: true, .. } => "\n",
        Kind::TextList { en: false, .. } => "、",
        _ => "; ",
    }
}

/// The characters a list cell is split at when read.
pub(super) fn splits(lines: bool, c: char) -> bool {
    if lines {
        c == '\n'
    } else {
        matches!(c, '、' | ';' | '；')
    }
}

fn get<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(v, |v, k| v.get(k))
        .filter(|v| !v.is_null())
}

/// Can a list of texts be written in its two columns and read back the same?
fn list_fits(items: &[Value]) -> bool {
    items.iter().all(|t| {
        ["zh", "en"].iter().all(|k| {
            t.get(k)
                .and_then(Value::as_str)
                .is_none_or(|s| !s.chars().any(|c| splits(false, c) || splits(true, c)))
        })
    }) && !items.is_empty()
}

fn row_of(
    sheet: &SheetSpec,
    v: &Value,
    cluster: Option<&str>,
    parent_key: Option<&str>,
) -> Vec<Cell> {
    // Fields the columns hold (by their first path segment); the JSON column
    // gets the rest.
    let mut held: Vec<&str> = Vec::new();
    let mut row: Vec<Cell> = sheet
        .columns
        .iter()
        .map(|c| {
            let first = c.path.split('.').next().unwrap_or("");
            match c.path {
                "@cluster" => return cluster.map_or(Cell::Empty, |s| Cell::Text(s.into())),
                "@key" => return parent_key.map_or(Cell::Empty, |s| Cell::Text(s.into())),
                "" => return Cell::Empty,
                _ => {}
            }
            let cell = cell_of(c, get(v, c.path));
            if cell.is_some() || !matches!(c.kind, Kind::TextList { .. }) {
                held.push(first);
            }
            cell.unwrap_or(Cell::Empty)
        })
        .collect();
    if let Some(j) = sheet.columns.iter().position(|c| c.kind == Kind::Json)
        && let Some(obj) = v.as_object()
    {
        let rest: Map<String, Value> = obj
            .iter()
            .filter(|(k, v)| {
                !held.contains(&k.as_str())
                    && !CHILDREN.contains(&k.as_str())
                    && !v.is_null()
                    && v.as_array().is_none_or(|a| !a.is_empty())
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !rest.is_empty() {
            row[j] = Cell::Text(Value::Object(rest).to_string());
        }
    }
    row
}

/// A column's cell for a field's value; `None` for a list the two list
/// columns cannot hold (it goes into the JSON column).
fn cell_of(c: &Column, v: Option<&Value>) -> Option<Cell> {
    let Some(v) = v else {
        return Some(Cell::Empty);
    };
    Some(match c.kind {
        Kind::Text | Kind::Code => match v.as_str() {
            Some("") | None => Cell::Empty,
            Some(s) => Cell::Text(s.to_owned()),
        },
        Kind::Number | Kind::Integer => v.as_f64().map_or(Cell::Empty, Cell::Number),
        Kind::Bool => match v.as_bool() {
            Some(true) => Cell::Bool(true),
            _ => Cell::Empty,
        },
        Kind::Codes => {
            let words: Vec<&str> = v
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if words.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(words.join(", "))
            }
        }
        Kind::TextList { en, .. } => {
            let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
            if items.is_empty() {
                return Some(Cell::Empty);
            }
            if !list_fits(items) {
                return None;
            }
            let lang = if en { "en" } else { "zh" };
            let halves: Vec<&str> = items
                .iter()
                .map(|t| t.get(lang).and_then(Value::as_str).unwrap_or(""))
                .collect();
            if halves.iter().all(|s| s.is_empty()) {
                Cell::Empty
            } else {
                Cell::Text(halves.join(separator(c.kind)))
            }
        }
        Kind::Json => Cell::Empty,
    })
}

fn value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Every sheet's rows for `d`, in workbook order.
pub fn rows(d: &Dataset) -> Vec<Rows> {
    SHEETS
        .iter()
        .map(|s| Rows {
            sheet: s,
            rows: sheet_rows(d, s.id),
        })
        .collect()
}

fn sheet_rows(d: &Dataset, id: SheetId) -> Vec<Vec<Cell>> {
    let s = spec(id);
    match id {
        SheetId::Sources => d
            .sources
            .iter()
            .map(|x| row_of(s, &value(x), None, None))
            .collect(),
        SheetId::MetricKeys => d
            .metric_keys
            .iter()
            .map(|x| row_of(s, &value(x), None, None))
            .collect(),
        SheetId::Definitions => d
            .metric_keys
            .iter()
            .flat_map(|k| {
                k.definitions
                    .iter()
                    .map(|x| row_of(s, &value(x), None, Some(&k.key)))
            })
            .collect(),
        SheetId::Clusters => d
            .clusters
            .iter()
            .map(|x| row_of(s, &value(x), None, None))
            .collect(),
        SheetId::Figures => d
            .clusters
            .iter()
            .flat_map(|c| {
                c.metrics
                    .iter()
                    .map(|x| row_of(s, &value(x), Some(&c.id), None))
            })
            .collect(),
        SheetId::Targets => d
            .clusters
            .iter()
            .flat_map(|c| {
                c.targets
                    .iter()
                    .map(|x| row_of(s, &value(x), Some(&c.id), None))
            })
            .collect(),
        SheetId::Policies => d
            .clusters
            .iter()
            .flat_map(|c| {
                c.policies
                    .iter()
                    .map(|x| row_of(s, &value(x), Some(&c.id), None))
            })
            .collect(),
        SheetId::More => more_rows(d),
    }
}

fn more_rows(d: &Dataset) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    let mut push = |part: &str, v: Cell| {
        if !v.is_blank() {
            out.push(vec![Cell::Text(part.to_owned()), v]);
        }
    };
    let text = |s: &str| Cell::Text(s.to_owned());
    let json = |v: Value| Cell::Text(v.to_string());
    push("title_zh", text(&d.title.zh));
    push("title_en", text(&d.title.en));
    push("format_version", Cell::Number(f64::from(d.format_version)));
    if let Some(e) = &d.extends {
        push("extends", text(e));
    }
    if let Some(r) = &d.register {
        push("register", json(value(r)));
    }
    let ctx = &d.context;
    if let Some(c) = &ctx.competition {
        push("context.competition", json(value(c)));
    }
    for p in &ctx.provincial_systems {
        push("context.provincial_systems", json(value(p)));
    }
    for f in &ctx.national_figures {
        push("context.national_figures", json(value(f)));
    }
    for e in &ctx.timeline {
        push("context.timeline", json(value(e)));
    }
    out
}

/// A dataset to start a workbook from: every metric key and definition of
/// `d`, and one example each of a cluster, a figure, a target and a policy
/// (with the sources they cite), taken from `d`. It loads as it is.
pub fn template_dataset(d: &Dataset) -> Dataset {
    // A cluster that shows every sheet: a target set by one of its policies.
    let example = d
        .clusters
        .iter()
        .find(|c| {
            !c.metrics.is_empty()
                && c.targets
                    .iter()
                    .any(|t| t.policy.as_ref().is_some_and(|p| c.policy(p).is_some()))
        })
        .or_else(|| d.clusters.iter().find(|c| !c.metrics.is_empty()))
        .or(d.clusters.first());
    let mut clusters = Vec::new();
    if let Some(c) = example {
        let mut c = c.clone();
        c.metrics.truncate(1);
        let target = c
            .targets
            .iter()
            .find(|t| t.policy.as_ref().is_some_and(|p| c.policy(p).is_some()))
            .or(c.targets.first())
            .cloned();
        let policy = target
            .as_ref()
            .and_then(|t| t.policy.as_ref())
            .and_then(|p| c.policy(p))
            .or(c.policies.first())
            .cloned();
        c.targets = target.into_iter().collect();
        c.policies = policy.into_iter().collect();
        c.places.clear();
        c.chain.clear();
        c.lead_firms.clear();
        c.promotion_org = None;
        if let Some(des) = &mut c.designation {
            des.other_sources.clear();
        }
        clusters.push(c);
    }
    let mut cited: Vec<&str> = Vec::new();
    for c in &clusters {
        let cites = c
            .metrics
            .iter()
            .map(|m| &m.source)
            .chain(c.targets.iter().map(|t| &t.source))
            .chain(c.policies.iter().map(|p| &p.source))
            .chain(c.designation.iter().map(|d| &d.source));
        for s in cites {
            if !cited.contains(&s.source.as_str()) {
                cited.push(&s.source);
            }
        }
    }
    Dataset {
        format_version: FORMAT_VERSION,
        title: Text::new("我的数据", "My data"),
        sources: d
            .sources
            .iter()
            .filter(|s| cited.contains(&s.id.as_str()))
            .cloned()
            .collect(),
        metric_keys: d.metric_keys.clone(),
        clusters,
        context: Context::default(),
        register: None,
        extends: None,
        yours: None,
    }
}
