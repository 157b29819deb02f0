//! Targets and progress.

use crate::*;

pub(crate) fn targets_slide(
    d: &Dataset,
    cmp: &Comparison,
    shorts: &[String],
    colours: &tokens::Colours,
    style: BarStyle,
    lang: Lang,
) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    for (i, col) in cmp.columns.iter().enumerate() {
        for tp in col.targets.iter().take(MAX_ROWS / cmp.columns.len().max(1)) {
            cites.add(&tp.target.source.source);
            let year = match tp.year {
                Some(y) => match lang {
                    Lang::Zh => format!("{y}年"),
                    Lang::En => format!("by {y}"),
                },
                None => crate::words::NO_YEAR_SET.get(lang).to_owned(),
            };
            let mut target = format!("{}{}{}", tp.display, crate::words::DOT_SEP.get(lang), year);
            if let Some(note) = &tp.scope_note {
                target.push_str(&notes.mark(match lang {
                    Lang::Zh => format!("目标口径：{note}；与集群数字口径不同，进度仅供参考。"),
                    Lang::En => format!(
                        "Target scope: {note}; differs from the cluster figure's, so progress is indicative only."
                    ),
                }));
            }
            let (actual, progress, progress_text) = match &tp.actual {
                Some(a) => {
                    cites.add(&a.metric.source.source);
                    let mut s = cell_text(a, lang);
                    s.push_str(&cell_notes(a, &mut notes, lang));
                    let p = tp.fraction.filter(|f| f.is_finite());
                    (
                        s,
                        p.map(|f| f.clamp(0.0, 1.0)),
                        tp.progress_text(lang).unwrap_or_default(),
                    )
                }
                None => (
                    crate::words::NO_ACTUAL_FIGURE.get(lang).to_owned(),
                    None,
                    String::new(),
                ),
            };
            rows.push(TargetRow {
                cluster: shorts[i].clone(),
                color: style.color(i, colours),
                what: shorten(&tp.name, 60),
                target,
                actual,
                progress,
                progress_text,
                on_track: tp.on_track.clone().unwrap_or_default(),
            });
        }
    }
    Slide {
        title: crate::words::POLICY_TARGETS_AND_PROGRESS
            .get(lang)
            .to_owned(),
        subtitle: crate::words::PROGRESS_LATEST_ACTUAL_FIGURE_TARGET_FORECASTS
            .get(lang)
            .to_owned(),
        body: Body::Targets {
            header: vec![
                crate::words::CLUSTER.get(lang).to_owned(),
                crate::words::MEASURE.get(lang).to_owned(),
                crate::words::TARGET.get(lang).to_owned(),
                crate::words::LATEST_ACTUAL.get(lang).to_owned(),
                crate::words::PROGRESS.get(lang).to_owned(),
            ],
            rows,
        },
        notes: notes.finish(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}
