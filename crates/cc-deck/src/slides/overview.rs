//! The overview: headline figures side by side.

use crate::*;

/// `> 5700亿元 · 约2021`.
pub(crate) fn cell_text(c: &Cell, lang: Lang) -> String {
    // Forecasts and ranges are marked in `written` already.
    format!("{}{}{}", c.written, lang.pick(" · ", " · "), c.year)
}

/// Notes for one cell: an inferred year with its reason.
pub(crate) fn cell_notes(c: &Cell, notes: &mut Notes, lang: Lang) -> String {
    let mut marks = String::new();
    if c.metric.as_of.approximate {
        // The data gives its reasons in English only.
        let text = match lang {
            Lang::Zh => format!("{}：年份为推定，来源未写明。", c.year),
            Lang::En => format!(
                "{}: year inferred, not stated in the source. {}",
                c.year,
                c.metric.as_of.note.clone().unwrap_or_default()
            ),
        };
        marks.push_str(&notes.mark(text.trim().to_owned()));
    }
    marks
}

pub(crate) fn overview(d: &Dataset, cmp: &Comparison, swatches: &[Swatch], lang: Lang) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    for r in cmp.rows.iter().filter(|r| r.headline) {
        let mut label = shorten(&r.name, 60);
        for c in &r.caveats {
            label.push_str(&notes.mark(c.describe(lang)));
        }
        let cells = r
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    let mut s = cell_text(c, lang);
                    s.push_str(&cell_notes(c, &mut notes, lang));
                    if Some(i) != cmp.baseline
                        && let Some(diff) = c.baseline_text(lang)
                    {
                        s.push('\n');
                        s.push_str(&format!(
                            "{}{}",
                            lang.pick("对比基准：", "vs baseline: "),
                            diff
                        ));
                    }
                    s
                }
                None => "—".to_owned(),
            })
            .collect();
        rows.push(TableRow {
            label,
            cells,
            group: false,
        });
    }
    // Clusters without any cluster-wide figure say so.
    for (i, col) in cmp.columns.iter().enumerate() {
        if col.missing.contains(&"figures") {
            notes.mark(match lang {
                Lang::Zh => format!("{}：来源未给出集群整体的数字。", swatches[i].text),
                Lang::En => format!(
                    "{}: the sources give no cluster-wide figures.",
                    swatches[i].text
                ),
            });
        }
    }
    if rows.is_empty() {
        rows.push(TableRow {
            label: t(
                lang,
                "来源未给出集群整体的数字",
                "No cluster-wide figures in the sources",
            ),
            cells: vec!["—".to_owned(); swatches.len()],
            group: true,
        });
    }
    if let Some(b) = cmp.baseline {
        notes.mark(match lang {
            Lang::Zh => format!("对比基准：{}。", swatches[b].text),
            Lang::En => format!("Baseline: {}.", swatches[b].text),
        });
    }
    Slide {
        title: t(lang, "主要数字一览", "Headline figures"),
        subtitle: t(
            lang,
            "数值按来源原文写法，附年份；“约”表示来源未写明年份",
            "Values as the sources write them, with their year; “c.” marks a year the source does not state",
        ),
        body: Body::Table {
            header: swatches.to_vec(),
            first: t(lang, "指标", "Measure"),
            rows,
            first_width: 1.1,
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}
