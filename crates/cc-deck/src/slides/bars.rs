//! One bar chart per metric.

use crate::*;

pub(crate) fn bars_slide(
    d: &Dataset,
    row: &Row,
    shorts: &[String],
    colours: &tokens::Colours,
    lang: Lang,
) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    for c in &row.caveats {
        notes.mark(c.describe(lang));
    }
    let max = row
        .cells
        .iter()
        .flatten()
        .filter(|c| c.comparable)
        .map(|c| {
            c.display_high
                .unwrap_or(c.display_value)
                .abs()
                .max(c.display_value.abs())
        })
        .fold(0.0, f64::max);
    let mut years = Vec::new();
    let bars = row
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let color = colours.series[i % colours.series.len()].hex();
            match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    if !years.contains(&c.year) {
                        years.push(c.year.clone());
                    }
                    let mut value = cell_text(c, lang);
                    value.push_str(&cell_notes(c, &mut notes, lang));
                    let frac = (c.comparable && max > 0.0 && c.display_value.is_finite())
                        .then(|| (c.display_value.abs() / max).clamp(0.0, 1.0));
                    let frac_high = frac
                        .and(c.display_high)
                        .map(|h| (h.abs() / max).clamp(0.0, 1.0));
                    if !c.comparable {
                        value.push_str(&notes.mark(t(
                            lang,
                            "单位量纲不同，未画柱",
                            "Unit of another kind; no bar drawn",
                        )));
                    }
                    Bar {
                        label: shorts[i].clone(),
                        color,
                        frac,
                        frac_high,
                        value,
                        qualifier: qualifier_key(c.metric.qualifier),
                        forecast: c.forecast,
                        detail: c
                            .metric
                            .scope
                            .as_ref()
                            .map(|s| shorten(s.get(lang), 80))
                            .unwrap_or_default(),
                    }
                }
                None => Bar {
                    label: shorts[i].clone(),
                    color,
                    frac: None,
                    frac_high: None,
                    value: t(lang, "来源中无此数字", "No figure in the sources"),
                    qualifier: String::new(),
                    forecast: false,
                    detail: String::new(),
                },
            }
        })
        .collect();
    let sep = lang.pick("，", ", ");
    Slide {
        title: shorten(&row.name, TITLE_CHARS),
        // The definitions, the unit and the years: "主导产业产值 / 集群总产值，万亿元，2023 / 约2021".
        subtitle: {
            let mut scopes: Vec<String> = Vec::new();
            for c in row.cells.iter().flatten() {
                if let Some(sc) = &c.metric.scope {
                    let sc = shorten(sc.get(lang), 40);
                    if !scopes.contains(&sc) {
                        scopes.push(sc);
                    }
                }
            }
            let mut parts = Vec::new();
            if !scopes.is_empty() {
                parts.push(scopes.join(" / "));
            }
            parts.push(row.scale.label.trim().to_owned());
            parts.push(years.join(" / "));
            shorten(&parts.join(sep), 160)
        },
        body: Body::Bars {
            bars,
            axis: row.scale.label.trim().to_owned(),
            warning: if row
                .caveats
                .iter()
                .any(|c| matches!(c, cc_core::compare::Caveat::Scopes(_)))
            {
                t(
                    lang,
                    "口径不同：每根柱只表示各自的数字，柱长不能直接对比（见注）",
                    "Different definitions: each bar shows its own figure; the lengths do not compare (see the notes)",
                )
            } else {
                String::new()
            },
        },
        notes: notes.finish(),
        sources: cites.line(),
    }
}
