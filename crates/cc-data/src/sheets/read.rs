//! Cells → dataset. Each row becomes the JSON object of its element (the
//! columns' paths say where each cell goes), is read by the same serde types
//! as a data file, and the whole is checked by [`crate::load::validate`]:
//! every problem, of every row, named by sheet, cell and column header
//! (`Figures!D12 (unit): 亿圆 is not a unit; did you mean 亿元?`).

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::cells::splits;
use super::{Cell, Column, Kind, SHEETS, SheetId, cell_name, spec};
use crate::load::{LoadError, Loaded, Problem, Severity, Strict, validate};
use crate::model::*;
use crate::selection::nearest;
use crate::units;

/// The cells of one sheet as read: each row with its number (from 0), the
/// header row included; rows may be missing (empty).
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// Where a cell is: the sheet, the row (from 0) and the column of the sheet
/// as read (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct At {
    sheet: SheetId,
    row: u32,
    col: usize,
}

/// One sheet's header, mapped onto its spec.
struct Header {
    /// For each spec column, the sheet's column holding it.
    cols: Vec<Option<usize>>,
}

/// A row read into its element's JSON object.
struct RowObj {
    row: u32,
    obj: Map<String, Value>,
    /// The `@cluster` or `@key` cell: the parent the row belongs to.
    parent: Option<String>,
}

struct Reader<'a> {
    lang: Lang,
    sheets: HashMap<SheetId, (&'a str, &'a Grid)>,
    headers: HashMap<SheetId, Header>,
    problems: Vec<(Option<At>, Problem)>,
    /// Cells a problem was already reported at: validation's own problem
    /// there is the same one, less well put.
    reported: HashSet<At>,
    /// Element path (`clusters[2].metrics[0]`) → its sheet and row.
    origin: HashMap<String, (SheetId, u32)>,
}

fn msg(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A number as a message shows it: `2024`, not `2024.0`.
fn num_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        units::shown(v)
    }
}

/// Text that is plainly a number: digits, one point, a sign, an exponent;
/// no separators, no units (`5,700` could be 5.7 or 5700).
fn plain_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    ok.then(|| s.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
}

fn set_path(obj: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            obj.insert(path.to_owned(), v);
        }
        Some((head, rest)) => {
            let e = obj
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = e {
                set_path(m, rest, v);
            }
        }
    }
}

/// Reads a workbook's sheets (by name) into a dataset; `file` names it in
/// problems. Every problem is returned at once, in `lang`.
pub fn read(file: &str, sheets: &[(String, Grid)], lang: Lang) -> Result<Loaded, LoadError> {
    let mut r = Reader {
        lang,
        sheets: HashMap::new(),
        headers: HashMap::new(),
        problems: Vec::new(),
        reported: HashSet::new(),
        origin: HashMap::new(),
    };
    for s in SHEETS {
        if let Some((name, g)) = sheets
            .iter()
            .find(|(n, _)| n.trim().eq_ignore_ascii_case(s.name))
        {
            r.sheets.insert(s.id, (name.as_str(), g));
        }
    }
    let fail = |problems: Vec<Problem>| LoadError {
        file: file.to_owned(),
        problems,
    };
    if r.sheets.is_empty() {
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        let wanted: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
        return Err(fail(vec![Problem::error(
            "",
            msg(
                lang,
                format!(
                    "不是数据工作簿：没有名为 {} 的工作表（本文件的工作表：{}）；`cluster-compare template -o 文件.xlsx` 可生成模板",
                    wanted.join("、"),
                    names.join("、")
                ),
                format!(
                    "not a dataset workbook: no sheet named {} (its sheets: {}); `cluster-compare template -o FILE.xlsx` writes one to fill in",
                    wanted.join(", "),
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            ),
        )]));
    }
    let d = r.dataset();
    r.finish(file, d)
}

impl<'a> Reader<'a> {
    fn name(&self, id: SheetId) -> &str {
        self.sheets.get(&id).map_or(spec(id).name, |(n, _)| n)
    }

    fn at(&self, at: At) -> String {
        let header = self
            .headers
            .get(&at.sheet)
            .and_then(|h| h.cols.iter().position(|c| *c == Some(at.col)))
            .map_or("", |i| spec(at.sheet).columns[i].header);
        cell_name(self.name(at.sheet), at.row, at.col, header)
    }

    fn push(&mut self, at: Option<At>, severity: Severity, message: String) {
        let place = match at {
            Some(a) => self.at(a),
            None => String::new(),
        };
        if let Some(a) = at {
            self.reported.insert(a);
        }
        self.problems.push((
            at,
            Problem {
                severity,
                path: place,
                pos: None,
                message,
            },
        ));
    }

    fn error(&mut self, at: At, zh: String, en: String) {
        let m = msg(self.lang, zh, en);
        self.push(Some(at), Severity::Error, m);
    }

    /// The header of a sheet; `None` when the sheet is missing (an error if
    /// `required`).
    fn header(&mut self, id: SheetId, required: bool) -> Option<&'a Grid> {
        let Some(&(_, grid)) = self.sheets.get(&id) else {
            if required {
                let name = spec(id).name;
                let m = msg(
                    self.lang,
                    format!("缺少工作表 `{name}`"),
                    format!("the workbook has no sheet `{name}`"),
                );
                self.push(None, Severity::Error, m);
            }
            return None;
        };
        let s = spec(id);
        let first = grid.rows.first().filter(|(r, _)| *r == 0);
        let mut cols = vec![None; s.columns.len()];
        if let Some((_, cells)) = first {
            for (j, c) in cells.iter().enumerate() {
                let text = match c {
                    Cell::Text(t) => t.as_str(),
                    _ => continue,
                };
                match s.column(text) {
                    Some(i) if cols[i].is_none() => cols[i] = Some(j),
                    Some(_) => {
                        let m = msg(
                            self.lang,
                            format!("`{}` 列出现了两次；只读第一列", text.trim()),
                            format!(
                                "column `{}` appears twice; only the first is read",
                                text.trim()
                            ),
                        );
                        self.push(
                            Some(At {
                                sheet: id,
                                row: 0,
                                col: j,
                            }),
                            Severity::Warning,
                            m,
                        );
                    }
                    None if text.trim().is_empty() => {}
                    None => {
                        let known: Vec<&str> = s.columns.iter().map(|c| c.header).collect();
                        let hint = nearest(text.trim(), known.iter().copied())
                            .map(|n| (format!("；是不是 {n}？"), format!("; did you mean {n}?")))
                            .unwrap_or_default();
                        let m = msg(
                            self.lang,
                            format!("`{}` 不是本表的列，未读取{}", text.trim(), hint.0),
                            format!(
                                "`{}` is not a column of this sheet; it is not read{}",
                                text.trim(),
                                hint.1
                            ),
                        );
                        self.push(
                            Some(At {
                                sheet: id,
                                row: 0,
                                col: j,
                            }),
                            Severity::Warning,
                            m,
                        );
                    }
                }
            }
        }
        let has_rows = grid
            .rows
            .iter()
            .any(|(r, c)| *r > 0 && c.iter().any(|c| !c.is_blank()));
        for (i, c) in s.columns.iter().enumerate() {
            if c.required && cols[i].is_none() && has_rows {
                let m = msg(
                    self.lang,
                    format!("第 1 行缺少必需的列 `{}`", c.header),
                    format!("row 1 has no column `{}`, which is required", c.header),
                );
                self.push(
                    Some(At {
                        sheet: id,
                        row: 0,
                        col: 0,
                    }),
                    Severity::Error,
                    m,
                );
            }
        }
        self.headers.insert(id, Header { cols });
        Some(grid)
    }

    /// The rows of a sheet as JSON objects; rows with a cell that could not
    /// be read are reported and left out.
    fn objects(&mut self, id: SheetId, required: bool) -> Vec<RowObj> {
        let Some(grid) = self.header(id, required) else {
            return vec![];
        };
        let s = spec(id);
        let cols = self.headers[&id].cols.clone();
        let mut out = Vec::new();
        for (row, cells) in grid.rows.iter().filter(|(r, _)| *r > 0) {
            if cells.iter().all(Cell::is_blank) {
                continue;
            }
            let mut ok = true;
            let mut obj = Map::new();
            let mut parent = None;
            let mut lists: Vec<(&str, Option<(At, Vec<String>)>, Option<(At, Vec<String>)>)> =
                vec![];
            let mut json: Option<(At, Map<String, Value>)> = None;
            for (i, c) in s.columns.iter().enumerate() {
                let Some(j) = cols[i] else { continue };
                let at = At {
                    sheet: id,
                    row: *row,
                    col: j,
                };
                let cell = cells.get(j).unwrap_or(&Cell::Empty);
                if cell.is_blank() {
                    continue;
                }
                match self.convert(c, cell, at) {
                    Err(()) => ok = false,
                    Ok(Conv::Value(v)) => match c.path {
                        "@cluster" | "@key" => parent = v.as_str().map(str::to_owned),
                        p => set_path(&mut obj, p, v),
                    },
                    Ok(Conv::List(items, en)) => {
                        let k = match lists.iter().position(|l| l.0 == c.path) {
                            Some(k) => k,
                            None => {
                                lists.push((c.path, None, None));
                                lists.len() - 1
                            }
                        };
                        if en {
                            lists[k].2 = Some((at, items));
                        } else {
                            lists[k].1 = Some((at, items));
                        }
                    }
                    Ok(Conv::Object(m)) => json = Some((at, m)),
                }
            }
            for (path, zh, en) in lists {
                let n = zh
                    .as_ref()
                    .map_or(0, |z| z.1.len())
                    .max(en.as_ref().map_or(0, |e| e.1.len()));
                if let (Some((_, z)), Some((at, e))) = (&zh, &en)
                    && z.len() != e.len()
                {
                    self.error(
                        *at,
                        format!("中文有 {} 项，英文有 {} 项；两列应一一对应", z.len(), e.len()),
                        format!("{} items in Chinese but {} in English; the two columns pair up in order", z.len(), e.len()),
                    );
                    ok = false;
                    continue;
                }
                let half = |h: &Option<(At, Vec<String>)>, i: usize| {
                    h.as_ref()
                        .and_then(|h| h.1.get(i))
                        .cloned()
                        .unwrap_or_default()
                };
                let items: Vec<Value> = (0..n)
                    .map(|i| serde_json::json!({"zh": half(&zh, i), "en": half(&en, i)}))
                    .collect();
                obj.insert(path.to_owned(), Value::Array(items));
            }
            if let Some((at, m)) = json {
                for (k, v) in m {
                    if obj.contains_key(&k) {
                        self.error(
                            at,
                            format!("`{k}` 已在其所在列中给出，这里不能再给"),
                            format!(
                                "`{k}` is given in its own column(s); it cannot also be given here"
                            ),
                        );
                        ok = false;
                    } else {
                        obj.insert(k, v);
                    }
                }
            }
            for (k, v) in defaults(id) {
                obj.entry(k).or_insert(v);
            }
            if ok {
                out.push(RowObj {
                    row: *row,
                    obj,
                    parent,
                });
            }
        }
        out
    }

    fn convert(&mut self, c: &Column, cell: &Cell, at: At) -> Result<Conv, ()> {
        let text = || -> Option<String> {
            match cell {
                Cell::Text(s) => Some(s.clone()),
                Cell::Number(v) => Some(num_text(*v)),
                Cell::Date(d) => Some(d.clone()),
                Cell::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
                Cell::Empty | Cell::Error(_) => None,
            }
        };
        if let Cell::Error(e) = cell {
            self.error(
                at,
                format!("单元格的值是错误 {e}（公式出错？）"),
                format!("the cell holds the error {e} (a formula that failed?)"),
            );
            return Err(());
        }
        let shown = |s: &str| crate::load::escape_controls(s).into_owned();
        Ok(match c.kind {
            Kind::Text => Conv::Value(Value::String(text().unwrap_or_default())),
            Kind::Code => Conv::Value(Value::String(text().unwrap_or_default().trim().to_owned())),
            Kind::Number => match cell {
                Cell::Number(v) if v.is_finite() => Conv::Value(serde_json::json!(v)),
                Cell::Text(s) => match plain_number(s) {
                    Some(v) => Conv::Value(serde_json::json!(v)),
                    None => {
                        let s = shown(s.trim());
                        let hint = if s.chars().any(|c| c.is_ascii_digit()) {
                            (
                                "只填数字（单位写在 unit 列，不用千位分隔符）",
                                "give the number alone (the unit goes in the unit column; no thousands separators)",
                            )
                        } else {
                            ("这里应填一个数字", "a number goes here")
                        };
                        self.error(
                            at,
                            format!("`{s}` 是文字，不是数字；{}", hint.0),
                            format!("`{s}` is text, not a number; {}", hint.1),
                        );
                        return Err(());
                    }
                },
                _ => {
                    let s = shown(&text().unwrap_or_default());
                    self.error(
                        at,
                        format!("`{s}` 不是数字"),
                        format!("`{s}` is not a number"),
                    );
                    return Err(());
                }
            },
            Kind::Integer => {
                let v = match cell {
                    Cell::Number(v) => Some(*v),
                    Cell::Text(s) => plain_number(s),
                    _ => None,
                };
                match v {
                    Some(v) if v.fract() == 0.0 && v.abs() <= f64::from(i32::MAX) => {
                        Conv::Value(serde_json::json!(v as i64))
                    }
                    _ => {
                        let s = shown(text().unwrap_or_default().trim());
                        self.error(
                            at,
                            format!("`{s}` 不是整数；这里应填年份等整数（如 2023）"),
                            format!(
                                "`{s}` is not a whole number; a year or count goes here (e.g. 2023)"
                            ),
                        );
                        return Err(());
                    }
                }
            }
            Kind::Bool => {
                let b = match cell {
                    Cell::Bool(b) => Some(*b),
                    Cell::Number(v) if *v == 0.0 || *v == 1.0 => Some(*v == 1.0),
                    Cell::Text(s) => match s.trim().to_lowercase().as_str() {
                        "true" | "yes" | "y" | "1" | "是" | "√" | "✓" => Some(true),
                        "false" | "no" | "n" | "0" | "否" => Some(false),
                        _ => None,
                    },
                    _ => None,
                };
                match b {
                    Some(b) => Conv::Value(Value::Bool(b)),
                    None => {
                        let s = shown(text().unwrap_or_default().trim());
                        self.error(
                            at,
                            format!("`{s}` 不是 TRUE 或 FALSE"),
                            format!("`{s}` is not TRUE or FALSE"),
                        );
                        return Err(());
                    }
                }
            }
            Kind::Codes => {
                let t = text().unwrap_or_default();
                let words: Vec<Value> = t
                    .split(|c: char| {
                        matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace()
                    })
                    .filter(|w| !w.is_empty())
                    .map(|w| Value::String(w.to_owned()))
                    .collect();
                Conv::Value(Value::Array(words))
            }
            Kind::TextList { en, lines } => {
                let t = text().unwrap_or_default();
                let items = t
                    .split(|c| splits(lines, c))
                    .map(|s| s.trim().to_owned())
                    .collect();
                Conv::List(items, en)
            }
            Kind::Json => {
                let t = text().unwrap_or_default();
                match serde_json::from_str::<Value>(&t) {
                    Ok(Value::Object(m)) => Conv::Object(m),
                    Ok(_) => {
                        self.error(
                            at,
                            "应为 JSON 对象 { … }".into(),
                            "expected a JSON object { … }".into(),
                        );
                        return Err(());
                    }
                    Err(e) => {
                        let e = e.to_string();
                        self.error(
                            at,
                            format!("JSON 有误：{e}"),
                            format!("not valid JSON: {e}"),
                        );
                        return Err(());
                    }
                }
            }
        })
    }

    /// A row's object read as `T`; a problem at its column if it cannot be.
    fn typed<T: DeserializeOwned>(
        &mut self,
        id: SheetId,
        row: u32,
        obj: Map<String, Value>,
    ) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(Strict(Value::Object(obj))) {
            Ok(t) => Some(t),
            Err(e) => {
                let mut path = e.path().to_string();
                if path == "." {
                    path.clear();
                }
                let inner = e.inner().to_string();
                let (path, message) = match inner
                    .strip_prefix("missing field `")
                    .and_then(|r| r.split_once('`'))
                {
                    Some((field, _)) => {
                        let p = if path.is_empty() {
                            field.to_owned()
                        } else {
                            format!("{path}.{field}")
                        };
                        // A required column the sheet lacks was named at its header.
                        let cols = self
                            .headers
                            .get(&id)
                            .map(|h| h.cols.as_slice())
                            .unwrap_or_default();
                        if spec(id)
                            .column_for(&p)
                            .is_some_and(|i| cols.get(i).copied().flatten().is_none())
                        {
                            return None;
                        }
                        let m = msg(
                            self.lang,
                            "必填，不能为空".into(),
                            "required; fill it in".into(),
                        );
                        (p, m)
                    }
                    None => (path, inner),
                };
                let at = self.place(id, row, &path);
                self.push(Some(at), Severity::Error, message);
                None
            }
        }
    }

    /// The cell of field `rest` of row `row`.
    fn place(&self, id: SheetId, row: u32, rest: &str) -> At {
        let s = spec(id);
        let cols = self
            .headers
            .get(&id)
            .map(|h| h.cols.as_slice())
            .unwrap_or_default();
        let col = s
            .column_for(rest)
            .and_then(|i| cols.get(i).copied().flatten())
            .or_else(|| cols.iter().flatten().copied().min())
            .unwrap_or(0);
        At {
            sheet: id,
            row,
            col,
        }
    }

    fn parent_cell(&self, id: SheetId, row: u32) -> At {
        let s = spec(id);
        let i = s
            .columns
            .iter()
            .position(|c| c.path.starts_with('@'))
            .unwrap_or(0);
        let col = self.headers.get(&id).and_then(|h| h.cols[i]).unwrap_or(0);
        At {
            sheet: id,
            row,
            col,
        }
    }

    fn unknown(&mut self, at: At, what: (&str, &str), given: &str, known: &[&str]) {
        let g = crate::load::escape_controls(given).into_owned();
        let hint = nearest(given, known.iter().copied())
            .map(|n| (format!("；是不是 {n}？"), format!("; did you mean {n}?")))
            .unwrap_or_default();
        self.error(
            at,
            format!("{g} 不是{}{}", what.0, hint.0),
            format!("{g} is not {}{}", what.1, hint.1),
        );
    }

    fn dataset(&mut self) -> Dataset {
        let mut d = Dataset {
            format_version: FORMAT_VERSION,
            ..Dataset::default()
        };
        // First: whether the workbook extends the register.
        self.more(&mut d);
        // A workbook over the register may give only figures.
        let need = d.extends.is_none();
        for o in self.objects(SheetId::Sources, need) {
            if let Some(s) = self.typed::<Source>(SheetId::Sources, o.row, o.obj) {
                self.origin.insert(
                    format!("sources[{}]", d.sources.len()),
                    (SheetId::Sources, o.row),
                );
                d.sources.push(s);
            }
        }
        for o in self.objects(SheetId::MetricKeys, need) {
            if let Some(k) = self.typed::<MetricKey>(SheetId::MetricKeys, o.row, o.obj) {
                self.origin.insert(
                    format!("metric_keys[{}]", d.metric_keys.len()),
                    (SheetId::MetricKeys, o.row),
                );
                d.metric_keys.push(k);
            }
        }
        let keys: Vec<String> = d.metric_keys.iter().map(|k| k.key.clone()).collect();
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        for o in self.objects(SheetId::Definitions, false) {
            let Some(def) = self.typed::<Definition>(SheetId::Definitions, o.row, o.obj) else {
                continue;
            };
            let parent = o.parent.unwrap_or_default();
            match d.metric_keys.iter().position(|k| k.key == parent) {
                Some(i) => {
                    let k = &mut d.metric_keys[i];
                    self.origin.insert(
                        format!("metric_keys[{i}].definitions[{}]", k.definitions.len()),
                        (SheetId::Definitions, o.row),
                    );
                    k.definitions.push(def);
                }
                None => {
                    let at = self.parent_cell(SheetId::Definitions, o.row);
                    self.unknown(
                        at,
                        (
                            "“Metric keys”表中的指标键",
                            "a key on the Metric keys sheet",
                        ),
                        &parent,
                        &key_refs,
                    );
                }
            }
        }
        for o in self.objects(SheetId::Clusters, need) {
            if let Some(c) = self.typed::<Cluster>(SheetId::Clusters, o.row, o.obj) {
                self.origin.insert(
                    format!("clusters[{}]", d.clusters.len()),
                    (SheetId::Clusters, o.row),
                );
                d.clusters.push(c);
            }
        }
        let figures = self.objects(SheetId::Figures, false);
        let targets = self.objects(SheetId::Targets, false);
        let policies = self.objects(SheetId::Policies, false);
        if d.extends.as_deref() == Some(crate::load::extend::EMBEDDED)
            && let Ok(base) = crate::load::load_embedded()
        {
            // Rows for a register cluster the Clusters sheet does not list
            // are added to the register's cluster.
            for o in figures.iter().chain(&targets).chain(&policies) {
                let Some(p) = o.parent.as_deref() else {
                    continue;
                };
                if d.cluster(p).is_none()
                    && let Some(c) = base.dataset.cluster(p)
                {
                    d.clusters.push(Cluster {
                        metrics: vec![],
                        targets: vec![],
                        policies: vec![],
                        ..c.clone()
                    });
                }
            }
        }
        let ids: Vec<String> = d.clusters.iter().map(|c| c.id.clone()).collect();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let index: HashMap<&str, usize> =
            id_refs.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let owner = |r: &mut Self, id: SheetId, o: &RowObj| -> Option<usize> {
            let p = o.parent.as_deref().unwrap_or_default();
            let i = index.get(p).copied();
            if i.is_none() {
                let at = r.parent_cell(id, o.row);
                r.unknown(
                    at,
                    (
                        "“Clusters”表中的集群 id",
                        "a cluster id on the Clusters sheet",
                    ),
                    p,
                    &id_refs,
                );
            }
            i
        };
        for o in figures {
            let Some(ci) = owner(self, SheetId::Figures, &o) else {
                continue;
            };
            if let Some(m) = self.typed::<Metric>(SheetId::Figures, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].metrics[{}]", c.metrics.len()),
                    (SheetId::Figures, o.row),
                );
                c.metrics.push(m);
            }
        }
        for o in targets {
            let Some(ci) = owner(self, SheetId::Targets, &o) else {
                continue;
            };
            if let Some(t) = self.typed::<Target>(SheetId::Targets, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].targets[{}]", c.targets.len()),
                    (SheetId::Targets, o.row),
                );
                c.targets.push(t);
            }
        }
        for o in policies {
            let Some(ci) = owner(self, SheetId::Policies, &o) else {
                continue;
            };
            if let Some(p) = self.typed::<Policy>(SheetId::Policies, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].policies[{}]", c.policies.len()),
                    (SheetId::Policies, o.row),
                );
                c.policies.push(p);
            }
        }
        self.precheck(&d);
        d
    }

    /// The More sheet: title, version, register and context.
    fn more(&mut self, d: &mut Dataset) {
        let id = SheetId::More;
        for o in self.objects(id, false) {
            let part = o
                .obj
                .get("part")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let value = o
                .obj
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let at = self.place(id, o.row, "value");
            let json = |r: &mut Self, path: String| -> Option<Value> {
                match serde_json::from_str::<Value>(&value) {
                    Ok(v) => {
                        r.origin.insert(path, (id, o.row));
                        Some(v)
                    }
                    Err(e) => {
                        let e = e.to_string();
                        r.error(
                            at,
                            format!("JSON 有误：{e}"),
                            format!("not valid JSON: {e}"),
                        );
                        None
                    }
                }
            };
            macro_rules! typed {
                ($t:ty, $path:expr) => {{
                    let path = $path;
                    json(self, path.clone()).and_then(|v| {
                        match serde_path_to_error::deserialize::<_, $t>(Strict(v)) {
                            Ok(t) => Some(t),
                            Err(e) => {
                                let inner = e.path().to_string();
                                let m = format!(
                                    "{}: {}",
                                    if inner == "." {
                                        path.as_str()
                                    } else {
                                        inner.as_str()
                                    },
                                    e.inner()
                                );
                                self.push(Some(at), Severity::Error, m);
                                None
                            }
                        }
                    })
                }};
            }
            match part.as_str() {
                "title_zh" => d.title.zh = value,
                "extends" => d.extends = Some(value.trim().to_owned()),
                "title_en" => d.title.en = value,
                "format_version" => match plain_number(&value).filter(|v| v.fract() == 0.0) {
                    Some(v)
                        if (f64::from(MIN_FORMAT_VERSION)..=f64::from(FORMAT_VERSION))
                            .contains(&v) =>
                    {
                        d.format_version = v as u32
                    }
                    _ => self.error(
                        at,
                        format!("格式版本应为 {MIN_FORMAT_VERSION} 到 {FORMAT_VERSION}"),
                        format!("the format version is {MIN_FORMAT_VERSION} to {FORMAT_VERSION}"),
                    ),
                },
                "register" => d.register = typed!(Register, "register".to_owned()),
                "context.competition" => {
                    d.context.competition = typed!(Competition, "context.competition".to_owned())
                }
                "context.provincial_systems" => {
                    let n = d.context.provincial_systems.len();
                    if let Some(p) =
                        typed!(ProvincialSystem, format!("context.provincial_systems[{n}]"))
                    {
                        d.context.provincial_systems.push(p);
                    }
                }
                "context.national_figures" => {
                    let n = d.context.national_figures.len();
                    if let Some(p) =
                        typed!(IndustryFigures, format!("context.national_figures[{n}]"))
                    {
                        d.context.national_figures.push(p);
                    }
                }
                "context.timeline" => {
                    let n = d.context.timeline.len();
                    if let Some(p) = typed!(TimelineEvent, format!("context.timeline[{n}]")) {
                        d.context.timeline.push(p);
                    }
                }
                other => {
                    let parts = [
                        "title_zh",
                        "title_en",
                        "format_version",
                        "extends",
                        "register",
                        "context.competition",
                        "context.provincial_systems",
                        "context.national_figures",
                        "context.timeline",
                    ];
                    let at = self.place(id, o.row, "part");
                    self.unknown(
                        at,
                        ("本表可用的部分", "a part this sheet takes"),
                        other,
                        &parts,
                    );
                }
            }
        }
    }

    /// What users get wrong most, said better than validation says it: a
    /// unit, metric key or source id that does not exist, with the nearest
    /// that does.
    fn precheck(&mut self, d: &Dataset) {
        let units = units::known_symbols();
        // Over the register, its keys and sources are there to cite too.
        let base = (d.extends.as_deref() == Some(crate::load::extend::EMBEDDED))
            .then(crate::load::load_embedded)
            .and_then(Result::ok);
        let all = || std::iter::once(d).chain(base.as_ref().map(|b| &b.dataset));
        let keys: Vec<&str> = all()
            .flat_map(|d| &d.metric_keys)
            .map(|k| k.key.as_str())
            .collect();
        let sources: Vec<&str> = all()
            .flat_map(|d| &d.sources)
            .map(|s| s.id.as_str())
            .collect();
        let mut checks: Vec<(At, u8, String)> = Vec::new();
        for (ci, c) in d.clusters.iter().enumerate() {
            let rows = c
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        format!("clusters[{ci}].metrics[{i}]"),
                        &m.key,
                        &m.unit,
                        &m.source.source,
                    )
                })
                .chain(c.targets.iter().enumerate().map(|(i, t)| {
                    (
                        format!("clusters[{ci}].targets[{i}]"),
                        &t.key,
                        &t.unit,
                        &t.source.source,
                    )
                }));
            for (path, key, unit, source) in rows {
                let Some(&(sheet, row)) = self.origin.get(&path) else {
                    continue;
                };
                if units::unit(unit).is_none() {
                    checks.push((self.place(sheet, row, "unit"), 0, unit.clone()));
                }
                if !keys.contains(&key.as_str()) {
                    checks.push((self.place(sheet, row, "key"), 1, key.clone()));
                }
                if !sources.contains(&source.as_str()) {
                    checks.push((self.place(sheet, row, "source.source"), 2, source.clone()));
                }
            }
            for (i, p) in c.policies.iter().enumerate() {
                if let Some(&(sheet, row)) =
                    self.origin.get(&format!("clusters[{ci}].policies[{i}]"))
                    && !sources.contains(&p.source.source.as_str())
                {
                    checks.push((
                        self.place(sheet, row, "source.source"),
                        2,
                        p.source.source.clone(),
                    ));
                }
            }
        }
        for (at, what, given) in checks {
            match what {
                0 => self.unknown(at, ("单位", "a unit"), &given, &units),
                1 => self.unknown(
                    at,
                    (
                        "“Metric keys”表中的指标键",
                        "a key on the Metric keys sheet",
                    ),
                    &given,
                    &keys,
                ),
                _ => self.unknown(
                    at,
                    ("“Sources”表中的来源 id", "a source id on the Sources sheet"),
                    &given,
                    &sources,
                ),
            }
        }
    }

    /// Validation of the whole, its problems placed on their cells.
    fn finish(mut self, file: &str, d: Dataset) -> Result<Loaded, LoadError> {
        let (d, found, added) = if d.extends.is_some() {
            let x = crate::load::extend::extend(d);
            (x.dataset, x.problems, x.added)
        } else {
            let p = validate(&d);
            (d, p, vec![])
        };
        for p in found {
            let place = self.locate(&p.path);
            match place {
                Some((at, rest)) if self.reported.contains(&at) => {
                    let _ = rest;
                }
                Some((at, rest)) => {
                    let c = self
                        .headers
                        .get(&at.sheet)
                        .and_then(|h| h.cols.iter().position(|c| *c == Some(at.col)));
                    let json_col = c.is_some_and(|i| spec(at.sheet).columns[i].kind == Kind::Json)
                        || at.sheet == SheetId::More;
                    let message = if json_col && !rest.is_empty() {
                        format!("{rest}: {}", p.message)
                    } else {
                        p.message.clone()
                    };
                    // Problems at one cell from the checks' several rules are all kept.
                    let place = self.at(at);
                    self.problems.push((
                        Some(at),
                        Problem {
                            path: place,
                            message,
                            ..p
                        },
                    ));
                }
                None => self.problems.push((None, p)),
            }
        }
        let mut problems: Vec<(Option<At>, Problem)> = std::mem::take(&mut self.problems);
        problems.sort_by_key(|(at, p)| {
            (
                p.severity,
                at.map(|a| {
                    (
                        SHEETS.iter().position(|s| s.id == a.sheet).unwrap_or(0),
                        a.row,
                        a.col,
                    )
                }),
            )
        });
        let problems: Vec<Problem> = problems.into_iter().map(|(_, p)| p).collect();
        if problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(LoadError {
                file: file.to_owned(),
                problems,
            });
        }
        Ok(Loaded {
            file: file.to_owned(),
            dataset: d,
            warnings: problems,
            added,
        })
    }

    /// The cell a validation path points at, and the rest of the path below
    /// the row's element.
    fn locate(&self, path: &str) -> Option<(At, String)> {
        let mut p = path;
        loop {
            if let Some(&(sheet, row)) = self.origin.get(p) {
                let rest = path[p.len()..].trim_start_matches('.').to_owned();
                return Some((self.place(sheet, row, &rest), rest));
            }
            if p.is_empty() {
                return None;
            }
            p = p.rfind(['.', '[']).map_or("", |i| &p[..i]);
        }
    }
}

/// Fields the format requires but lets be empty (validation warns of an
/// empty industry, not the parser): an empty row cell gives them empty.
fn defaults(id: SheetId) -> Vec<(String, Value)> {
    let text = || serde_json::json!({"zh": "", "en": ""});
    let fields: Vec<(&str, Value)> = match id {
        SheetId::Sources => vec![("publisher", text())],
        SheetId::Clusters => vec![("industry", text()), ("provinces", Value::Array(vec![]))],
        SheetId::Policies => vec![("issuer", text())],
        _ => vec![],
    };
    fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

enum Conv {
    Value(Value),
    /// One half of a list of texts (`en` or not).
    List(Vec<String>, bool),
    /// The JSON column's fields.
    Object(Map<String, Value>),
}
