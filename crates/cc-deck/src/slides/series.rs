//! One slide per metric that a compared cluster has over the years: a
//! table of years × lines (a line is one cluster's figures of one
//! definition; different definitions are separate columns, never joined),
//! with the definition under each cluster and the average annual growth at
//! the foot. One picture: set tighter rather than continued.

use crate::*;
use cc_core::series::{self, Point};
use cc_core::timeline;

/// At most this many lines side by side on one slide of `page`; more go on
/// a further slide of the same metric.
fn lines_per_slide(page: PageShape) -> usize {
    match page {
        PageShape::Wide => 6,
        PageShape::Standard => 4,
    }
}
/// At most this many years (the latest) on a slide; the sheets hold all.
const YEARS_PER_SLIDE: usize = 10;

/// A line's figure of `year`, as written, with an inferred year marked.
fn figure(p: &Point, lang: Lang) -> String {
    let written = format::metric(&p.metric, lang).unwrap_or_default();
    if p.approximate {
        format!(
            "{written}{}{}",
            sep(lang),
            format::as_of(&p.metric.as_of, lang)
        )
    } else {
        written
    }
}

pub(crate) fn series_slides(
    d: &Dataset,
    cmp: &Comparison,
    shorts: &[String],
    colours: &tokens::Colours,
    page: PageShape,
    lang: Lang,
) -> Vec<Slide> {
    let mut out = Vec::new();
    for key in timeline::keys_with_series(cmp) {
        let Some(row) = cmp.row(key) else { continue };
        // (column, series) in column order.
        let lines: Vec<(usize, &cc_core::series::Series)> = cmp
            .columns
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                c.series
                    .iter()
                    .filter(|s| s.key == row.key && s.dimension == row.dimension)
                    .map(move |s| (i, s))
            })
            .collect();
        let per = lines_per_slide(page);
        let parts = lines.len().div_ceil(per);
        for (k, chunk) in lines.chunks(per).enumerate() {
            let mut s = slide(d, row, chunk, shorts, colours, lang);
            if parts > 1 {
                s.title = format!("{} ({}/{parts})", s.title, k + 1);
            }
            out.push(s);
        }
    }
    out
}

fn slide(
    d: &Dataset,
    row: &Row,
    lines: &[(usize, &cc_core::series::Series)],
    shorts: &[String],
    colours: &tokens::Colours,
    lang: Lang,
) -> Slide {
    let mut cites = Cites::new(d, lang);
    let header: Vec<Swatch> = lines
        .iter()
        .map(|(i, _)| Swatch {
            text: shorts[*i].clone(),
            color: colours.series[i % colours.series.len()].hex(),
            detail: String::new(),
        })
        .collect();
    let mut years: Vec<i32> = lines
        .iter()
        .flat_map(|(_, s)| s.points.iter().chain(&s.forecasts).map(|p| p.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let left_out = years.len().saturating_sub(YEARS_PER_SLIDE);
    let years = &years[left_out..];
    let mut rows = vec![TableRow {
        label: crate::words::DEFINITION.get(lang).to_owned(),
        cells: lines
            .iter()
            .map(|(_, s)| shorten(&series::definition_name(d, s, lang), 60))
            .collect(),
        group: false,
    }];
    if left_out > 0 {
        rows.push(TableRow {
            label: match lang {
                Lang::Zh => format!("更早的{left_out}个年份见表格导出"),
                Lang::En => format!("{left_out} earlier years: see the sheets"),
            },
            cells: vec![String::new(); lines.len()],
            group: true,
        });
    }
    for &y in years {
        let cells = lines
            .iter()
            .map(|(_, s)| {
                let p = s
                    .points
                    .iter()
                    .find(|p| p.year == y)
                    .or_else(|| s.forecasts.iter().find(|p| p.year == y));
                match p {
                    Some(p) => {
                        cites.add(&p.metric.source.source);
                        figure(p, lang)
                    }
                    None => "—".to_owned(),
                }
            })
            .collect();
        rows.push(TableRow {
            label: y.to_string(),
            cells,
            group: false,
        });
    }
    rows.push(TableRow {
        label: crate::words::GROWTH_A_YEAR.get(lang).to_owned(),
        cells: lines
            .iter()
            .map(|(_, s)| {
                s.overall_growth()
                    .map_or_else(|| "—".to_owned(), |g| series::growth_text(&g, lang))
            })
            .collect(),
        group: false,
    });
    Slide {
        title: match lang {
            Lang::Zh => format!("{}：历年变化", shorten(&row.name, 40)),
            Lang::En => format!("{} over the years", shorten(&row.name, 40)),
        },
        subtitle: crate::words::FIGURES_OF_ONE_DEFINITION_OVER_THE
            .get(lang)
            .to_owned(),
        body: Body::Table {
            header,
            first: crate::words::YEAR.get(lang).to_owned(),
            rows,
            first_width: 0.8,
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
