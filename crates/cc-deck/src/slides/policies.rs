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
        title: t(lang, "政策工具", "Policy instruments"),
        subtitle: t(
            lang,
            "各类政策工具的政策数（一项政策可属多类）；政策名称见下一页",
            "Number of policies per instrument (a policy may count in several); titles on the next slide",
        ),
        body: Body::Table {
            header: swatches.to_vec(),
            first: t(lang, "政策工具", "Instrument"),
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
    for (i, col) in cmp.columns.iter().enumerate() {
        let Some(c) = d.cluster(&col.id) else {
            continue;
        };
        rows.push(TableRow {
            label: swatches[i].text.clone(),
            cells: vec![String::new(), String::new()],
            group: true,
        });
        if c.policies.is_empty() {
            rows.push(TableRow {
                label: t(lang, "来源未提及政策", "No policies in the sources"),
                cells: vec![String::new(), String::new()],
                group: false,
            });
        }
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
                cells: vec![shorten(&issuer_year, 80), cats.join(lang.pick("、", ", "))],
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
    Slide {
        title: t(lang, "政策一览", "The policies"),
        subtitle: t(
            lang,
            "各集群的政策：名称、发布方与年份、政策工具类别",
            "Each cluster's policies: title, issuer and year, instrument categories",
        ),
        body: Body::Table {
            header: vec![
                Swatch {
                    text: t(lang, "发布方 · 年份", "Issuer · year"),
                    color: String::new(),
                    detail: String::new(),
                },
                Swatch {
                    text: t(lang, "类别", "Categories"),
                    color: String::new(),
                    detail: String::new(),
                },
            ],
            first: t(lang, "政策", "Policy"),
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
