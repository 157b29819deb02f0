//! XLSX (rust_xlsxwriter): a Comparison sheet (frozen header, widths, number
//! formats, qualifier and year visible), a Targets sheet with progress, a
//! Sources sheet, and a native chart of the headline metric.

use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet};

use super::{ExportError, round_sig, table};
use crate::compare::Comparison;
use crate::model::Dataset;

pub fn xlsx_bytes(d: &Dataset, cmp: &Comparison) -> Result<Vec<u8>, ExportError> {
    let l = cmp.lang;
    let t = table(d, cmp);
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color("DCE6F2")
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let num = Format::new().set_num_format("#,##0.###");
    let pct = Format::new().set_num_format("0%");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let weak = Format::new().set_font_color("5A6470");

    // Comparison.
    let ws = wb.add_worksheet();
    ws.set_name(l.pick("对比", "Comparison"))?;
    let mut col = 0u16;
    let mut header = |ws: &mut Worksheet, text: &str, width: f64| -> Result<(), ExportError> {
        ws.write_with_format(0, col, text, &head)?;
        ws.set_column_width(col, width)?;
        col += 1;
        Ok(())
    };
    header(ws, l.pick("指标", "Metric"), 22.0)?;
    header(ws, l.pick("单位", "Unit"), 10.0)?;
    for c in &t.clusters {
        header(ws, c, 16.0)?;
        header(
            ws,
            &format!("{c} · {}", l.pick("限定/年份/口径", "qualifier/year/scope")),
            26.0,
        )?;
    }
    header(ws, l.pick("可比性提示", "Comparability"), 36.0)?;
    header(ws, l.pick("来源", "Sources"), 60.0)?;
    ws.set_freeze_panes(1, 2)?;
    ws.set_row_height(0, 32.0)?;
    for (i, r) in t.rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write(row, 0, &r.metric)?;
        ws.write_with_format(row, 1, &r.unit, &weak)?;
        for (j, c) in r.cells.iter().enumerate() {
            let cc = 2 + 2 * j as u16;
            let Some(c) = c else { continue };
            match c.value {
                Some(v) => ws.write_with_format(row, cc, round_sig(v), &num)?,
                None => ws.write(row, cc, &c.written)?,
            };
            let mut note = c.note();
            if let Some(b) = &c.vs_baseline {
                note = format!("{note} · {} {b}", l.pick("对比基准", "vs baseline"));
            }
            ws.write_with_format(row, cc + 1, note, &wrap)?;
        }
        let base = 2 + 2 * t.clusters.len() as u16;
        ws.write_with_format(row, base, r.caveats.join("\n"), &wrap)?;
        ws.write_with_format(row, base + 1, r.sources.join("\n"), &wrap)?;
    }

    // Targets.
    let ws = wb.add_worksheet();
    ws.set_name(l.pick("目标", "Targets"))?;
    let heads = [
        (l.pick("集群", "Cluster"), 26.0),
        (l.pick("目标", "Target"), 20.0),
        (l.pick("目标值", "Target value"), 18.0),
        (l.pick("目标年份", "Target year"), 10.0),
        (l.pick("最新现值", "Latest actual"), 18.0),
        (l.pick("现值年份", "Actual year"), 10.0),
        (l.pick("完成度", "Progress"), 10.0),
        (l.pick("差距", "Gap"), 16.0),
        (l.pick("口径说明", "Scope note"), 30.0),
        (l.pick("政策文件", "Policy"), 40.0),
        (l.pick("来源原文", "Source phrase"), 50.0),
    ];
    for (i, (h, w)) in heads.iter().enumerate() {
        ws.write_with_format(0, i as u16, *h, &head)?;
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for col in &cmp.columns {
        for tp in &col.targets {
            ws.write(row, 0, &col.name)?;
            ws.write(row, 1, &tp.name)?;
            ws.write(row, 2, &tp.display)?;
            match tp.year {
                Some(y) => ws.write(row, 3, y)?,
                None => ws.write(row, 3, l.pick("未定", "none"))?,
            };
            if let Some(a) = &tp.actual {
                ws.write(row, 4, &a.written)?;
                ws.write(row, 5, &a.year)?;
            }
            if let Some(f) = tp.fraction {
                ws.write_with_format(row, 6, round_sig(f), &pct)?;
            }
            if let Some(g) = &tp.gap {
                ws.write(row, 7, g)?;
            }
            if let Some(s) = &tp.scope_note {
                ws.write_with_format(row, 8, s, &wrap)?;
            }
            if let Some(p) = &tp.policy_title {
                ws.write_with_format(row, 9, p, &wrap)?;
            }
            let src = d
                .source(&tp.target.source.source)
                .map_or(String::new(), |s| {
                    format!("{} {}: ", s.publisher.get(l), s.date)
                });
            ws.write_with_format(row, 10, format!("{src}“{}”", tp.target.source.quote), &wrap)?;
            row += 1;
        }
    }

    // Sources.
    let ws = wb.add_worksheet();
    ws.set_name(l.pick("来源", "Sources"))?;
    for (i, (h, w)) in [
        ("id", 10.0),
        (l.pick("标题", "Title"), 50.0),
        (l.pick("发布者", "Publisher"), 26.0),
        (l.pick("作者", "Author"), 26.0),
        (l.pick("日期", "Date"), 12.0),
        (l.pick("文件", "File"), 28.0),
    ]
    .iter()
    .enumerate()
    {
        ws.write_with_format(0, i as u16, *h, &head)?;
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, id) in cmp.cited_sources.iter().enumerate() {
        let Some(s) = d.source(id) else { continue };
        let r = i as u32 + 1;
        ws.write(r, 0, &s.id)?;
        ws.write_with_format(r, 1, s.title.get(l), &wrap)?;
        ws.write(r, 2, s.publisher.get(l))?;
        ws.write(r, 3, s.author.as_ref().map_or("", |a| a.get(l)))?;
        let date = if s.date_approximate {
            format!("{} ({})", s.date, l.pick("推定", "inferred"))
        } else {
            s.date.clone()
        };
        ws.write(r, 4, date)?;
        ws.write(r, 5, s.file.as_deref().unwrap_or(""))?;
    }

    // Chart of the headline metric, from a small data block on its own sheet.
    if let Some(key) = cmp.default_chart_key()
        && let Some(r) = t.rows.iter().find(|r| r.key == key)
    {
        let name = l.pick("图表", "Chart");
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.write_with_format(0, 0, l.pick("集群", "Cluster"), &head)?;
        ws.write_with_format(0, 1, format!("{} ({})", r.metric, r.unit), &head)?;
        ws.set_column_width(0, 30.0)?;
        ws.set_column_width(1, 18.0)?;
        let mut n = 0u32;
        for (c, cell) in t.clusters.iter().zip(&r.cells) {
            let Some(v) = cell.as_ref().and_then(|c| c.value) else {
                continue;
            };
            n += 1;
            ws.write(n, 0, c)?;
            ws.write_with_format(n, 1, round_sig(v), &num)?;
        }
        if n > 0 {
            let mut chart = Chart::new(ChartType::Column);
            chart
                .add_series()
                .set_categories((name, 1, 0, n, 0))
                .set_values((name, 1, 1, n, 1))
                .set_name(format!("{} ({})", r.metric, r.unit).as_str());
            chart
                .title()
                .set_name(&format!("{} ({})", r.metric, r.unit));
            chart.legend().set_hidden();
            chart.set_width(640).set_height(360);
            ws.insert_chart(1, 3, &chart)?;
            // The chart's comparability warnings, under its data.
            for (k, c) in r.caveats.iter().enumerate() {
                ws.write(n + 2 + k as u32, 0, format!("⚠ {c}"))?;
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}
