//! The user chooses the slides: which go in and in what order, sources in
//! full or as a line, bars sorted by value, one cluster highlighted.

use super::*;
use cluster_compare::deck::{Body, SlideChoice, SlideKind, SourcesMode};

fn chosen(choice: SlideChoice) -> DeckOptions {
    DeckOptions {
        choice,
        ..DeckOptions::default()
    }
}

/// The kinds of the deck's slides in order, each once (a kind may make
/// several slides: one per chart, per cluster, a continued list).
fn kinds_of(deck: &Deck) -> Vec<SlideKind> {
    let mut out: Vec<SlideKind> = Vec::new();
    for k in deck.slides.iter().filter_map(|s| s.kind) {
        if out.last() != Some(&k) {
            out.push(k);
        }
    }
    out
}

fn three(d: &Dataset) -> Vec<String> {
    let mut v = ids(&PAIR);
    v.push(
        d.clusters
            .iter()
            .find(|c| !PAIR.contains(&c.id.as_str()) && c.latest("firms").is_some())
            .expect("a third cluster with a firm count")
            .id
            .clone(),
    );
    v
}

#[test]
fn a_deck_built_with_a_choice_has_exactly_those_slides_in_that_order() {
    let d = seed();
    let ids = three(&d);
    for lang in [Lang::Zh, Lang::En] {
        let list = vec![
            SlideKind::Targets,
            SlideKind::Firms,
            SlideKind::Overview,
            SlideKind::Map,
            SlideKind::Policies,
        ];
        let deck = deck_of(
            &d,
            &ids,
            lang,
            &chosen(SlideChoice {
                slides: Some(list.clone()),
                ..SlideChoice::default()
            }),
        );
        assert!(
            matches!(deck.slides[0].body, Body::Title { .. }),
            "title first"
        );
        assert_eq!(kinds_of(&deck), list, "{lang:?}");
        // One chart: firms, and not the others.
        let charts: Vec<&str> = deck
            .slides
            .iter()
            .filter(|s| matches!(s.body, Body::Bars { .. }))
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(charts.len(), 1, "{charts:?}");
        // Every slide but the title and notes slides comes from the list.
        for s in &deck.slides[1..] {
            assert!(
                s.kind.is_some() || matches!(s.body, Body::Notes { .. }),
                "{}",
                s.title
            );
        }
        assert!(problems(&deck).is_empty(), "{:?}", problems(&deck));
    }
}

#[test]
fn the_default_choice_is_the_whole_deck_in_its_usual_order() {
    let d = seed();
    let ids = three(&d);
    let deck = deck_of(&d, &ids, Lang::Zh, &DeckOptions::default());
    let kinds = kinds_of(&deck);
    assert_eq!(kinds.first(), Some(&SlideKind::Overview));
    assert_eq!(kinds.last(), Some(&SlideKind::Sources));
    assert!(!kinds.contains(&SlideKind::Map), "no context unless asked");
    let with_context = deck_of(
        &d,
        &ids,
        Lang::Zh,
        &DeckOptions {
            context: true,
            ..DeckOptions::default()
        },
    );
    let kinds = kinds_of(&with_context);
    let at = |k| kinds.iter().position(|x| *x == k).unwrap();
    assert!(at(SlideKind::Policies) < at(SlideKind::Map));
    assert!(at(SlideKind::Map) < at(SlideKind::Context));
    assert!(at(SlideKind::Context) < at(SlideKind::Sources));
}

#[test]
fn sources_as_a_line_leave_out_the_appendix_and_point_to_no_slide() {
    let d = seed();
    let ids = three(&d);
    for lang in [Lang::Zh, Lang::En] {
        let appendix = deck_of(&d, &ids, lang, &DeckOptions::default());
        assert!(
            appendix
                .slides
                .iter()
                .any(|s| matches!(s.body, Body::Sources { .. }))
        );
        let line = deck_of(
            &d,
            &ids,
            lang,
            &chosen(SlideChoice {
                sources: SourcesMode::Line,
                ..SlideChoice::default()
            }),
        );
        assert!(
            !line
                .slides
                .iter()
                .any(|s| matches!(s.body, Body::Sources { .. })),
            "no sources appendix"
        );
        for s in &line.slides {
            assert!(
                !s.sources.contains("见来源页") && !s.sources.contains("sources slides"),
                "{}: {}",
                s.title,
                s.sources
            );
        }
        // Every slide that cites keeps its line (the last slide's line says
        // how to cite the deck as well).
        let cited = |deck: &Deck| {
            deck.slides
                .iter()
                .filter(|s| {
                    s.sources
                        .lines()
                        .any(|l| !l.starts_with("引用：") && !l.starts_with("Cite as:"))
                })
                .count()
        };
        assert_eq!(cited(&line), cited(&appendix), "{lang:?}");
    }
}

/// The bars of the first chart titled like `key`'s row.
fn bars_of<'a>(deck: &'a Deck, name: &str) -> &'a [deck::Bar] {
    deck.slides
        .iter()
        .find_map(|s| match &s.body {
            Body::Bars { bars, .. } if s.title == name => Some(bars.as_slice()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no chart {name}"))
}

#[test]
fn bars_sorted_by_value_run_largest_first_and_keep_their_colours() {
    let d = seed();
    let ids = three(&d);
    let cmp = Comparison::build(&d, &ids, None, Lang::En);
    let name = cmp.row("firms").unwrap().name.clone();
    let plain = deck_of(&d, &ids, Lang::En, &DeckOptions::default());
    let sorted = deck_of(
        &d,
        &ids,
        Lang::En,
        &chosen(SlideChoice {
            sort_bars: true,
            ..SlideChoice::default()
        }),
    );
    let numbers = |bars: &[deck::Bar]| bars.iter().map(|b| b.number).collect::<Vec<_>>();
    let sorted_bars = bars_of(&sorted, &name);
    let drawn: Vec<f64> = sorted_bars.iter().filter_map(|b| b.number).collect();
    assert!(drawn.len() >= 2, "{drawn:?}");
    assert!(drawn.windows(2).all(|w| w[0] >= w[1]), "{drawn:?}");
    // Bars without a length come after those with one.
    let first_none = sorted_bars.iter().position(|b| b.number.is_none());
    if let Some(i) = first_none {
        assert!(sorted_bars[i..].iter().all(|b| b.number.is_none()));
    }
    // The same bars, each with its cluster's colour.
    let plain_bars = bars_of(&plain, &name);
    for b in sorted_bars {
        let p = plain_bars.iter().find(|p| p.label == b.label).unwrap();
        assert_eq!((p.color.as_str(), p.number), (b.color.as_str(), b.number));
    }
    // The seed's firm counts are not already in order, so sorting moved them.
    assert_ne!(
        numbers(plain_bars),
        numbers(sorted_bars),
        "test data in order already"
    );
}

#[test]
fn a_highlighted_cluster_keeps_its_colour_and_the_others_turn_grey() {
    let d = seed();
    let ids = three(&d);
    let cmp = Comparison::build(&d, &ids, None, Lang::Zh);
    let name = cmp.row("firms").unwrap().name.clone();
    let plain = deck_of(&d, &ids, Lang::Zh, &DeckOptions::default());
    let lit = deck_of(
        &d,
        &ids,
        Lang::Zh,
        &chosen(SlideChoice {
            highlight: Some(ids[1].clone()),
            ..SlideChoice::default()
        }),
    );
    let grey = cluster_compare::tokens::colours(false).context.hex();
    let (p, l) = (bars_of(&plain, &name), bars_of(&lit, &name));
    assert_eq!(
        l[1].color, p[1].color,
        "the highlighted bar keeps its colour"
    );
    assert_ne!(p[1].color, grey);
    for i in [0, 2] {
        assert_eq!(l[i].color, grey, "bar {i}");
    }
}

#[test]
fn english_money_on_a_chart_reads_in_the_axis_unit_and_never_below_one() {
    let d = seed();
    let deck = deck_of(&d, &ids(&PAIR), Lang::En, &DeckOptions::default());
    let cmp = Comparison::build(&d, &ids(&PAIR), None, Lang::En);
    let name = cmp.row("output_value").unwrap().name.clone();
    let bars = bars_of(&deck, &name);
    for b in bars.iter().filter(|b| b.number.is_some()) {
        assert!(b.value.contains(" bn"), "{}", b.value);
        assert!(
            !b.value.contains(" tn") && !b.value.contains("CNY 0."),
            "{}",
            b.value
        );
    }
    let zh = deck_of(&d, &ids(&PAIR), Lang::Zh, &DeckOptions::default());
    let cmp = Comparison::build(&d, &ids(&PAIR), None, Lang::Zh);
    let name = cmp.row("output_value").unwrap().name.clone();
    for b in bars_of(&zh, &name) {
        assert!(!b.value.contains("0."), "{}", b.value);
    }
}

/// The sources appendix with context: the map counts every national
/// cluster, but each list it draws on takes one line saying how many it
/// names, not one quote per cluster.
#[test]
fn the_map_s_lists_take_one_line_each_in_the_sources() {
    let d = seed();
    let ids = three(&d);
    let national = d
        .clusters
        .iter()
        .filter(|c| cluster_compare::map::counts_as_national(c))
        .count();
    for lang in [Lang::Zh, Lang::En] {
        let deck = deck_of(
            &d,
            &ids,
            lang,
            &DeckOptions {
                context: true,
                ..DeckOptions::default()
            },
        );
        let quotes: usize = deck
            .slides
            .iter()
            .filter_map(|s| match &s.body {
                Body::Sources { items } => {
                    Some(items.iter().map(|i| i.quotes.len()).sum::<usize>())
                }
                _ => None,
            })
            .sum();
        let compared: usize = ids
            .iter()
            .filter_map(|id| d.clusters.iter().find(|c| &c.id == id))
            .map(|c| c.metrics.len() + c.targets.len() + c.policies.len() + 1)
            .sum();
        // One line per list the map draws on, and the competition's.
        let lists: std::collections::HashSet<&str> = d
            .clusters
            .iter()
            .filter(|c| cluster_compare::map::counts_as_national(c))
            .filter_map(|c| c.designation.as_ref())
            .map(|g| g.source.source.as_str())
            .collect();
        assert!(
            quotes <= compared + lists.len() + 1,
            "{lang:?}: {quotes} quoted lines for {compared} cited items of the compared clusters \
             and {national} national clusters on the map"
        );
        let text = deck_text(&deck);
        let line = match lang {
            Lang::Zh => "地图计入其所列的",
            Lang::En => "the map counts the ",
        };
        assert!(
            text.contains(&squash(line)),
            "{lang:?}: the lists say what the map counts"
        );
    }
}
