//! The overview: headline figures side by side.

use crate::*;
use cc_data::yours::Whose;

/// `> 5700亿元 · 约2021`.
pub(crate) fn cell_text(c: &Cell, lang: Lang) -> String {
    // Forecasts and ranges are marked in `written` and `display` already.
    // Chinese keeps the unit the source wrote (5700亿元, 1.85万亿元); English
    // has no such text to keep, so a figure reads in the unit of its row or
    // axis (CNY 570 bn beside CNY 1,850 bn, not beside CNY 1.85 tn).
    let value = match lang {
        Lang::En if c.comparable => &c.display,
        _ => &c.written,
    };
    format!("{value}{}{}", crate::words::DOT_SEP.get(lang), c.year)
}

/// Notes for one cell: an inferred year with its reason.
pub(crate) fn cell_notes(c: &Cell, notes: &mut Notes, lang: Lang) -> String {
    let mut marks = String::new();
    if c.metric.as_of.approximate {
        let text = match lang {
            Lang::Zh => format!("{}：年份为推定，来源未写明。", c.year),
            Lang::En => format!(
                "{}: year inferred, not stated in the source. {}",
                c.year,
                c.metric.as_of.note.as_ref().map_or("", |n| n.get(lang))
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
    let mut header = swatches.to_vec();
    for r in cmp.rows.iter().filter(|r| r.headline) {
        let mut label = shorten(&r.name, 60);
        for c in &r.caveats {
            label.push_str(&notes.mark(c.describe(lang)));
        }
        // Cells without a difference to the baseline: one note for the row,
        // its mark on each such cell.
        let unlike: Vec<String> = r
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != cmp.baseline)
            .filter_map(|(i, c)| {
                let c = c.as_ref()?;
                let why = c.not_comparable.as_ref()?;
                (c.vs_baseline.is_none()).then(|| {
                    format!(
                        "{}{}{}",
                        swatches[i].text,
                        crate::words::COLON.get(lang),
                        why.describe(lang)
                    )
                })
            })
            .collect();
        let unlike_mark = (!unlike.is_empty()).then(|| {
            notes.mark(match lang {
                Lang::Zh => format!(
                    "{}：与对比基准无差值——{}",
                    shorten(&r.name, 60),
                    unlike.join("；")
                ),
                Lang::En => format!(
                    "{}: no difference to the baseline. {}",
                    shorten(&r.name, 60),
                    unlike.join("; ")
                ),
            })
        });
        let cells = r
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    let mut s = cell_text(c, lang);
                    s.push_str(&cell_notes(c, &mut notes, lang));
                    // A whole cluster of the user's is marked at its head.
                    if c.yours && cmp.columns.get(i).and_then(|c| c.yours) == Some(Whose::Added) {
                        s.push_str(&notes.mark(yours_note(d, lang)));
                    }
                    if Some(i) != cmp.baseline {
                        if let Some(diff) = c.baseline_diff(lang) {
                            s.push('\n');
                            s.push_str(&format!("{}{}", crate::words::VS_BASELINE.get(lang), diff));
                        } else if c.not_comparable.is_some()
                            && let Some(m) = &unlike_mark
                        {
                            s.push_str(m);
                        }
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
    // Clusters without any cluster-wide figure say so, marked at their
    // column's head.
    for (i, col) in cmp.columns.iter().enumerate() {
        if col.missing.contains(&"figures") {
            let m = notes.mark(match lang {
                Lang::Zh => format!("{}：来源未给出集群整体的数字。", swatches[i].text),
                Lang::En => format!(
                    "{}: the sources give no cluster-wide figures.",
                    swatches[i].text
                ),
            });
            header[i].text.push_str(&m);
        }
    }
    if rows.is_empty() {
        rows.push(TableRow {
            label: crate::words::NO_CLUSTER_WIDE_FIGURES_IN_THE
                .get(lang)
                .to_owned(),
            cells: vec!["—".to_owned(); swatches.len()],
            group: true,
        });
    }
    for (i, col) in cmp.columns.iter().enumerate() {
        if col.yours == Some(Whose::Cluster) {
            let m = notes.mark(format!(
                "{}{}{}{}{}",
                swatches[i].text,
                crate::words::COLON.get(lang),
                cc_data::yours::label(lang, Whose::Cluster),
                crate::words::COMMA.get(lang),
                yours_note(d, lang)
            ));
            header[i].text.push_str(&m);
        }
    }
    if let Some(b) = cmp.baseline.filter(|b| *b < header.len()) {
        let m = notes.mark(match lang {
            Lang::Zh => format!("对比基准：{}。", swatches[b].text),
            Lang::En => format!("Baseline: {}.", swatches[b].text),
        });
        header[b].text.push_str(&m);
    }
    Slide {
        title: crate::words::HEADLINE_FIGURES.get(lang).to_owned(),
        subtitle: crate::words::VALUES_AS_THE_SOURCES_WRITE_THEM
            .get(lang)
            .to_owned(),
        body: Body::Table {
            header,
            first: crate::words::MEASURE.get(lang).to_owned(),
            rows,
            first_width: 1.1,
            // Set tighter before it continues: a last row alone on a
            // second slide reads as a mistake.
            fit: true,
        },
        notes: notes.finish(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}
