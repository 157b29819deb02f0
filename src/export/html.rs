//! Markdown and a self-contained HTML page (inline CSS, an inline SVG chart,
//! no outside requests), from the same table as the other formats.

use super::{Table, table};
use crate::compare::Comparison;
use crate::model::{Dataset, Lang};

fn cell_text(c: &Option<super::TableCell>) -> String {
    match c {
        None => "—".to_owned(),
        Some(c) => {
            let mut s = format!("{} ({})", c.display, c.year);
            if let Some(b) = &c.vs_baseline {
                s.push_str(&format!(" {b}"));
            }
            s
        }
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn title(cmp: &Comparison) -> String {
    let names: Vec<&str> = cmp.columns.iter().map(|c| c.name.as_str()).collect();
    names.join(" · ")
}

fn source_line(d: &Dataset, id: &str, l: Lang) -> Option<String> {
    let s = d.source(id)?;
    let author = s
        .author
        .as_ref()
        .map_or(String::new(), |a| format!(", {}", a.get(l)));
    let approx = if s.date_approximate {
        l.pick("（推定）", " (inferred)")
    } else {
        ""
    };
    Some(format!(
        "{} — {}{author}, {}{approx}",
        s.title.get(l),
        s.publisher.get(l),
        s.date
    ))
}

pub fn markdown(d: &Dataset, cmp: &Comparison) -> String {
    let l = cmp.lang;
    let t: Table = table(d, cmp);
    let mut out = format!(
        "# {}\n\n{}\n\n",
        title(cmp),
        l.pick(
            "先进制造业集群对比",
            "Advanced manufacturing clusters compared"
        )
    );
    out.push_str(&format!(
        "| {} | {} |",
        l.pick("指标", "Metric"),
        l.pick("单位", "Unit")
    ));
    for c in &t.clusters {
        out.push_str(&format!(" {} |", md_escape(c)));
    }
    out.push_str(&format!(" {} |\n|---|---|", l.pick("提示", "Notes")));
    for _ in &t.clusters {
        out.push_str("---:|");
    }
    out.push_str("---|\n");
    for r in &t.rows {
        out.push_str(&format!(
            "| {} | {} |",
            md_escape(&r.metric),
            md_escape(&r.unit)
        ));
        for c in &r.cells {
            out.push_str(&format!(" {} |", md_escape(&cell_text(c))));
        }
        out.push_str(&format!(" {} |\n", md_escape(&r.caveats.join("; "))));
    }
    let targets: Vec<_> = cmp
        .columns
        .iter()
        .flat_map(|c| c.targets.iter().map(move |t| (c, t)))
        .collect();
    if !targets.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---|\n",
            l.pick("政策目标", "Targets"),
            l.pick("集群", "Cluster"),
            l.pick("目标", "Target"),
            l.pick("目标值", "Target value"),
            l.pick("最新现值", "Latest actual"),
            l.pick("完成度", "Progress"),
            l.pick("说明", "Note"),
        ));
        for (c, tp) in targets {
            let year = tp.year.map_or(String::new(), |y| format!(" ({y})"));
            let actual = tp
                .actual
                .as_ref()
                .map_or("—".into(), |a| format!("{} ({})", a.written, a.year));
            let progress = tp
                .fraction
                .map_or("—".into(), |f| crate::format::progress(f, l));
            out.push_str(&format!(
                "| {} | {} | {}{year} | {} | {} | {} |\n",
                md_escape(&c.name),
                md_escape(&tp.name),
                md_escape(&tp.display),
                md_escape(&actual),
                progress,
                md_escape(tp.scope_note.as_deref().unwrap_or(""))
            ));
        }
    }
    out.push_str(&format!("\n## {}\n\n", l.pick("来源", "Sources")));
    for id in &cmp.cited_sources {
        if let Some(s) = source_line(d, id, l) {
            out.push_str(&format!("- `{id}` {s}\n"));
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const COLORS: [&str; 6] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#565656",
];

/// An SVG bar chart of the headline row.
fn svg_chart(t: &Table, key: &str) -> String {
    let Some(r) = t.rows.iter().find(|r| r.key == key) else {
        return String::new();
    };
    let vals: Vec<Option<f64>> = r
        .cells
        .iter()
        .map(|c| c.as_ref().and_then(|c| c.value))
        .collect();
    let max = vals.iter().flatten().fold(0.0f64, |a, &b| a.max(b));
    if max <= 0.0 {
        return String::new();
    }
    let (w, h, top, bottom) = (160.0 * vals.len() as f64 + 60.0, 300.0, 40.0, 60.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">",
        esc(&format!("{} ({})", r.metric, r.unit))
    );
    s.push_str(&format!(
        "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{} ({})</text>",
        esc(&r.metric),
        esc(&r.unit)
    ));
    let base = h - bottom;
    s.push_str(&format!(
        "<line x1=\"40\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#999\"/>",
        w - 10.0
    ));
    for (i, (v, name)) in vals.iter().zip(&t.clusters).enumerate() {
        let x = 60.0 + 160.0 * i as f64;
        if let (Some(v), Some(c)) = (v, &r.cells[i]) {
            let bh = (h - top - bottom) * v / max;
            s.push_str(&format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"100\" height=\"{bh}\" fill=\"{}\"><title>{}</title></rect>",
                base - bh,
                COLORS[i % 6],
                esc(&format!("{name}: {} ({})", c.written, c.year))
            ));
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
                x + 50.0,
                base - bh - 6.0,
                esc(&c.display)
            ));
        }
        let short: String = name.chars().take(12).collect();
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
            x + 50.0,
            base + 18.0,
            esc(&short)
        ));
    }
    s.push_str("</svg>");
    s
}

pub fn html(d: &Dataset, cmp: &Comparison) -> String {
    let l = cmp.lang;
    let t = table(d, cmp);
    let mut body = String::new();
    body.push_str(&format!(
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        esc(&title(cmp)),
        l.pick(
            "先进制造业集群对比",
            "Advanced manufacturing clusters compared"
        )
    ));
    if let Some(key) = cmp.default_chart_key() {
        // The chart carries its comparability warnings, as in the app.
        let caveats = t
            .rows
            .iter()
            .find(|r| r.key == key)
            .map(|r| {
                r.caveats
                    .iter()
                    .map(|c| format!("⚠ {}", esc(c)))
                    .collect::<Vec<_>>()
                    .join("<br>")
            })
            .unwrap_or_default();
        body.push_str(&format!(
            "<figure>{}<figcaption class=\"warn\">{caveats}</figcaption></figure>",
            svg_chart(&t, key)
        ));
    }
    body.push_str(&format!(
        "<table><thead><tr><th>{}</th><th>{}</th>",
        l.pick("指标", "Metric"),
        l.pick("单位", "Unit")
    ));
    for c in &t.clusters {
        body.push_str(&format!("<th>{}</th>", esc(c)));
    }
    body.push_str(&format!(
        "<th>{}</th></tr></thead><tbody>",
        l.pick("提示", "Notes")
    ));
    for r in &t.rows {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td>",
            esc(&r.metric),
            esc(&r.unit)
        ));
        for c in &r.cells {
            let title = c.as_ref().map_or(String::new(), |c| esc(&c.written));
            body.push_str(&format!(
                "<td class=\"num\" title=\"{title}\">{}</td>",
                esc(&cell_text(c))
            ));
        }
        body.push_str(&format!(
            "<td class=\"warn\">{}</td></tr>",
            esc(&r.caveats.join("; "))
        ));
    }
    body.push_str("</tbody></table>");
    body.push_str(&format!("<h2>{}</h2><ul>", l.pick("来源", "Sources")));
    for id in &cmp.cited_sources {
        if let Some(s) = source_line(d, id, l) {
            body.push_str(&format!("<li><code>{}</code> {}</li>", esc(id), esc(&s)));
        }
    }
    body.push_str("</ul>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
body{{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#1d232b}}\
.sub{{color:#5a6470}}table{{border-collapse:collapse;margin:1em 0}}th,td{{border:1px solid #d5dbe3;padding:6px 10px;vertical-align:top}}\
th{{background:#dce6f2;text-align:left}}td.num{{text-align:right;white-space:nowrap}}td.warn,.warn{{color:#b56a00;font-size:0.9em}}\
</style></head><body>{body}</body></html>\n",
        l.code(),
        esc(&title(cmp))
    )
}
