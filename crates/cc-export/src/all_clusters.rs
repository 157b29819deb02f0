//! The table of every cluster ([`cc_core::table::ClusterTable`]) as CSV, XLSX or
//! Markdown: what `cluster-compare table` writes. One row per cluster; per
//! headline metric a number in the column's display unit, a note (qualifier,
//! year, definition) and the source with the phrase as written.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::safe::{self, md, md_cell};
use super::{ExportError, round_sig, write_atomic};
use cc_core::filter::Filters;
use cc_core::table::{self, ClusterTable, Row, Sort, SortKey};
use cc_data::model::{Dataset, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
    Md,
}

impl TableFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
            TableFormat::Md => "md",
        }
    }
}

/// What to write: the language, the order and which clusters.
#[derive(Clone, Debug, Default)]
pub struct TableRequest {
    pub lang: Lang,
    pub sort: Option<Sort>,
    pub filters: Filters,
}

/// The bytes of the table of every cluster that passes the filters.
pub fn render(d: &Dataset, req: &TableRequest, fmt: TableFormat) -> Result<Vec<u8>, ExportError> {
    let t = ClusterTable::build(d, req.lang);
    let rows = t.view(d, &req.filters, req.sort.as_ref());
    match fmt {
        TableFormat::Csv => csv_bytes(d, &t, &rows),
        TableFormat::Xlsx => xlsx_bytes(d, &t, &rows),
        TableFormat::Md => Ok(markdown(d, &t, &rows).into_bytes()),
    }
}

/// Writes the table to `out` atomically, or to standard output for `-` (text formats).
pub fn write(
    d: &Dataset,
    req: &TableRequest,
    fmt: TableFormat,
    out: &Path,
) -> Result<(), ExportError> {
    let stdout = out.as_os_str() == "-";
    if stdout && fmt == TableFormat::Xlsx {
        return Err(ExportError::BinaryToStdout("xlsx"));
    }
    let bytes = render(d, req, fmt)?;
    if stdout {
        let mut o = std::io::stdout().lock();
        return o
            .write_all(&bytes)
            .and_then(|_| o.flush())
            .map_err(|e| ExportError::Write {
                path: "standard output".into(),
                source: e,
            });
    }
    write_atomic(out, &bytes)
}

/// A text cell for CSV, neutralised as every other CSV the app writes.
fn csv_text(s: &str) -> String {
    safe::csv_text(s).into_owned()
}

/// A text cell for XLSX: shortened to Excel's cell limit with a visible marker.
fn xlsx_text(s: &str, l: Lang) -> Cow<'_, str> {
    super::xlsx::fit_cell(s, l).map_or(Cow::Borrowed(s), Cow::Owned)
}

fn header(t: &ClusterTable) -> Vec<String> {
    let l = t.lang;
    let mut h = vec!["id".to_owned()];
    h.extend(
        SortKey::FIXED
            .iter()
            .map(|k| table::fixed_header(k, l).to_owned()),
    );
    for c in &t.columns {
        h.push(c.header(l));
        h.push(format!(
            "{} · {}",
            c.name,
            crate::words::QUALIFIER_YEAR_SCOPE.get(l)
        ));
        h.push(format!("{} · {}", c.name, crate::words::SOURCE.get(l)));
    }
    for g in &t.growth {
        h.push(g.header(l));
        h.push(format!(
            "{} · {}",
            g.header(l),
            crate::words::YEARS_DEFINITION.get(l)
        ));
    }
    h
}

/// The header of the last column where the data is laid over the register
/// by the user's file: whose each row is.
fn whose_header(d: &Dataset, l: Lang) -> Option<&'static str> {
    d.yours.as_ref().map(|_| crate::words::WHOSE.get(l))
}

/// `你的数据` / `Your data`, `含你的数据` / `With your data`, or `名录` /
/// `Register`.
fn whose(d: &Dataset, id: &str, l: Lang) -> &'static str {
    d.yours_in(id).map_or(crate::words::REGISTER.get(l), |w| {
        cc_data::yours::label(l, w)
    })
}

/// The fixed cells of a row, as text.
fn fixed(r: &Row) -> [String; 7] {
    [
        r.id.clone(),
        r.name.clone(),
        r.level_name.to_owned(),
        r.provinces.clone(),
        r.industry.clone(),
        r.designated_text.clone(),
        r.figures.to_string(),
    ]
}

fn csv_bytes(d: &Dataset, t: &ClusterTable, rows: &[usize]) -> Result<Vec<u8>, ExportError> {
    // UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut h = header(t);
        h.extend(whose_header(d, t.lang).map(str::to_owned));
        w.write_record(h.iter().map(|h| csv_text(h)))?;
        let mut rec: Vec<String> = Vec::new();
        for &i in rows {
            let r = &t.rows[i];
            rec.clear();
            rec.extend(fixed(r).iter().map(|s| csv_text(s)));
            for v in &r.values {
                match v {
                    Some(v) => {
                        rec.push(match v.number {
                            Some(n) => cc_core::format::plain_number(n),
                            None => csv_text(&v.text),
                        });
                        rec.push(csv_text(&note(v)));
                        rec.push(
                            table::citation(d, r, v)
                                .map(|c| csv_text(&table::source_text(d, c, t.lang)))
                                .unwrap_or_default(),
                        );
                    }
                    None => rec.extend([String::new(), String::new(), String::new()]),
                }
            }
            for g in &r.growth {
                match g {
                    Some(g) => {
                        // A bound keeps its symbol with its number.
                        rec.push(match g.plain_number() {
                            Some(n) => cc_core::format::plain_number(n),
                            None => csv_text(&g.text),
                        });
                        rec.push(csv_text(&g.note));
                    }
                    None => rec.extend([String::new(), String::new()]),
                }
            }
            if d.yours.is_some() {
                rec.push(whose(d, &r.id, t.lang).to_owned());
            }
            w.write_record(&rec)?;
        }
        w.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

/// The qualifier symbol first (so a bound is marked beside its number), then the note.
fn note(v: &table::Value) -> String {
    let sym = cc_core::format::qualifier_symbol(v.qualifier);
    if sym.is_empty() {
        v.note.clone()
    } else {
        format!("{sym} · {}", v.note)
    }
}

fn xlsx_bytes(d: &Dataset, t: &ClusterTable, rows: &[usize]) -> Result<Vec<u8>, ExportError> {
    let l = t.lang;
    let mut wb = Workbook::new();
    let head = super::xlsx::header_format();
    let num = super::xlsx::number_format();
    let weak = Format::new().set_font_color("5A6470");
    let pct1 = Format::new().set_num_format("0.0");
    let ws = wb.add_worksheet();
    ws.set_name(crate::words::CLUSTERS.get(l))?;
    let widths = [28.0, 30.0, 10.0, 14.0, 20.0, 10.0, 9.0];
    let mut h = header(t);
    let growth_from = widths.len() + 3 * t.columns.len();
    let mut all_widths = Vec::with_capacity(h.len());
    let whose_col = whose_header(d, l).map(|w| {
        h.push(w.to_owned());
        (h.len() - 1) as u16
    });
    for (c, text) in h.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, xlsx_text(text, l), &head)?;
        let w = match c as usize {
            i if i < widths.len() => widths[i],
            i if i >= growth_from && (i - growth_from).is_multiple_of(2) => 12.0,
            i if i >= growth_from => 30.0,
            i if (i - widths.len()) % 3 == 0 => 14.0,
            i if (i - widths.len()) % 3 == 1 => 24.0,
            _ => 40.0,
        };
        ws.set_column_width(c, w)?;
        all_widths.push(w);
    }
    if let Some(c) = whose_col {
        ws.set_column_width(c, 14.0)?;
        all_widths[c as usize] = 14.0;
    }
    ws.set_row_height(0, 32.0)?;
    ws.set_freeze_panes(1, 2)?;
    for (k, &i) in rows.iter().enumerate() {
        let row = k as u32 + 1;
        let r = &t.rows[i];
        for (c, s) in fixed(r).iter().enumerate() {
            match c {
                0 => ws.write_string_with_format(row, 0, xlsx_text(s, l), &weak)?,
                5 => match r.designated {
                    Some(y) if !s.is_empty() && s == &y.to_string() => ws.write(row, 5, y)?,
                    _ => ws.write_string(row, 5, xlsx_text(s, l))?,
                },
                6 => ws.write(row, 6, r.figures as u32)?,
                _ => ws.write_string(row, c as u16, xlsx_text(s, l))?,
            };
        }
        for (j, v) in r.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let c = 7 + 3 * j as u16;
            match v.number {
                Some(n) if n.is_finite() => ws.write_with_format(row, c, round_sig(n), &num)?,
                _ => ws.write_string(row, c, xlsx_text(&v.text, l))?,
            };
            ws.write_string(row, c + 1, xlsx_text(&note(v), l))?;
            if let Some(cite) = table::citation(d, r, v) {
                ws.write_string(row, c + 2, xlsx_text(&table::source_text(d, cite, l), l))?;
            }
        }
        for (j, g) in r.growth.iter().enumerate() {
            let Some(g) = g else { continue };
            let c = (growth_from + 2 * j) as u16;
            match g.plain_number() {
                Some(n) => ws.write_with_format(row, c, round_sig(n), &pct1)?,
                // A bound keeps its symbol with its number in the cell.
                _ => ws.write_string(row, c, xlsx_text(&g.text, l))?,
            };
            ws.write_string(row, c + 1, xlsx_text(&g.note, l))?;
        }
        if let Some(c) = whose_col {
            ws.write_string(row, c, whose(d, &r.id, l))?;
        }
    }
    let last_col = h.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, rows.len() as u32, last_col)?;
    // The cluster's id and name on every page across.
    super::xlsx::print_setup(ws, d.title.get(l), &all_widths, 2)?;
    Ok(wb.save_to_buffer()?)
}

fn markdown(d: &Dataset, t: &ClusterTable, rows: &[usize]) -> String {
    let l = t.lang;
    let mut out = String::new();
    let title = if d.title.is_empty() {
        crate::words::ALL_CLUSTERS.get(l).to_owned()
    } else {
        d.title.get(l).to_owned()
    };
    out.push_str(&format!("# {}\n\n", md(&title)));
    out.push_str(&format!(
        "{} / {}. {}\n\n",
        cc_core::format::count(rows.len(), l, "个集群", "cluster", "clusters"),
        t.rows.len(),
        crate::words::EACH_VALUE_IS_THE_LATEST_CLUSTER.get(l)
    ));
    for c in t.columns.iter().filter(|c| c.mixed_definitions) {
        if let Some(w) = c.caveat(l) {
            out.push_str(&format!("⚠ {}: {}\n\n", md(&c.name), w));
        }
    }
    let mut head: Vec<String> = SortKey::FIXED
        .iter()
        .map(|k| table::fixed_header(k, l).to_owned())
        .collect();
    head.extend(t.columns.iter().map(|c| {
        if c.mixed_definitions {
            format!("{} ⚠", c.header(l))
        } else {
            c.header(l)
        }
    }));
    head.extend(t.growth.iter().map(|g| g.header(l)));
    head.extend(whose_header(d, l).map(str::to_owned));
    out.push_str(&format!(
        "| {} |\n",
        head.iter()
            .map(|h| md_cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let align: Vec<&str> = (0..head.len())
        .map(|i| if i >= 4 { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("|{}|\n", align.join("|")));
    let mut cited = std::collections::BTreeSet::new();
    for &i in rows {
        let r = &t.rows[i];
        let mut cells: Vec<String> = fixed(r)[1..].iter().map(|s| md_cell(s)).collect();
        for v in &r.values {
            cells.push(match v {
                Some(v) => {
                    if let Some(c) = table::citation(d, r, v) {
                        cited.insert(c.source.clone());
                    }
                    md_cell(&format!("{} ({})", v.text, v.year))
                }
                None => "—".to_owned(),
            });
        }
        for g in &r.growth {
            cells.push(g.as_ref().map_or("—".to_owned(), |g| md_cell(&g.note)));
        }
        if d.yours.is_some() {
            cells.push(whose(d, &r.id, l).to_owned());
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if !cited.is_empty() {
        out.push_str(&format!("\n## {}\n\n", crate::words::SOURCES.get(l)));
        for s in d.sources.iter().filter(|s| cited.contains(&s.id)) {
            out.push_str(&format!(
                "- {} — {}, {}{}\n",
                md(s.title.get(l)),
                md(s.publisher.get(l)),
                md(&s.date),
                if s.date_approximate {
                    crate::words::INFERRED.get(l)
                } else {
                    ""
                }
            ));
        }
    }
    out
}

#[cfg(test)]
#[path = "all_clusters_tests.rs"]
mod tests;
