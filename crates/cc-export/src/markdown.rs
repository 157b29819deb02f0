//! Markdown: the comparison, targets, policies and sources. Every piece of
//! user text goes through [`safe::md`], so a table row keeps its columns and
//! no markup from the data is live.

use super::safe::{md, md_cell};
use super::table::{self, Table};
use cc_core::compare::Comparison;
use cc_core::format;
use cc_data::model::Dataset;

/// A table row from cells already escaped.
fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

pub fn markdown(d: &Dataset, cmp: &Comparison) -> String {
    let l = cmp.lang;
    let t: Table = table::table(d, cmp);
    let mut out = format!(
        "# {}\n\n{}\n\n",
        md(&t.title()),
        crate::words::ADVANCED_MANUFACTURING_CLUSTERS_COMPARED.get(l)
    );
    if let Some(b) = t.baseline_name() {
        out.push_str(&format!(
            "{}{}\n\n",
            crate::words::BASELINE.get(l),
            md(&table::short(b))
        ));
    }

    // The comparison.
    let mut head = vec![
        crate::words::METRIC.get(l).to_owned(),
        crate::words::UNIT.get(l).to_owned(),
    ];
    head.extend((0..t.clusters.len()).map(|i| md_cell(&t.header(i))));
    head.push(crate::words::NOTES.get(l).to_owned());
    out.push_str(&row(&head));
    let mut rule = vec!["---".to_owned(); 2];
    rule.extend(t.clusters.iter().map(|_| "---:".to_owned()));
    rule.push("---".to_owned());
    out.push_str(&row(&rule));
    for r in &t.rows {
        let mut cells = vec![md_cell(&r.metric), md_cell(&r.unit)];
        cells.extend(r.cells.iter().map(|c| md_cell(&t.cell_text(c))));
        cells.push(md_cell(&r.caveats.join("; ")));
        out.push_str(&row(&cells));
    }

    // Targets.
    let targets = table::targets(d, cmp);
    if !targets.is_empty() {
        out.push_str(&format!("\n## {}\n\n", crate::words::TARGETS.get(l)));
        out.push_str(&row(&[
            crate::words::CLUSTER.get(l).into(),
            crate::words::TARGET.get(l).into(),
            crate::words::TARGET_VALUE.get(l).into(),
            crate::words::LATEST_ACTUAL.get(l).into(),
            crate::words::PROGRESS.get(l).into(),
            crate::words::NOTE.get(l).into(),
        ]));
        out.push_str("|---|---|---:|---:|---:|---|\n");
        for tr in &targets {
            let year = tr.year.map_or(String::new(), |y| format!(" ({y})"));
            let actual = if tr.actual_display.is_empty() {
                "—".to_owned()
            } else {
                format!("{} ({})", tr.actual_display, tr.actual_year)
            };
            let progress = tr.progress.map_or("—".into(), |f| format::progress(f, l));
            out.push_str(&row(&[
                md_cell(&table::short(&tr.cluster)),
                md_cell(&tr.metric),
                md_cell(&format!("{}{year}", tr.display)),
                md_cell(&actual),
                md_cell(&progress),
                md_cell(
                    &[tr.scope_note.as_str(), tr.on_track.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]));
        }
    }

    // Figures over the years.
    let series = crate::series::series_rows(d, cmp);
    if !series.is_empty() {
        out.push_str(&format!("\n## {}\n\n", crate::words::OVER_THE_YEARS.get(l)));
        let h = crate::series::headers(l);
        out.push_str(&row(&[
            h[0].into(),
            h[1].into(),
            h[2].into(),
            h[3].into(),
            h[4].into(),
            format!("{} ({})", h[5], crate::words::SEE_UNIT.get(l)),
            h[6].into(),
            h[8].into(),
            h[9].into(),
            crate::words::SOURCE_2.get(l).into(),
        ]));
        out.push_str("|---|---|---|---:|---:|---:|---|---|---|---|\n");
        for r in &series {
            let n = format::number(r.value, l);
            let number = if r.bound.is_empty() {
                n
            } else {
                format!("{} {n}", r.bound)
            };
            out.push_str(&row(&[
                md_cell(&r.cluster),
                md_cell(&r.metric),
                md_cell(&r.definition),
                md_cell(&r.year_text),
                md_cell(&r.written),
                md_cell(&number),
                md_cell(&r.unit),
                crate::series::flag(r.forecast, l).to_owned(),
                md_cell(&r.growth),
                md_cell(&format!("{}: “{}”", r.source, r.quote)),
            ]));
        }
    }

    // Policies.
    let policies = table::policies(d, cmp);
    if !policies.is_empty() {
        out.push_str(&format!("\n## {}\n\n", crate::words::POLICIES.get(l)));
        let h = table::policy_headers(l);
        out.push_str(&row(&[
            h[0].into(),
            h[1].into(),
            h[2].into(),
            h[3].into(),
            h[4].into(),
            h[5].into(),
            crate::words::SOURCE_2.get(l).into(),
        ]));
        out.push_str("|---|---|---|---:|---|---|---|\n");
        for p in &policies {
            out.push_str(&row(&[
                md_cell(&table::short(&p.cluster)),
                md_cell(&p.title),
                md_cell(&p.issuer),
                p.year.map_or(String::new(), |y| y.to_string()),
                md_cell(&p.categories),
                md_cell(&p.summary),
                md_cell(&format!("{}: “{}”", p.document, p.quote)),
            ]));
        }
    }

    // The clusters by their full names, and the sources.
    out.push_str(&format!(
        "\n## {}\n\n",
        crate::words::CLUSTERS_COMPARED.get(l)
    ));
    for (i, c) in t.clusters.iter().enumerate() {
        let mark = if t.baseline == Some(i) {
            crate::words::BASELINE_2.get(l)
        } else {
            ""
        };
        out.push_str(&format!("{}. {}{mark}\n", i + 1, md(c)));
    }
    out.push_str(&format!("\n## {}\n\n", crate::words::SOURCES.get(l)));
    for id in &cmp.cited_sources {
        if let Some(s) = d.source(id) {
            out.push_str(&format!("- {}\n", md(&table::source_line(s, l))));
        }
    }
    out.push_str(&format!("\n{}\n", md(&cite_line(d, l))));
    out
}

/// The line that says how to cite this download, dated today.
pub(crate) fn cite_line(d: &Dataset, l: cc_data::model::Lang) -> String {
    cc_core::cite::line(d, l, &cc_data::calendar::today())
}
