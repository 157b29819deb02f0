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
                None => t(lang, "未定年份", "no year set"),
            };
            let mut target = format!("{}{}{}", tp.display, lang.pick(" · ", " · "), year);
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
                    t(lang, "无最新实际数字", "No actual figure"),
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
        title: t(lang, "政策目标与进展", "Policy targets and progress"),
        subtitle: t(
            lang,
            "进度 = 最新实际数字 ÷ 目标；预计数字不计入进度",
            "Progress = latest actual figure ÷ target; forecasts never count as progress",
        ),
        body: Body::Targets {
            header: vec![
                t(lang, "集群", "Cluster"),
                t(lang, "指标", "Measure"),
                t(lang, "目标", "Target"),
                t(lang, "最新实际", "Latest actual"),
                t(lang, "进度", "Progress"),
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
