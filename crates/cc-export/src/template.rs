//! The dataset workbook (rust_xlsxwriter): a Read-me sheet in Chinese and
//! English, then one sheet per kind of row as [`cc_data::sheets::SHEETS`]
//! declares them, with frozen headers, a note on every header cell, and
//! drop-down lists (data validation) for units, qualifiers, levels,
//! dimensions, metric keys, definitions, policy categories, source and
//! cluster ids. Filled with the template's examples
//! ([`template_bytes`]) or with a whole dataset ([`workbook_bytes`]);
//! `cluster-compare import` and the app read it back.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula, Note, Workbook,
    Worksheet,
};

use super::ExportError;
use super::xlsx::header_format;
use cc_data::model::{Category, Dataset, Level, Qualifier, UNSPECIFIED};
use cc_data::sheets::{self, Cell, Choice, Kind, LISTS, README, SheetSpec};
use cc_data::units;

/// Rows the drop-down lists cover below the header.
const LAST_ROW: u32 = 20_000;

/// The template to fill in: every metric key and definition of `d`, one
/// example row per sheet taken from `d`.
pub fn template_bytes(d: &Dataset) -> Result<Vec<u8>, ExportError> {
    workbook_bytes(&sheets::template_dataset(d))
}

/// Writes the template to `out`, atomically.
pub fn write_template(d: &Dataset, out: &Path) -> Result<(), ExportError> {
    super::write_atomic(out, &template_bytes(d)?)
}

/// Writes `d` as a dataset workbook to `out`, atomically.
pub fn write_workbook(d: &Dataset, out: &Path) -> Result<(), ExportError> {
    super::write_atomic(out, &workbook_bytes(d)?)
}

fn snake<T: serde::Serialize>(t: T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The closed lists, each a column of the hidden Lists sheet.
fn lists(d: &Dataset) -> Vec<(Choice, &'static str, Vec<String>)> {
    let mut defs: Vec<String> = Vec::new();
    for k in &d.metric_keys {
        for def in &k.definitions {
            if !defs.contains(&def.key) {
                defs.push(def.key.clone());
            }
        }
    }
    defs.push(UNSPECIFIED.to_owned());
    let qualifiers = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::LessThan,
        Qualifier::UpTo,
    ];
    let mut dims: Vec<String> = units::UNITS.iter().map(|u| snake(u.dimension)).collect();
    dims.dedup();
    let mut seen = Vec::new();
    dims.retain(|x| {
        let new = !seen.contains(x);
        seen.push(x.clone());
        new
    });
    vec![
        (
            Choice::Unit,
            "unit",
            units::known_symbols()
                .into_iter()
                .map(String::from)
                .collect(),
        ),
        (
            Choice::Qualifier,
            "qualifier",
            qualifiers.iter().map(snake).collect(),
        ),
        (
            Choice::Level,
            "level",
            Level::ALL.iter().map(snake).collect(),
        ),
        (Choice::Dimension, "dimension", dims),
        (
            Choice::Category,
            "category",
            Category::ALL.iter().map(snake).collect(),
        ),
        (Choice::Definition, "definition", defs),
        (
            Choice::Bool,
            "true/false",
            vec!["TRUE".into(), "FALSE".into()],
        ),
    ]
}

/// `'Metric keys'!$A$2:$A$20001`.
fn range(sheet: &str, col: usize, rows: u32) -> String {
    let c = sheets::column_letters(col);
    format!("'{sheet}'!${c}$2:${c}${}", rows + 1)
}

/// The workbook of `d`.
pub fn workbook_bytes(d: &Dataset) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let head = header_format();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let text = Format::new().set_num_format("@");
    let lists = lists(d);
    let source_of = |choice: Choice| -> Option<(Formula, DataValidationErrorStyle)> {
        let own = |sheet: &str, col| range(sheet, col, LAST_ROW);
        let (f, style) = match choice {
            Choice::MetricKey => (own("Metric keys", 0), DataValidationErrorStyle::Warning),
            Choice::SourceId => (own("Sources", 0), DataValidationErrorStyle::Warning),
            Choice::ClusterId => (own("Clusters", 0), DataValidationErrorStyle::Warning),
            c => {
                let (i, (_, _, items)) = lists.iter().enumerate().find(|(_, (k, _, _))| *k == c)?;
                let style = match c {
                    // Several categories go in one cell, comma-separated.
                    Choice::Category => DataValidationErrorStyle::Warning,
                    _ => DataValidationErrorStyle::Stop,
                };
                (range(LISTS, i, items.len() as u32), style)
            }
        };
        Some((Formula::new(f), style))
    };

    readme(wb.add_worksheet(), &head, &wrap)?;
    for r in sheets::rows(d) {
        let ws = wb.add_worksheet();
        sheet(ws, r.sheet, &r.rows, &head, &wrap, &text, &source_of)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name(LISTS)?;
    for (j, (_, name, items)) in lists.iter().enumerate() {
        let c = j as u16;
        ws.write_string_with_format(0, c, *name, &head)?;
        ws.set_column_width(c, 18.0)?;
        for (i, s) in items.iter().enumerate() {
            ws.write_string(i as u32 + 1, c, s)?;
        }
    }
    ws.set_hidden(true);
    Ok(wb.save_to_buffer()?)
}

type ListSource<'a> = dyn Fn(Choice) -> Option<(Formula, DataValidationErrorStyle)> + 'a;

fn sheet(
    ws: &mut Worksheet,
    s: &SheetSpec,
    rows: &[Vec<Cell>],
    head: &Format,
    wrap: &Format,
    text: &Format,
    source_of: &ListSource<'_>,
) -> Result<(), ExportError> {
    ws.set_name(s.name)?;
    for (j, c) in s.columns.iter().enumerate() {
        let col = j as u16;
        ws.write_string_with_format(0, col, c.header, head)?;
        let required = if c.required {
            "（必填）\n"
        } else {
            "（可留空）\n"
        };
        let en_req = if c.required { " (required)" } else { "" };
        let note = Note::new(format!("{}{required}\n{}{en_req}", c.zh, c.en))
            .set_author("Cluster Compare")
            .add_author_prefix(false)
            .set_width(320)
            .set_height(160);
        ws.insert_note(0, col, &note)?;
        ws.set_column_width(col, c.width)?;
        match c.kind {
            // Typed as text, so 2024-05 stays 2024-05 rather than a date.
            Kind::Code if c.choice.is_none() => {
                ws.set_column_format(col, text)?;
            }
            Kind::Text | Kind::TextList { .. } | Kind::Json if c.width >= 24.0 => {
                ws.set_column_format(col, wrap)?;
            }
            _ => {}
        }
        if let Some(choice) = c.choice
            && let Some((formula, style)) = source_of(choice)
        {
            let v = DataValidation::new()
                .allow_list_formula(formula)
                .set_error_style(style)
                .set_input_title(c.header)?
                .set_input_message(short(c.en, 250))?;
            ws.add_data_validation(1, col, LAST_ROW, col, &v)?;
        }
    }
    ws.set_row_height(0, 20.0)?;
    ws.set_freeze_panes(1, 0)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (j, cell) in row.iter().enumerate() {
            let col = j as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) | Cell::Date(t) | Cell::Error(t) => {
                    ws.write_string(r, col, t)?;
                }
                Cell::Number(v) => {
                    ws.write_number(r, col, *v)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean(r, col, *b)?;
                }
            }
        }
    }
    Ok(())
}

/// `s` cut to at most `n` characters (Excel's limit on an input message).
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

const README_ROWS: &[(&str, &str)] = &[
    ("集群对比 · 数据工作簿", "Cluster Compare · data workbook"),
    (
        "本工作簿就是一份数据：每张表是一类内容，每行一项，每列是数据格式的一个字段。",
        "This workbook is a dataset: each sheet holds one kind of row, each column one field of the data format.",
    ),
    ("", ""),
    ("怎么填", "How to fill it in"),
    (
        "1. 在 Sources 表为每篇文章或网页加一行，给它一个简短的 id（如 src-010）。",
        "1. On Sources, add a row per article or page, with a short id (e.g. src-010).",
    ),
    (
        "2. 在 Clusters 表为每个集群加一行：id（小写字母和连字符）、名称、级别、省份、产业。",
        "2. On Clusters, add a row per cluster: id (lower case, hyphens), names, level, provinces, industry.",
    ),
    (
        "3. 在 Figures 表为每个数字加一行：照来源写法填数值和单位（5700 与 亿元），年份，来源 id 与原话。",
        "3. On Figures, add a row per figure: value and unit as the source writes them (5700 with 亿元), the year, the source id and the quote.",
    ),
    (
        "4. 目标和政策填在 Targets 与 Policies 表。带下拉箭头的列请从列表中选。",
        "4. Targets and policies go on Targets and Policies. Pick from the list where a column has a drop-down.",
    ),
    (
        "5. 每个表头单元格都有批注，说明该列填什么。示例行取自内置数据，可改写或删除。空行会被跳过。",
        "5. Every header cell has a note saying what goes in its column. The example rows come from the embedded data; change or delete them. Empty rows are skipped.",
    ),
    ("", ""),
    ("怎么导入", "How to import it"),
    (
        "在应用中：文件 → 打开数据…，选择本工作簿。",
        "In the app: File → Open data…, and choose this workbook.",
    ),
    (
        "命令行：cluster-compare import my-clusters.xlsx -o my-clusters.json（每个问题按 表!单元格（列名）列出）。",
        "Command line: cluster-compare import my-clusters.xlsx -o my-clusters.json (every problem is listed by sheet!cell (column)).",
    ),
    ("", ""),
    ("各表", "The sheets"),
];

fn readme(ws: &mut Worksheet, head: &Format, wrap: &Format) -> Result<(), ExportError> {
    ws.set_name(README)?;
    ws.set_column_width(0, 16.0)?;
    ws.set_column_width(1, 70.0)?;
    ws.set_column_width(2, 80.0)?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let mut r = 0u32;
    for (i, (zh, en)) in README_ROWS.iter().enumerate() {
        let f = match i {
            0 => Some(&title),
            _ if !zh.is_empty() && !zh.contains(['：', '，', '。']) => Some(&bold),
            _ => None,
        };
        match f {
            Some(f) => {
                ws.write_string_with_format(r, 1, *zh, f)?;
                ws.write_string_with_format(r, 2, *en, f)?;
            }
            None => {
                ws.write_string_with_format(r, 1, *zh, wrap)?;
                ws.write_string_with_format(r, 2, *en, wrap)?;
            }
        }
        r += 1;
    }
    ws.write_string_with_format(r, 0, "sheet", head)?;
    ws.write_string_with_format(r, 1, "说明", head)?;
    ws.write_string_with_format(r, 2, "What it holds", head)?;
    for s in sheets::SHEETS {
        r += 1;
        ws.write_string(r, 0, s.name)?;
        ws.write_string_with_format(r, 1, s.zh, wrap)?;
        ws.write_string_with_format(r, 2, s.en, wrap)?;
    }
    ws.set_active(true);
    Ok(())
}
