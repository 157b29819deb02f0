//! XLSX (rust_xlsxwriter): Comparison (numbers with their qualifier, year and
//! scope; differences to the baseline as numbers), Targets (numbers with
//! units), Policies, Series (every figure over the years), Clusters (full
//! names), Sources, a native chart of the
//! headline metric, and Notes where a text had to be shortened. Every sheet
//! prints landscape at a readable scale (pages across where its columns need
//! them), with its header row and first column repeated, the data's title at
//! the head and the page number at the foot of every page.
//!
//! Text is written as text (never a formula); a text longer than Excel's
//! 32,767-character cell limit is shortened with a visible marker and named
//! in the Notes sheet and in the notes returned to the caller, so one cell
//! never costs the workbook.

use rust_xlsxwriter::{
    Chart, ChartType, Format, FormatAlign, Workbook, Worksheet, utility::row_col_to_cell,
};

use super::ExportError;
use super::flat::{self, Col, Flat};
use super::table;
use cc_core::compare::Comparison;
use cc_core::format;
use cc_data::model::{Dataset, Lang};

/// Excel's limit on the length of a cell's text, in UTF-16 code units.
pub const CELL_LIMIT: usize = 32_767;

/// `s` cut to fit Excel's cell limit, ending with a marker that says how long
/// it was; `None` when it fits.
pub fn fit_cell(s: &str, lang: Lang) -> Option<String> {
    if s.len() <= CELL_LIMIT || s.encode_utf16().count() <= CELL_LIMIT {
        return None;
    }
    let total = s.chars().count();
    let marker = match lang {
        Lang::Zh => format!("…［已截断：原文共{total}个字符］"),
        Lang::En => format!("… [truncated: {total} characters]"),
    };
    let room = CELL_LIMIT - marker.encode_utf16().count();
    let mut used = 0;
    let end = s
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(s.len(), |(i, _)| i);
    Some(format!("{}{marker}", &s[..end]))
}

/// Writes cells of one sheet, shortening what does not fit and noting it.
struct Sheet<'a> {
    name: &'a str,
    /// The data's title, at the head of every printed page.
    title: &'a str,
    lang: Lang,
    headers: Vec<String>,
    notes: &'a mut Vec<String>,
    num: &'a Format,
    sci: &'a Format,
    /// The wrapping format: a cell written in it makes its row as tall as
    /// its lines.
    wrap: &'a Format,
    /// A cell without a format of its own: at the top of its row.
    plain: &'a Format,
    /// Column widths, from the header.
    widths: Vec<f64>,
    /// The most lines a wrapped cell of a row holds, by row.
    lines: std::collections::BTreeMap<u32, usize>,
}

impl Sheet<'_> {
    fn header(
        &mut self,
        ws: &mut Worksheet,
        cols: &[(String, f64)],
        fmt: &Format,
    ) -> Result<(), ExportError> {
        self.widths = cols.iter().map(|c| c.1).collect();
        for (i, (h, w)) in cols.iter().enumerate() {
            let c = i as u16;
            self.headers.push(h.clone());
            self.text(ws, 0, c, h, Some(fmt))?;
            ws.set_column_width(c, *w)?;
        }
        // The header row as tall as its longest wrapped name.
        let most = cols
            .iter()
            .map(|(h, w)| wrapped_lines(h, *w))
            .max()
            .unwrap_or(1);
        ws.set_row_height(0, row_height(most))?;
        ws.set_freeze_panes(1, 0)?;
        let widths: Vec<f64> = cols.iter().map(|c| c.1).collect();
        print_setup(ws, self.title, &widths, 1)?;
        Ok(())
    }

    fn text(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        s: &str,
        fmt: Option<&Format>,
    ) -> Result<(), ExportError> {
        let fitted = fit_cell(s, self.lang);
        if fitted.is_some() {
            let field = self
                .headers
                .get(col as usize)
                .filter(|_| row > 0)
                .map_or(String::new(), |h| format!(" ({})", table::short(h)));
            self.notes.push(match self.lang {
                Lang::Zh => format!(
                    "{}!{}{field}：文字共{}个字符，超出Excel单元格上限32767，已截断",
                    self.name,
                    row_col_to_cell(row, col),
                    s.chars().count()
                ),
                Lang::En => format!(
                    "{}!{}{field}: text of {} characters cut to Excel's cell limit of 32,767",
                    self.name,
                    row_col_to_cell(row, col),
                    s.chars().count()
                ),
            });
        }
        let s = fitted.as_deref().unwrap_or(s);
        match fmt {
            Some(f) => ws.write_string_with_format(row, col, s, f)?,
            None => ws.write_string_with_format(row, col, s, self.plain)?,
        };
        // A wrapped cell makes its row tall enough for its lines, so that
        // LibreOffice and Excel print it without running into the next row.
        if row > 0 && fmt.is_some_and(|f| std::ptr::eq(f, self.wrap)) {
            let width = self.widths.get(col as usize).copied().unwrap_or(8.43);
            let n = wrapped_lines(s, width);
            let most = self.lines.entry(row).or_insert(1);
            if n > *most {
                *most = n;
                ws.set_row_height(row, row_height(n))?;
            }
        }
        Ok(())
    }

    /// A number, in scientific notation where digits would not be readable;
    /// a value that is not finite is written as `–`.
    fn number(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        v: f64,
        fmt: Option<&Format>,
    ) -> Result<(), ExportError> {
        if !v.is_finite() {
            ws.write_string(row, col, "–")?;
            return Ok(());
        }
        let v = format::round_sig(v);
        let f = if format::needs_scientific(v) {
            self.sci
        } else {
            fmt.unwrap_or(self.num)
        };
        ws.write_number_with_format(row, col, v, f)?;
        Ok(())
    }

    fn opt_number(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        v: Option<f64>,
        fmt: Option<&Format>,
    ) -> Result<(), ExportError> {
        match v {
            Some(v) => self.number(ws, row, col, v, fmt),
            None => Ok(()),
        }
    }
}

/// How many lines `s` takes wrapped in a column `width` characters wide:
/// a CJK or full-width character is about two characters wide.
pub(super) fn wrapped_lines(s: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    s.split('\n')
        .map(|line| {
            let w: f64 = line
                .chars()
                .map(|c| if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 })
                .sum();
            ((w / room).ceil() as usize).max(1)
        })
        .sum::<usize>()
        .max(1)
}

/// The height (points) of a row of `lines` lines of 11-point text, within
/// Excel's limit of 409 points.
pub(super) fn row_height(lines: usize) -> f64 {
    (lines as f64 * 15.0).clamp(15.0, 409.0)
}

/// Cells at the top of their row: a row made tall by a wrapped note reads
/// from its first line.
fn top() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

/// The header row's look, in every workbook the app writes.
pub(super) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color("DCE6F2")
        .set_text_wrap()
        .set_align(FormatAlign::Top)
}

/// Numbers with thousands separators and up to three decimals.
pub(super) fn number_format() -> Format {
    Format::new()
        .set_num_format("#,##0.###")
        .set_align(FormatAlign::Top)
}

/// Column width (in characters) a landscape A4 page holds at a scale that
/// still reads (about 80%); a wider sheet prints several pages wide.
const PAGE_CHARS: f64 = 180.0;

/// How a sheet prints: landscape on A4; as many pages wide as its columns
/// need at a readable scale (never a 31-column sheet shrunk onto one page),
/// as many tall as it takes; the header row and the first `keep` columns on
/// every page (print titles); the data's title and the sheet's name at the
/// head of each page, the page number at the foot.
pub(super) fn print_setup(
    ws: &mut Worksheet,
    title: &str,
    widths: &[f64],
    keep: u16,
) -> Result<(), ExportError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(pages_wide(widths), 0);
    ws.set_repeat_rows(0, 0)?;
    if keep > 0 {
        ws.set_repeat_columns(0, keep - 1)?;
    }
    ws.set_header(format!("&L{}&R&A", header_text(title)));
    ws.set_footer("&C&P / &N");
    Ok(())
}

/// Pages a sheet of these column widths prints across.
pub(super) fn pages_wide(widths: &[f64]) -> u16 {
    let total: f64 = widths.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    ((total / PAGE_CHARS).ceil() as u16).clamp(1, 20)
}

/// Text for a page header: `&` doubled (Excel reads `&` as a code),
/// controls dropped, short enough for Excel's 255-character limit.
pub(super) fn header_text(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_control()).collect();
    format::shorten(&s, 80).replace('&', "&&")
}

/// The workbook, and notes on cells that had to be shortened.
pub fn xlsx_bytes(d: &Dataset, cmp: &Comparison) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    let l = cmp.lang;
    let t = table::table(d, cmp);
    let title = d.title.get(l).to_owned();
    let mut wb = Workbook::new();
    let mut notes = Vec::new();
    let head = header_format();
    let num = number_format();
    let sci = top().set_num_format("0.###E+00");
    let ratio = top().set_num_format("0.00");
    let points = top().set_num_format("+0.0;-0.0;0");
    let pct = top().set_num_format("0%");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let weak = top().set_font_color("5A6470");
    let plain = top();
    macro_rules! sheet {
        ($name:expr) => {
            Sheet {
                name: $name,
                title: &title,
                lang: l,
                headers: vec![],
                notes: &mut notes,
                num: &num,
                sci: &sci,
                wrap: &wrap,
                plain: &plain,
                widths: Vec::new(),
                lines: Default::default(),
            }
        };
    }

    // Comparison.
    let name = crate::words::COMPARISON.get(l);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let (kinds, rows) = flat::comparison_columns(&t);
    let mut sh = sheet!(name);
    let widths: Vec<(String, f64)> = kinds
        .iter()
        .zip(&rows[0])
        .map(|(k, h)| {
            let w = match k {
                Col::Metric => 22.0,
                Col::Unit => 10.0,
                Col::DiffKind => 14.0,
                Col::Value => 16.0,
                Col::Note => 30.0,
                Col::Diff => 16.0,
                Col::Caveats => 36.0,
                Col::Sources => 60.0,
            };
            let h = match h {
                Flat::Text(s) => s.clone(),
                Flat::Num(v) => format::plain_number(*v),
            };
            (h, w)
        })
        .collect();
    sh.header(ws, &widths, &head)?;
    ws.set_freeze_panes(1, 2)?;
    // The metric and its unit on every page across.
    ws.set_repeat_columns(0, 1)?;
    // A bound is shown with its number (`> 5,700`) by the cell's format, so
    // the cell stays a number a formula can use and copies with its bound.
    let mut bounded: std::collections::HashMap<&str, Format> = std::collections::HashMap::new();
    for (i, (r, tr)) in rows.iter().skip(1).zip(&t.rows).enumerate() {
        let row = i as u32 + 1;
        let mut value_col = 0;
        for (j, (cell, kind)) in r.iter().zip(&kinds).enumerate() {
            let col = j as u16;
            let qualifier = if *kind == Col::Value {
                value_col += 1;
                tr.cells
                    .get(value_col - 1)
                    .and_then(|c| c.as_ref())
                    .map_or("", |c| c.qualifier)
            } else {
                ""
            };
            if !qualifier.is_empty() && !bounded.contains_key(qualifier) {
                let q = qualifier.replace('"', "");
                bounded.insert(
                    qualifier,
                    number_format().set_num_format(format!("\"{q} \"#,##0.###;\"{q} \"-#,##0.###")),
                );
            }
            let fmt = match kind {
                Col::Unit => Some(&weak),
                Col::Note | Col::Caveats | Col::Sources => Some(&wrap),
                Col::Diff if tr.diff_kind == table::DiffKind::Points => Some(&points),
                Col::Diff => Some(&ratio),
                Col::Value if !qualifier.is_empty() => bounded.get(qualifier),
                _ => None,
            };
            match cell {
                Flat::Num(v) => sh.number(
                    ws,
                    row,
                    col,
                    *v,
                    fmt.filter(|_| matches!(kind, Col::Diff | Col::Value)),
                )?,
                Flat::Text(s) if s.is_empty() => {}
                Flat::Text(s) => sh.text(ws, row, col, s, fmt)?,
            }
        }
    }

    // Targets: values as numbers with their units.
    let name = crate::words::TARGETS_2.get(l);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut sh = sheet!(name);
    let cols = [
        (crate::words::CLUSTER.get(l), 26.0),
        (crate::words::TARGET.get(l), 20.0),
        (crate::words::QUALIFIER.get(l), 8.0),
        (crate::words::TARGET_VALUE.get(l), 14.0),
        (crate::words::UNIT.get(l), 8.0),
        (crate::words::TARGET_YEAR.get(l), 10.0),
        (crate::words::LATEST_ACTUAL_TARGET_S_UNIT.get(l), 16.0),
        (crate::words::ACTUAL_AS_WRITTEN.get(l), 18.0),
        (crate::words::ACTUAL_YEAR.get(l), 10.0),
        (crate::words::PROGRESS.get(l), 10.0),
        (crate::words::GAP_TARGET_S_UNIT.get(l), 14.0),
        (crate::words::SCOPE_NOTE.get(l), 30.0),
        (crate::words::POLICY.get(l), 40.0),
        (crate::words::SOURCE_2.get(l), 60.0),
        (crate::words::ON_TRACK_GROWTH_NEEDED.get(l), 40.0),
    ]
    .map(|(h, w)| (h.to_owned(), w));
    sh.header(ws, &cols, &head)?;
    for (i, tr) in table::targets(d, cmp).iter().enumerate() {
        let row = i as u32 + 1;
        // Short names here; the Clusters sheet holds the full ones.
        sh.text(ws, row, 0, &table::short(&tr.cluster), None)?;
        sh.text(ws, row, 1, &tr.metric, None)?;
        sh.text(ws, row, 2, tr.qualifier, None)?;
        sh.number(ws, row, 3, tr.value, None)?;
        sh.text(ws, row, 4, &tr.unit, Some(&weak))?;
        match tr.year {
            Some(y) => sh.number(ws, row, 5, y.into(), Some(&Format::new()))?,
            None => sh.text(ws, row, 5, crate::words::NONE.get(l), None)?,
        }
        sh.opt_number(ws, row, 6, tr.actual, None)?;
        sh.text(ws, row, 7, &tr.actual_display, None)?;
        sh.text(ws, row, 8, &tr.actual_year, None)?;
        sh.opt_number(ws, row, 9, tr.progress, Some(&pct))?;
        sh.opt_number(ws, row, 10, tr.gap, None)?;
        sh.text(ws, row, 11, &tr.scope_note, Some(&wrap))?;
        sh.text(ws, row, 12, &tr.policy, Some(&wrap))?;
        sh.text(ws, row, 13, &tr.source, Some(&wrap))?;
        sh.text(ws, row, 14, &tr.on_track, Some(&wrap))?;
    }

    // Policies.
    let name = crate::words::POLICIES_2.get(l);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut sh = sheet!(name);
    let widths = [26.0, 40.0, 24.0, 8.0, 30.0, 40.0, 50.0, 50.0];
    let cols: Vec<(String, f64)> = table::policy_headers(l)
        .iter()
        .zip(widths)
        .map(|(h, w)| ((*h).to_owned(), w))
        .collect();
    sh.header(ws, &cols, &head)?;
    for (i, p) in table::policies(d, cmp).iter().enumerate() {
        let row = i as u32 + 1;
        sh.text(ws, row, 0, &table::short(&p.cluster), Some(&wrap))?;
        sh.text(ws, row, 1, &p.title, Some(&wrap))?;
        sh.text(ws, row, 2, &p.issuer, Some(&wrap))?;
        if let Some(y) = p.year {
            sh.number(ws, row, 3, y.into(), Some(&Format::new()))?;
        }
        sh.text(ws, row, 4, &p.categories, Some(&wrap))?;
        sh.text(ws, row, 5, &p.summary, Some(&wrap))?;
        sh.text(ws, row, 6, &p.document, Some(&wrap))?;
        sh.text(ws, row, 7, &p.quote, Some(&wrap))?;
    }

    // Series: every figure of every series, one row per year.
    let series = super::series::series_rows(d, cmp);
    if !series.is_empty() {
        let name = crate::words::SERIES.get(l);
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let mut sh = sheet!(name);
        let widths = [
            26.0, 16.0, 22.0, 8.0, 18.0, 14.0, 10.0, 8.0, 8.0, 26.0, 50.0, 50.0, 10.0,
        ];
        let cols: Vec<(String, f64)> = super::series::headers(l)
            .iter()
            .zip(widths)
            .map(|(h, w)| ((*h).to_owned(), w))
            .collect();
        sh.header(ws, &cols, &head)?;
        for (i, r) in series.iter().enumerate() {
            let row = i as u32 + 1;
            sh.text(ws, row, 0, &r.cluster, None)?;
            sh.text(ws, row, 1, &r.metric, None)?;
            sh.text(ws, row, 2, &r.definition, Some(&wrap))?;
            sh.text(ws, row, 3, &r.year_text, None)?;
            sh.text(ws, row, 4, &r.written, None)?;
            // A bound keeps its symbol with its number in the cell.
            if r.bound.is_empty() {
                sh.number(ws, row, 5, r.value, None)?;
            } else {
                let n = format::plain_number(format::round_sig(r.value));
                sh.text(ws, row, 5, &format!("{} {n}", r.bound), None)?;
            }
            sh.text(ws, row, 6, &r.unit, Some(&weak))?;
            sh.text(ws, row, 7, r.bound, None)?;
            sh.text(ws, row, 8, super::series::flag(r.forecast, l), None)?;
            sh.text(ws, row, 9, &r.growth, Some(&wrap))?;
            sh.text(ws, row, 10, &r.source, Some(&wrap))?;
            sh.text(ws, row, 11, &r.quote, Some(&wrap))?;
            sh.number(ws, row, 12, r.year.into(), Some(&Format::new()))?;
        }
    }

    // Clusters, by their full names, the baseline marked.
    let name = crate::words::CLUSTERS_2.get(l);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut sh = sheet!(name);
    let cols = [
        (crate::words::CLUSTER.get(l), 40.0),
        (crate::words::BASELINE_4.get(l), 10.0),
        (crate::words::INDUSTRY.get(l), 30.0),
        (crate::words::PROVINCES.get(l), 20.0),
        ("id", 30.0),
    ]
    .map(|(h, w)| (h.to_owned(), w));
    sh.header(ws, &cols, &head)?;
    for (i, col) in cmp.columns.iter().enumerate() {
        let row = i as u32 + 1;
        sh.text(ws, row, 0, &col.name, Some(&wrap))?;
        if cmp.baseline == Some(i) {
            sh.text(ws, row, 1, crate::words::BASELINE_3.get(l), None)?;
        }
        if let Some(c) = d.cluster(&col.id) {
            sh.text(ws, row, 2, c.industry.get(l), Some(&wrap))?;
            let provinces: Vec<&str> = c.provinces.iter().map(|p| p.get(l)).collect();
            sh.text(
                ws,
                row,
                3,
                &provinces.join(crate::words::LIST_COMMA.get(l)),
                Some(&wrap),
            )?;
        }
        sh.text(ws, row, 4, &col.id, None)?;
    }

    // Sources: what a reader can look up, not internal file names.
    let name = crate::words::SOURCES.get(l);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut sh = sheet!(name);
    let cols = [
        (crate::words::TITLE_2.get(l), 50.0),
        (crate::words::PUBLISHER.get(l), 26.0),
        (crate::words::AUTHOR.get(l), 26.0),
        (crate::words::DATE.get(l), 12.0),
        (crate::words::DATE_NOTE.get(l), 30.0),
    ]
    .map(|(h, w)| (h.to_owned(), w));
    sh.header(ws, &cols, &head)?;
    let mut row = 0u32;
    for id in &cmp.cited_sources {
        let Some(s) = d.source(id) else { continue };
        row += 1;
        sh.text(ws, row, 0, s.title.get(l), Some(&wrap))?;
        sh.text(ws, row, 1, s.publisher.get(l), None)?;
        sh.text(ws, row, 2, s.author.as_ref().map_or("", |a| a.get(l)), None)?;
        sh.text(ws, row, 3, &table::source_date(s, l), None)?;
        sh.text(
            ws,
            row,
            4,
            s.date_note.as_ref().map_or("", |n| n.get(l)),
            Some(&wrap),
        )?;
    }
    // How to cite the workbook, under its sources.
    sh.text(ws, row + 2, 0, &crate::markdown::cite_line(d, l), None)?;

    // Chart of the headline metric, from a small data block on its own sheet.
    if let Some(key) = cmp.default_chart_key()
        && let Some(r) = t.rows.iter().find(|r| r.key == key)
    {
        let name = crate::words::CHART.get(l);
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let mut sh = sheet!(name);
        let series = format!("{} ({})", table::short(&r.metric), r.unit);
        let cols = [
            (crate::words::CLUSTER.get(l).to_owned(), 30.0),
            (series.clone(), 18.0),
        ];
        sh.header(ws, &cols, &head)?;
        let mut n = 0u32;
        for (i, cell) in r.cells.iter().enumerate() {
            let Some(v) = cell
                .as_ref()
                .and_then(|c| c.value)
                .filter(|v| v.is_finite())
            else {
                continue;
            };
            n += 1;
            sh.text(ws, n, 0, &table::short(&t.clusters[i]), None)?;
            sh.number(ws, n, 1, v, None)?;
        }
        if n > 0 {
            let mut chart = Chart::new(ChartType::Column);
            chart
                .add_series()
                .set_categories((name, 1, 0, n, 0))
                .set_values((name, 1, 1, n, 1))
                .set_name(series.as_str());
            chart.title().set_name(&series);
            chart.legend().set_hidden();
            chart.set_width(640).set_height(360);
            ws.insert_chart(1, 3, &chart)?;
            // The chart's comparability warnings, under its data.
            for (k, c) in r.caveats.iter().enumerate() {
                sh.text(ws, n + 2 + k as u32, 0, &format!("⚠ {c}"), None)?;
            }
        }
    }

    // Notes: every cell that had to be shortened.
    if !notes.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name(crate::words::NOTES_2.get(l))?;
        ws.write_string_with_format(0, 0, crate::words::CELLS_SHORTENED.get(l), &head)?;
        ws.set_column_width(0, 100.0)?;
        print_setup(ws, &title, &[100.0], 0)?;
        for (i, n) in notes.iter().enumerate() {
            ws.write_string(i as u32 + 1, 0, n)?;
        }
    }
    Ok((wb.save_to_buffer()?, notes))
}
