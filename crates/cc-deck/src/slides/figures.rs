//! Every figure of one cluster.

use crate::*;

pub(crate) fn figures_slide(d: &Dataset, c: &Cluster, swatch: &Swatch, lang: Lang) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    let mut metrics: Vec<_> = c.metrics.iter().collect();
    // Cluster-wide figures first, then figures about one firm or place.
    metrics.sort_by_key(|m| m.subject.is_some());
    let mut in_subjects = false;
    let left_out = metrics.len().saturating_sub(MAX_ROWS);
    for m in metrics.into_iter().take(MAX_ROWS) {
        if m.subject.is_some() && !in_subjects {
            in_subjects = true;
            rows.push(TableRow {
                label: t(
                    lang,
                    "关于集群内单个企业或城市的数字（不作集群间比较）",
                    "Figures about one firm or place in the cluster (never compared)",
                ),
                cells: vec![String::new(), String::new()],
                group: true,
            });
        }
        cites.add(&m.source.source);
        let name = d
            .metric_key(&m.key)
            .map(|k| k.name.get(lang).to_owned())
            .unwrap_or_else(|| m.key.clone());
        let mut label = shorten(&name, 60);
        if let Some(s) = &m.subject {
            label = format!("{}{}{}", shorten(s.get(lang), 40), sep(lang), label);
        }
        let value = format::metric(m, lang)
            .unwrap_or_else(|| format!("{} {}", format::number(m.value, lang), m.unit));
        let mut value = format!(
            "{value}{}{}",
            lang.pick(" · ", " · "),
            format::as_of(&m.as_of, lang)
        );
        if d.yours_in(&c.id) == Some(cc_data::yours::Whose::Added) && d.metric_is_yours(c, m) {
            value.push_str(&notes.mark(yours_note(d, lang)));
        }
        if m.as_of.approximate {
            value.push_str(&notes.mark(match lang {
                Lang::Zh => "年份为推定，来源未写明。".to_owned(),
                Lang::En => format!(
                    "Year inferred, not stated in the source. {}",
                    m.as_of.note.as_ref().map_or("", |n| n.get(lang))
                ),
            }));
        }
        let scope = m
            .scope
            .as_ref()
            .map(|s| shorten(s.get(lang), 120))
            .unwrap_or_default();
        rows.push(TableRow {
            label,
            cells: vec![value, scope],
            group: false,
        });
    }
    if left_out > 0 {
        rows.push(TableRow {
            label: rows_left_out(left_out, lang),
            cells: vec![String::new(), String::new()],
            group: true,
        });
    }
    if rows.is_empty() {
        rows.push(TableRow {
            label: t(lang, "来源未给出任何数字", "The sources give no figures"),
            cells: vec!["—".to_owned(), String::new()],
            group: true,
        });
    }
    Slide {
        title: format!(
            "{}{}",
            swatch.text,
            lang.pick("：全部数字", ": every figure")
        ),
        subtitle: shorten_words(
            &format!("{}{}", c.name.get(lang), yours_detail(d, &c.id, lang)),
            160,
        ),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: t(lang, "数值（原文写法）· 年份", "Value (as written) · year"),
                    color: swatch.color.clone(),
                    detail: String::new(),
                },
                Swatch {
                    text: t(lang, "口径", "Definition"),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: t(lang, "指标", "Measure"),
            rows,
            first_width: 1.2,
            fit: false,
        },
        notes: notes.finish(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}

/// One slide for the compared clusters the sources give no figures for,
/// rather than a near-empty slide each: their names and what the record
/// says of them.
pub(crate) fn no_figures_slide(clusters: &[(&Cluster, &Swatch)], lang: Lang) -> Slide {
    let rows = clusters
        .iter()
        .map(|(c, s)| TableRow {
            label: s.text.clone(),
            cells: vec![
                shorten_words(c.name.get(lang), 80),
                c.notes
                    .first()
                    .map(|n| shorten_words(n.get(lang), 160))
                    .unwrap_or_default(),
            ],
            group: false,
        })
        .collect();
    Slide {
        title: t(
            lang,
            "来源未给出数字的集群",
            "Clusters the sources give no figures for",
        ),
        subtitle: t(
            lang,
            "所引来源未给出这些集群的任何数字（产值、企业数等）",
            "The cited sources give no figure (output, firm counts) for these clusters",
        ),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: t(lang, "全称", "Full name"),
                    color: String::new(),
                    detail: String::new(),
                },
                Swatch {
                    text: t(lang, "记录说明", "What the record says"),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: t(lang, "集群", "Cluster"),
            rows,
            first_width: 0.8,
            fit: false,
        },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: String::new(),
        cited: Vec::new(),
        kind: None,
    }
}
