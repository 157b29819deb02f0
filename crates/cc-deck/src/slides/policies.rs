//! The policy-instrument matrix and the policies written out.

use crate::*;

pub(crate) fn category_name(c: Category, lang: Lang) -> String {
    format::category(lang, c).to_owned()
}

pub(crate) fn matrix_slide(
    d: &Dataset,
    cmp: &Comparison,
    swatches: &[Swatch],
    lang: Lang,
) -> Slide {
    let mut cites = Cites::new(d, lang);
    let rows = Category::ALL
        .iter()
        .enumerate()
        .map(|(ci, cat)| TableRow {
            label: category_name(*cat, lang),
            cells: cmp
                .columns
                .iter()
                .map(|col| {
                    let ps = &col.policies[ci].1;
                    for p in ps {
                        cites.add(&p.source.source);
                    }
                    if ps.is_empty() {
                        "—".to_owned()
                    } else {
                        ps.len().to_string()
                    }
                })
                .collect(),
            group: false,
        })
        .collect();
    Slide {
        title: crate::words::POLICY_INSTRUMENTS.get(lang).to_owned(),
        subtitle: crate::words::NUMBER_OF_POLICIES_PER_INSTRUMENT_A
            .get(lang)
            .to_owned(),
        body: Body::Table {
            header: swatches.to_vec(),
            first: crate::words::INSTRUMENT.get(lang).to_owned(),
            rows,
            first_width: 1.3,
            fit: true,
        },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}

pub(crate) fn policy_list_slide(
    d: &Dataset,
    cmp: &Comparison,
    swatches: &[Swatch],
    lang: Lang,
) -> Slide {
    let mut cites = Cites::new(d, lang);
    let mut rows = Vec::new();
    let mut left_out = 0usize;
    let mut without: Vec<String> = Vec::new();
    for (i, col) in cmp.columns.iter().enumerate() {
        let Some(c) = d.cluster(&col.id) else {
            continue;
        };
        // Clusters without policies are named once, at the end, not each
        // under a heading of its own.
        if c.policies.is_empty() {
            without.push(swatches[i].text.clone());
            continue;
        }
        rows.push(TableRow {
            label: swatches[i].text.clone(),
            cells: vec![String::new(), String::new()],
            group: true,
        });
        for p in &c.policies {
            if rows.len() >= MAX_ROWS {
                left_out += 1;
                continue;
            }
            cites.add(&p.source.source);
            let issuer_year = match p.year {
                Some(y) => format!("{}{}{y}", p.issuer.get(lang), sep(lang)),
                None => p.issuer.get(lang).to_owned(),
            };
            let cats: Vec<String> = p
                .categories
                .iter()
                .map(|c| category_name(*c, lang))
                .collect();
            rows.push(TableRow {
                label: shorten(p.title.get(lang), 120),
                cells: vec![
                    shorten(&issuer_year, 80),
                    cats.join(crate::words::LIST_COMMA.get(lang)),
                ],
                group: false,
            });
        }
    }
    if left_out > 0 {
        rows.push(TableRow {
            label: rows_left_out(left_out, lang),
            cells: vec![String::new(), String::new()],
            group: true,
        });
    }
    if !without.is_empty() {
        rows.push(TableRow {
            label: format!(
                "{}{}{}",
                crate::words::NO_POLICIES_IN_THE_SOURCES.get(lang),
                crate::words::COLON.get(lang),
                without.join(crate::words::LIST_COMMA.get(lang))
            ),
            cells: vec![String::new(), String::new()],
            group: true,
        });
    }
    Slide {
        title: crate::words::THE_POLICIES.get(lang).to_owned(),
        subtitle: crate::words::EACH_CLUSTER_S_POLICIES_TITLE_ISSUER
            .get(lang)
            .to_owned(),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: crate::words::ISSUER_YEAR.get(lang).to_owned(),
                    color: String::new(),
                    detail: String::new(),
                },
                Swatch {
                    text: crate::words::CATEGORIES.get(lang).to_owned(),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: crate::words::POLICY.get(lang).to_owned(),
            rows,
            first_width: 1.6,
            fit: false,
        },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}
