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
                label: crate::words::FIGURES_ABOUT_ONE_FIRM_OR_PLACE
                    .get(lang)
                    .to_owned(),
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
            crate::words::DOT_SEP.get(lang),
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
            label: crate::words::THE_SOURCES_GIVE_NO_FIGURES
                .get(lang)
                .to_owned(),
            cells: vec!["—".to_owned(), String::new()],
            group: true,
        });
    }
    Slide {
        title: format!("{}{}", swatch.text, crate::words::EVERY_FIGURE.get(lang)),
        subtitle: shorten_words(
            &format!("{}{}", c.name.get(lang), yours_detail(d, &c.id, lang)),
            160,
        ),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: crate::words::VALUE_AS_WRITTEN_YEAR.get(lang).to_owned(),
                    color: swatch.color.clone(),
                    detail: String::new(),
                },
                Swatch {
                    text: crate::words::DEFINITION.get(lang).to_owned(),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: crate::words::MEASURE.get(lang).to_owned(),
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
        title: crate::words::CLUSTERS_THE_SOURCES_GIVE_NO_FIGURES
            .get(lang)
            .to_owned(),
        subtitle: crate::words::THE_CITED_SOURCES_GIVE_NO_FIGURE
            .get(lang)
            .to_owned(),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: crate::words::FULL_NAME.get(lang).to_owned(),
                    color: String::new(),
                    detail: String::new(),
                },
                Swatch {
                    text: crate::words::WHAT_THE_RECORD_SAYS.get(lang).to_owned(),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: crate::words::CLUSTER.get(lang).to_owned(),
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
