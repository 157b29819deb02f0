//! Figures over the years in the deck: a slide per metric a compared cluster
//! has over the years (a table of years, one column per cluster and
//! definition, growth at its foot) that fits one page, and the on-track line
//! on the targets slide.

use super::*;
use cluster_compare::deck::Body;
use cluster_compare::model::{AsOf, Metric, Qualifier, Target};

/// `d` with a three-year output series (of the cluster's own latest
/// definition, the middle year a bound) and a target of the same definition
/// for each cluster of `ids` that has an output figure.
fn with_series(mut d: Dataset, ids: &[String]) -> Dataset {
    for c in d.clusters.iter_mut().filter(|c| ids.contains(&c.id)) {
        let Some(latest) = c.latest_actual("output_value").cloned() else {
            continue;
        };
        let y = latest.as_of.year;
        for (k, f, q) in [(1, 0.9, Qualifier::MoreThan), (2, 0.8, Qualifier::Exact)] {
            c.metrics.push(Metric {
                value: (latest.value * f * 1000.0).round() / 1000.0,
                qualifier: q,
                as_of: AsOf {
                    year: y - k,
                    ..AsOf::default()
                },
                ..latest.clone()
            });
        }
        c.targets.push(Target {
            key: "output_value".into(),
            value: latest.value * 1.5,
            unit: latest.unit.clone(),
            year: Some(y + 3),
            definition: latest.definition.clone(),
            source: latest.source.clone(),
            ..Target::default()
        });
    }
    d
}

/// `d` with a made-up revenue series of three years (2017–2019) for each
/// cluster of `ids`, with long figures as written.
fn with_revenue(mut d: Dataset, ids: &[String]) -> Dataset {
    let source = d.sources[0].id.clone();
    for c in d.clusters.iter_mut().filter(|c| ids.contains(&c.id)) {
        for (k, v, q) in [
            (2017, 1234.5, Qualifier::Exact),
            (2018, 1456.78, Qualifier::MoreThan),
            (2019, 1678.9, Qualifier::About),
        ] {
            c.metrics.push(Metric {
                key: "output_value".into(),
                value: v,
                unit: "亿元".into(),
                qualifier: q,
                as_of: AsOf {
                    year: k,
                    approximate: k == 2019,
                    note: None,
                },
                definition: Some("revenue".into()),
                source: cluster_compare::model::Citation {
                    source: source.clone(),
                    quote: format!("{v}亿元"),
                },
                ..Metric::default()
            });
        }
    }
    d
}

fn series_slide<'a>(deck: &'a Deck, title_part: &str) -> Option<&'a cluster_compare::deck::Slide> {
    deck.slides
        .iter()
        .find(|s| s.title.contains(title_part) && matches!(s.body, Body::Table { .. }))
}

#[test]
fn a_metric_over_the_years_gets_a_slide_with_its_years_and_growth() {
    let pair = ids(&PAIR);
    let d = with_series(seed(), &pair[1..]);
    let deck = deck_of(&d, &pair, Lang::En, &DeckOptions::default());
    let s = series_slide(&deck, "over the years").expect("a series slide");
    assert!(s.title.starts_with("Output value"), "{}", s.title);
    let Body::Table {
        header, rows, fit, ..
    } = &s.body
    else {
        unreachable!()
    };
    assert!(fit, "one picture: set tighter, never continued");
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Definition", "2021", "2022", "2023", "Growth a year"]
    );
    assert_eq!(header.len(), 1, "one cluster has output over the years");
    assert_eq!(rows[0].cells[0], "Output of the leading industries");
    assert!(
        rows[2].cells[0].starts_with('>'),
        "the bound as written: {}",
        rows[2].cells[0]
    );
    assert!(
        rows[4].cells[0].contains("a year (2021–2023)"),
        "{}",
        rows[4].cells[0]
    );
    // The targets slide carries the on-track line for the target of the same definition.
    let on_track: Vec<&str> = deck
        .slides
        .iter()
        .filter_map(|s| match &s.body {
            Body::Targets { rows, .. } => Some(rows),
            _ => None,
        })
        .flatten()
        .map(|r| r.on_track.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(on_track.len(), 1, "{on_track:?}");
    assert!(on_track[0].starts_with("needs "), "{}", on_track[0]);
    let text = deck_text(&deck);
    assert!(
        text.contains(&squash(on_track[0])),
        "the on-track line is on the page"
    );
    assert!(text.contains("Outputvalueovertheyears"));
}

#[test]
fn series_slides_fit_one_page_for_six_clusters_in_both_languages_and_shapes() {
    for lang in [Lang::Zh, Lang::En] {
        let d0 = seed();
        let six = longest_six(&d0, lang);
        let d = with_revenue(with_series(d0, &six), &six);
        for page in [PageShape::Wide, PageShape::Standard] {
            let opts = DeckOptions {
                page,
                ..DeckOptions::default()
            };
            let deck = deck_of(&d, &six, lang, &opts);
            let title = match lang {
                Lang::Zh => "历年变化",
                Lang::En => "over the years",
            };
            let s = series_slide(&deck, title).expect("a series slide");
            let Body::Table { header, .. } = &s.body else {
                unreachable!()
            };
            assert!(header.len() >= 2 && header.len() <= 6, "{}", header.len());
            // The fit rule holds on every page (14 pt body floor, nothing
            // off the page, nothing drawn over anything).
            let p = problems(&deck);
            assert!(p.is_empty(), "{lang:?} {page:?}: {p:#?}");
            // And the slide takes one page: no page of it says "continued".
            let doc = typeset::layout(&deck).unwrap();
            let mut pages = vec![String::new(); doc.pages().len()];
            for t in typeset::placed_text(&doc) {
                pages[t.page].push_str(&squash(&t.text));
            }
            let want = squash(&s.title);
            let cont = squash(&deck.labels.continued);
            let on = pages
                .iter()
                .filter(|p| p.contains(&want) && p.contains(&cont))
                .count();
            assert_eq!(on, 0, "{lang:?} {page:?}: {} continued", s.title);
        }
    }
}
