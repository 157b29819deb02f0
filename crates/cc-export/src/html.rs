//! A self-contained HTML page (inline CSS, an inline SVG chart, no outside
//! requests): the comparison, targets, policies and sources. User text is
//! escaped and isolated in `<bdi>` ([`safe::html_bdi`]); attribute values are
//! escaped ([`safe::html`]).

use super::safe::{html as esc, html_bdi as bdi};
use super::table::{self, Table};
use cc_core::compare::Comparison;
use cc_core::format;
use cc_data::model::Dataset;

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
        esc(&format!("{} ({})", table::short(&r.metric), r.unit))
    );
    s.push_str(&format!(
        "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{} ({})</text>",
        esc(&table::short(&r.metric)),
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
                cc_core::tokens::LIGHT.series[i % 6].hex(),
                esc(&format!("{name}: {} ({})", c.written, c.year))
            ));
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
                x + 50.0,
                base - bh - 6.0,
                esc(&c.display)
            ));
        }
        let short = format::shorten(name, 12);
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

/// A table with a header row; `cells` are already escaped.
fn html_table(head: &[String], rows: &[Vec<(String, &str)>]) -> String {
    let mut out = String::from("<table><thead><tr>");
    for h in head {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for (c, class) in r {
            if class.is_empty() {
                out.push_str(&format!("<td>{c}</td>"));
            } else {
                out.push_str(&format!("<td class=\"{class}\">{c}</td>"));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

pub fn html(d: &Dataset, cmp: &Comparison) -> String {
    let l = cmp.lang;
    let t = table::table(d, cmp);
    let title = t.title();
    let mut body = String::new();
    body.push_str(&format!(
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        bdi(&title),
        crate::words::ADVANCED_MANUFACTURING_CLUSTERS_COMPARED.get(l)
    ));
    if let Some(b) = t.baseline_name() {
        body.push_str(&format!(
            "<p>{}<strong title=\"{}\">{}</strong></p>",
            crate::words::BASELINE.get(l),
            esc(b),
            bdi(&table::short(b))
        ));
    }
    if let Some(key) = cmp.default_chart_key() {
        // The chart carries its comparability warnings, as in the app.
        let caveats = t
            .rows
            .iter()
            .find(|r| r.key == key)
            .map(|r| {
                r.caveats
                    .iter()
                    .map(|c| format!("⚠ {}", bdi(c)))
                    .collect::<Vec<_>>()
                    .join("<br>")
            })
            .unwrap_or_default();
        body.push_str(&format!(
            "<figure>{}<figcaption class=\"warn\">{caveats}</figcaption></figure>",
            svg_chart(&t, key)
        ));
    }

    // The comparison; headers hold the full names on hover.
    body.push_str(&format!(
        "<table><thead><tr><th>{}</th><th class=\"unit\">{}</th>",
        crate::words::METRIC.get(l),
        crate::words::UNIT.get(l)
    ));
    for (i, c) in t.clusters.iter().enumerate() {
        body.push_str(&format!(
            "<th title=\"{}\">{}</th>",
            esc(c),
            bdi(&t.header(i))
        ));
    }
    body.push_str(&format!(
        "<th>{}</th></tr></thead><tbody>",
        crate::words::NOTES.get(l)
    ));
    for r in &t.rows {
        body.push_str(&format!(
            "<tr><td>{}</td><td class=\"unit\">{}</td>",
            bdi(&r.metric),
            bdi(&r.unit)
        ));
        for c in &r.cells {
            let title = c.as_ref().map_or(String::new(), |c| esc(&c.written));
            // The unit is in its own column; the cell holds the number
            // with its bound, as a reader copies it.
            body.push_str(&format!(
                "<td class=\"num\" title=\"{title}\">{}</td>",
                bdi(&t.cell_number_text(c))
            ));
        }
        body.push_str(&format!(
            "<td class=\"warn\">{}</td></tr>",
            bdi(&r.caveats.join("; "))
        ));
    }
    body.push_str("</tbody></table>");

    // Targets, as in the Markdown and the XLSX.
    let targets = table::targets(d, cmp);
    if !targets.is_empty() {
        body.push_str(&format!("<h2>{}</h2>", crate::words::TARGETS.get(l)));
        let head = [
            crate::words::CLUSTER.get(l),
            crate::words::TARGET.get(l),
            crate::words::TARGET_VALUE.get(l),
            crate::words::LATEST_ACTUAL.get(l),
            crate::words::PROGRESS.get(l),
            crate::words::NOTE.get(l),
        ]
        .map(str::to_owned);
        let rows: Vec<Vec<(String, &str)>> = targets
            .iter()
            .map(|tr| {
                let year = tr.year.map_or(String::new(), |y| format!(" ({y})"));
                let actual = if tr.actual_display.is_empty() {
                    "—".to_owned()
                } else {
                    format!("{} ({})", tr.actual_display, tr.actual_year)
                };
                vec![
                    (bdi(&table::short(&tr.cluster)), ""),
                    (bdi(&tr.metric), ""),
                    (bdi(&format!("{}{year}", tr.display)), "num"),
                    (bdi(&actual), "num"),
                    (
                        tr.progress.map_or("—".into(), |f| format::progress(f, l)),
                        "num",
                    ),
                    (
                        [tr.scope_note.as_str(), tr.on_track.as_str()]
                            .iter()
                            .filter(|s| !s.is_empty())
                            .map(|s| bdi(s))
                            .collect::<Vec<_>>()
                            .join("<br>"),
                        "warn",
                    ),
                ]
            })
            .collect();
        body.push_str(&html_table(&head, &rows));
    }

    // Figures over the years, as in the Markdown and the XLSX.
    let series = crate::series::series_rows(d, cmp);
    if !series.is_empty() {
        body.push_str(&format!("<h2>{}</h2>", crate::words::OVER_THE_YEARS.get(l)));
        let h = crate::series::headers(l);
        let head = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[8], h[9], h[10]].map(esc);
        let rows: Vec<Vec<(String, &str)>> = series
            .iter()
            .map(|r| {
                let n = format::number(r.value, l);
                let number = if r.bound.is_empty() {
                    n
                } else {
                    format!("{} {n}", r.bound)
                };
                vec![
                    (bdi(&r.cluster), ""),
                    (bdi(&r.metric), ""),
                    (bdi(&r.definition), ""),
                    (bdi(&r.year_text), "num"),
                    (bdi(&r.written), "num"),
                    (bdi(&number), "num"),
                    (bdi(&r.unit), "unit"),
                    (esc(crate::series::flag(r.forecast, l)), ""),
                    (bdi(&r.growth), ""),
                    (format!("{}: “{}”", bdi(&r.source), bdi(&r.quote)), ""),
                ]
            })
            .collect();
        body.push_str(&html_table(&head, &rows));
    }

    // Policies.
    let policies = table::policies(d, cmp);
    if !policies.is_empty() {
        body.push_str(&format!("<h2>{}</h2>", crate::words::POLICIES.get(l)));
        let h = table::policy_headers(l);
        let head = [
            h[0],
            h[1],
            h[2],
            h[3],
            h[4],
            h[5],
            crate::words::SOURCE_2.get(l),
        ]
        .map(str::to_owned);
        let rows: Vec<Vec<(String, &str)>> = policies
            .iter()
            .map(|p| {
                vec![
                    (bdi(&table::short(&p.cluster)), ""),
                    (bdi(&p.title), ""),
                    (bdi(&p.issuer), ""),
                    (p.year.map_or(String::new(), |y| y.to_string()), "num"),
                    (bdi(&p.categories), ""),
                    (bdi(&p.summary), ""),
                    (format!("{}: “{}”", bdi(&p.document), bdi(&p.quote)), ""),
                ]
            })
            .collect();
        body.push_str(&html_table(&head, &rows));
    }

    // The clusters by their full names, and the sources.
    body.push_str(&format!(
        "<h2>{}</h2><ol>",
        crate::words::CLUSTERS_COMPARED.get(l)
    ));
    for (i, c) in t.clusters.iter().enumerate() {
        let mark = if t.baseline == Some(i) {
            crate::words::BASELINE_2.get(l)
        } else {
            ""
        };
        body.push_str(&format!("<li>{}{mark}</li>", bdi(c)));
    }
    body.push_str("</ol>");
    body.push_str(&format!("<h2>{}</h2><ul>", crate::words::SOURCES.get(l)));
    for id in &cmp.cited_sources {
        if let Some(s) = d.source(id) {
            body.push_str(&format!("<li>{}</li>", bdi(&table::source_line(s, l))));
        }
    }
    body.push_str("</ul>");
    body.push_str(&format!(
        "<p class=\"sub\">{}</p>",
        bdi(&crate::markdown::cite_line(d, l))
    ));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
body{{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#1d232b}}\
.sub{{color:#5a6470}}table{{border-collapse:collapse;margin:1em 0}}th,td{{border:1px solid #d5dbe3;padding:6px 10px;vertical-align:top}}\
th{{background:#dce6f2;text-align:left}}td.num{{text-align:right}}td.unit{{white-space:nowrap}}th.unit{{white-space:nowrap}}td.warn,.warn{{color:#b56a00;font-size:0.9em}}\
</style></head><body>{body}</body></html>\n",
        l.code(),
        esc(&title)
    )
}
