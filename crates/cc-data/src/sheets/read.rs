//! Cells → dataset. Each row becomes the JSON object of its element (the
//! columns' paths say where each cell goes), is read by the same serde types
//! as a data file, and the whole is checked by [`crate::load::validate`]:
//! every problem, of every row, named by sheet, cell and column header
//! (`Figures!D12 (unit): 亿圆 is not a unit; did you mean 亿元?`).

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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

/// One half (Chinese or English) of a list of texts, and its cell.
type Half = Option<(At, Vec<String>)>;

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

mod build;
mod convert;

use convert::Conv;

struct Reader<'a> {
    /// The sheets are CSV files in a folder: cells are named
    /// `figures.csv:LINE:COLUMN`, not `Figures!D12`.
    csv: bool,
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
    read_as(file, sheets, lang, false)
}

/// As [`read`]; with `csv` the sheets are a folder's CSV files (named by
/// their sheets), and every place is given as `figures.csv:LINE:COLUMN`.
pub(super) fn read_as(
    file: &str,
    sheets: &[(String, Grid)],
    lang: Lang,
    csv: bool,
) -> Result<Loaded, LoadError> {
    let mut r = Reader {
        csv,
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
    if r.sheets.is_empty() && csv {
        return Err(fail(vec![super::folder::no_sheets()]));
    }
    if r.sheets.is_empty() {
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        let wanted: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
        return Err(fail(vec![Problem::error(
            "",
            String::new(),
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
        if self.csv {
            return super::folder::cell_name(at.sheet, at.row, at.col, header);
        }
        cell_name(self.name(at.sheet), at.row, at.col, header)
    }

    /// A problem at `at`, in both languages (`zh` empty where the text has
    /// no Chinese, as a parser's own message: English is shown then).
    fn push(&mut self, at: Option<At>, severity: Severity, zh: String, message: String) {
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
                zh,
            },
        ));
    }

    fn error(&mut self, at: At, zh: String, en: String) {
        self.push(Some(at), Severity::Error, zh, en);
    }

    /// The header of a sheet; `None` when the sheet is missing (an error if
    /// `required`).
    fn header(&mut self, id: SheetId, required: bool) -> Option<&'a Grid> {
        let Some(&(_, grid)) = self.sheets.get(&id) else {
            if required {
                let name = spec(id).name;
                let (zh, en) = if self.csv {
                    super::folder::missing(id)
                } else {
                    (
                        format!("缺少工作表 `{name}`"),
                        format!("the workbook has no sheet `{name}`"),
                    )
                };
                self.push(None, Severity::Error, zh, en);
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
                        self.push(
                            Some(At {
                                sheet: id,
                                row: 0,
                                col: j,
                            }),
                            Severity::Warning,
                            format!("`{}` 列出现了两次；只读第一列", text.trim()),
                            format!(
                                "column `{}` appears twice; only the first is read",
                                text.trim()
                            ),
                        );
                    }
                    None if text.trim().is_empty() => {}
                    None => {
                        let known: Vec<&str> = s.columns.iter().map(|c| c.header).collect();
                        let hint = nearest(text.trim(), known.iter().copied())
                            .map(|n| (format!("；是不是 {n}？"), format!("; did you mean {n}?")))
                            .unwrap_or_default();
                        self.push(
                            Some(At {
                                sheet: id,
                                row: 0,
                                col: j,
                            }),
                            Severity::Warning,
                            format!("`{}` 不是本表的列，未读取{}", text.trim(), hint.0),
                            format!(
                                "`{}` is not a column of this sheet; it is not read{}",
                                text.trim(),
                                hint.1
                            ),
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
                self.push(
                    Some(At {
                        sheet: id,
                        row: 0,
                        col: 0,
                    }),
                    Severity::Error,
                    format!("第 1 行缺少必需的列 `{}`", c.header),
                    format!("row 1 has no column `{}`, which is required", c.header),
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
            let mut lists: Vec<(&str, Half, Half)> = vec![];
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
                let half = |h: &Half, i: usize| {
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
                let (path, zh, message) = match inner
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
                        (p, "必填，不能为空".into(), "required; fill it in".into())
                    }
                    None => (path, String::new(), inner),
                };
                let at = self.place(id, row, &path);
                self.push(Some(at), Severity::Error, zh, message);
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
    /// Validation of the whole, its problems placed on their cells.
    fn finish(mut self, file: &str, d: Dataset) -> Result<Loaded, LoadError> {
        let (d, found, added) = if d.extends.is_some() {
            let x = crate::load::extend::extend(file, d);
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
                    let with_rest = |m: &str| {
                        if json_col && !rest.is_empty() {
                            format!("{rest}: {m}")
                        } else {
                            m.to_owned()
                        }
                    };
                    let (zh, message) = (with_rest(p.message_in(Lang::Zh)), with_rest(&p.message));
                    // Problems at one cell from the checks' several rules are all kept.
                    let place = self.at(at);
                    self.problems.push((
                        Some(at),
                        Problem {
                            path: place,
                            message,
                            zh,
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
