//! The deck at any size: many notes, hostile text, six clusters on one
//! page per picture, negative bars, the map, marks and notes, the title.

use super::*;
use cluster_compare::model::{AsOf, Metric};
use std::time::Instant;

/// Joined texts of each page, without white space.
fn page_texts(doc: &deck::PagedDocument) -> Vec<String> {
    let mut pages = vec![String::new(); doc.pages().len()];
    for t in typeset::placed_text(doc) {
        pages[t.page].push_str(&squash(&t.text));
    }
    pages
}

/// How many pages each slide of `deck` takes: a page that says "continued
/// k/n" (续 k/n) belongs to the slide before.
fn pages_per_slide(deck: &Deck, doc: &deck::PagedDocument) -> Vec<usize> {
    let cont = squash(&deck.labels.continued);
    let mut counts: Vec<usize> = Vec::new();
    for text in page_texts(doc) {
        let continued = (2..=99).any(|k| text.contains(&format!("{cont}{k}/")));
        match counts.last_mut() {
            Some(n) if continued => *n += 1,
            _ => counts.push(1),
        }
    }
    counts
}

/// The seed's pair, each with `n` more figures whose year is inferred, each
/// with its own note: every figure gives its slide another footnote.
fn many_notes(n: usize) -> Dataset {
    let mut d = seed();
    for id in PAIR {
        let Some(c) = d.clusters.iter_mut().find(|c| c.id == id) else {
            panic!("{id} missing")
        };
        let template = c.metrics[0].clone();
        for i in 0..n {
            c.metrics.push(Metric {
                value: i as f64 + 1.0,
                as_of: AsOf {
                    year: 2000 + (i % 25) as i32,
                    approximate: true,
                    note: Some(cluster_compare::model::Text::new(
                        "",
                        format!("Figure {i}: the article says only 'in recent years'."),
                    )),
                },
                ..template.clone()
            });
        }
    }
    d
}

#[test]
fn many_notes_stay_a_handful_per_slide_and_the_deck_stays_bounded() {
    let d = many_notes(300);
    for lang in [Lang::En, Lang::Zh] {
        let started = Instant::now();
        let deck = deck_of(&d, &ids(&PAIR), lang, &DeckOptions::default());
        let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
        let took = started.elapsed();
        let pages = doc.pages().len();
        eprintln!(
            "{lang:?}: {} slides, {pages} pages in {took:?}",
            deck.slides.len()
        );
        assert!(took.as_secs() < 60, "{lang:?}: {took:?}");
        assert!(pages < 120, "{lang:?}: {pages} pages");
        for s in &deck.slides {
            assert!(
                s.notes.len() <= 5,
                "{}: {} notes at the foot",
                s.title,
                s.notes.len()
            );
        }
        // The rest are on a notes slide the foot points to, by its page.
        let (i, moved) = deck
            .slides
            .iter()
            .enumerate()
            .find(|(_, s)| !s.overflow.is_empty())
            .unwrap_or_else(|| panic!("{lang:?}: no notes moved"));
        let notes_slide = moved.more_notes.unwrap_or_else(|| panic!("no pointer"));
        assert!(notes_slide > i);
        let counts = pages_per_slide(&deck, &doc);
        assert_eq!(counts.len(), deck.slides.len());
        let page_of = 1 + counts[..notes_slide].iter().sum::<usize>();
        let pointer = squash(
            &deck
                .labels
                .further_notes
                .replace("{}", &page_of.to_string()),
        );
        let texts = page_texts(&doc);
        assert!(
            texts.iter().any(|t| t.contains(&pointer)),
            "{lang:?}: no '{pointer}'"
        );
        // The list that is too long says so on the slide.
        let all: String = texts.concat();
        assert!(
            all.contains(&squash(lang.pick("未列出", "notlisted"))),
            "{lang:?}: the row limit is not said"
        );
        let p = typeset::check_fit(&doc, &small_ok(&deck));
        assert!(p.is_empty(), "{lang:?}: {p:#?}");
    }
}

#[test]
fn the_fit_check_catches_a_foot_drawn_over_the_body() {
    let d = many_notes(40);
    let deck = deck_of(&d, &ids(&PAIR), Lang::En, &DeckOptions::default());
    // A template that gives the foot no room of its own.
    let template = typeset::TEMPLATE.replace("bottom: M + fh + 10pt", "bottom: M");
    assert_ne!(template, typeset::TEMPLATE, "the template changed shape");
    let doc = typeset::layout_with(&deck, &template).unwrap_or_else(|e| panic!("{e}"));
    let p = typeset::check_fit(&doc, &small_ok(&deck));
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::Overlap { .. })),
        "{p:#?}"
    );
}

#[test]
fn control_characters_never_reach_a_slide_or_the_pdf_metadata() {
    let mut d = seed();
    let rlo = "\u{202E}";
    for s in &mut d.sources {
        s.publisher.en =
            format!("{rlo}Daily\u{2066}News\u{2069}\u{200F}\u{061C}\u{0007}\u{1F50B}\u{20000}");
        s.publisher.zh = s.publisher.en.clone();
    }
    let name = format!("{rlo}Title {}{}end", "y".repeat(20_000), "\n".repeat(200));
    d.clusters[0].name.en = name.clone();
    d.clusters[0].name.zh = name.clone();
    if let Some(m) = d.clusters[0].metrics.first_mut() {
        m.source.quote = format!(
            "quote{rlo}\u{202D}\r\n\t end a{}b",
            "\u{0301}".repeat(1_000)
        );
    }
    for lang in [Lang::En, Lang::Zh] {
        let opts = DeckOptions {
            title: Some(format!("{rlo}Deck\u{202C} title\u{0000}")),
            ..Default::default()
        };
        let deck = deck_of(&d, &ids(&PAIR), lang, &opts);
        let json = serde_json::to_string(&deck).unwrap_or_else(|e| panic!("{e}"));
        let bad = |c: char| c.is_control() && c != '\n' || deck::is_bidi_control(c);
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
            match v {
                serde_json::Value::String(s) => out.push(s),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        strings(&value, &mut all);
        for s in &all {
            assert!(!s.chars().any(bad), "{lang:?}: {s:?}");
            assert!(s.chars().filter(|c| *c == '\n').count() < 4, "{s:?}");
            assert!(
                !s.contains(&"\u{0301}".repeat(3)),
                "combining marks not capped"
            );
        }
        let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
        let p = typeset::check_fit(&doc, &small_ok(&deck));
        assert!(p.is_empty(), "{lang:?}: {p:#?}");
        let text = deck_text(&deck);
        assert!(
            text.contains("y…"),
            "{lang:?}: the long word is not visibly cut"
        );
        assert!(
            text.contains('\u{FFFD}') || text.contains("[U+1F50B]"),
            "{lang:?}"
        );
        assert!(text.contains("DailyNews"), "{lang:?}");

        let pdf = typeset::pdf(&doc).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&pdf);
        assert!(
            raw.contains("Deck title"),
            "the title is not in the metadata"
        );
        assert!(
            !raw.contains(rlo) && !raw.contains('\u{202C}'),
            "bidi control in the PDF"
        );
    }
}

#[test]
fn a_chart_the_title_the_matrix_and_the_map_never_split_and_no_row_is_left_alone() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let six = longest_six(&d, lang);
        for (page, baseline) in [PageShape::Wide, PageShape::Standard]
            .into_iter()
            .flat_map(|p| [(p, None), (p, Some(0))])
        {
            let opts = DeckOptions {
                page,
                context: true,
                ..Default::default()
            };
            let cmp = Comparison::build(&d, &six, baseline, lang);
            let deck = deck::build_dated(&d, &cmp, &opts, "2026-11-22");
            let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
            let counts = pages_per_slide(&deck, &doc);
            assert_eq!(counts.len(), deck.slides.len(), "{lang:?} {page:?}");
            for (s, n) in deck.slides.iter().zip(&counts) {
                let picture = match &s.body {
                    deck::Body::Title { .. } | deck::Body::Bars { .. } | deck::Body::Map { .. } => {
                        true
                    }
                    deck::Body::Table { fit, .. } => {
                        *fit && s.kind != Some(deck::SlideKind::Overview)
                    }
                    _ => false,
                };
                if picture {
                    assert_eq!(*n, 1, "{lang:?} {page:?}: '{}' takes {n} pages", s.title);
                }
            }
            // The headline figures continue only where they must, and then
            // never with a row alone on the last page.
            let texts = page_texts(&doc);
            let mut first = 0;
            for (s, n) in deck.slides.iter().zip(&counts) {
                if let (Some(deck::SlideKind::Overview), deck::Body::Table { rows, .. }) =
                    (s.kind, &s.body)
                    && *n > 1
                {
                    let last = &texts[first + n - 1];
                    let labels: Vec<String> = rows.iter().map(|r| squash(&r.label)).collect();
                    // A label counts where it is not only inside a longer one
                    // (`汽车产量` in `新能源汽车产量`).
                    let on_last = labels
                        .iter()
                        .filter(|l| {
                            let inside: usize = labels
                                .iter()
                                .filter(|m| m.len() > l.len() && m.contains(l.as_str()))
                                .map(|m| {
                                    last.matches(m.as_str()).count() * m.matches(l.as_str()).count()
                                })
                                .sum();
                            last.matches(l.as_str()).count() > inside
                        })
                        .count();
                    assert!(
                        on_last >= 2,
                        "{lang:?} {page:?}: {on_last} row(s) of {} on the last of {n} pages",
                        rows.len()
                    );
                }
                first += n;
            }
            let p = typeset::check_fit(&doc, &small_ok(&deck));
            assert!(p.is_empty(), "{lang:?} {page:?}: {p:#?}");
        }
    }
}

#[test]
fn negative_values_are_drawn_left_of_a_zero_line() {
    let mut d = seed();
    let key = {
        let cmp = Comparison::build(&d, &ids(&PAIR), None, Lang::En);
        cmp.default_chart_key()
            .unwrap_or_else(|| panic!("no chart"))
            .to_owned()
    };
    for c in d.clusters.iter_mut().filter(|c| c.id == PAIR[0]) {
        for m in c.metrics.iter_mut().filter(|m| m.key == key) {
            m.value = -m.value.abs();
        }
    }
    let deck = deck_of(&d, &ids(&PAIR), Lang::En, &DeckOptions::default());
    let Some(deck::Body::Bars { bars, zero, .. }) = deck
        .slides
        .iter()
        .map(|s| &s.body)
        .find(|b| matches!(b, deck::Body::Bars { .. }))
    else {
        panic!("no chart")
    };
    assert!(*zero > 0.0, "no zero line");
    assert!(bars[0].frac.is_some_and(|f| f < 0.0), "{:?}", bars[0].frac);
    assert!(bars[1].frac.is_some_and(|f| f > 0.0), "{:?}", bars[1].frac);
    assert!(problems(&deck).is_empty());
}

#[test]
fn the_map_names_provinces_and_no_label_overlaps() {
    let d = seed();
    for page in [PageShape::Standard, PageShape::Wide] {
        let opts = DeckOptions {
            page,
            context: true,
            ..Default::default()
        };
        let deck = deck_of(&d, &ids(&PAIR), Lang::En, &opts);
        let Some(deck::Body::Map { tiles, .. }) = deck
            .slides
            .iter()
            .map(|s| &s.body)
            .find(|b| matches!(b, deck::Body::Map { .. }))
        else {
            panic!("no map")
        };
        assert!(tiles.iter().any(|t| t.label == "Henan"));
        assert!(tiles.iter().all(|t| t.label.len() > 2 && t.short.len() > 2));
        let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
        let p = typeset::check_fit(&doc, &small_ok(&deck));
        assert!(p.is_empty(), "{page:?}: {p:#?}");
        let texts = page_texts(&doc);
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Henan") && t.contains("Hebei"))
        );
    }
}

/// The marks of a text: ①…⑩ and (11), (12)...
fn marks_in(s: &str, max: usize) -> Vec<String> {
    let mut out: Vec<String> = (0..max.max(10))
        .map(deck::note_mark)
        .filter(|m| s.contains(m.as_str()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_mark_has_its_note_and_every_note_its_mark() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        for (set, baseline) in [
            (ids(&PAIR), Some(0)),
            (longest_six(&d, lang), Some(1)),
            (
                ids(&[PAIR[0], "changsha-advanced-energy-storage-materials"]),
                None,
            ),
        ] {
            let cmp = Comparison::build(&d, &set, baseline, lang);
            let opts = DeckOptions {
                context: true,
                ..Default::default()
            };
            let deck = deck::build_dated(&d, &cmp, &opts, "2026-11-22");
            for s in &deck.slides {
                // Quoted titles may hold ① themselves; the notes slide lists notes.
                if matches!(
                    s.body,
                    deck::Body::Sources { .. } | deck::Body::Notes { .. }
                ) {
                    continue;
                }
                let notes: Vec<&String> = s.notes.iter().chain(&s.overflow).collect();
                let mut noted: Vec<String> = notes
                    .iter()
                    .filter_map(|n| n.split(' ').next().map(str::to_owned))
                    .collect();
                noted.sort();
                let mut body = serde_json::to_value(&s.body)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                body.push_str(&s.subtitle);
                body.push_str(&s.title);
                assert_eq!(
                    marks_in(&body, notes.len()),
                    noted,
                    "{lang:?} {}: marks and notes differ",
                    s.title
                );
            }
            // A not-comparable is said once per row, not in every cell.
            let text = serde_json::to_string(&deck.slides[1].body).unwrap_or_default();
            let phrase = lang.pick("不可比", "not comparable");
            assert!(text.matches(phrase).count() == 0, "{lang:?}: {text}");
        }
    }
}

#[test]
fn the_title_slide_says_what_the_data_is_and_when_it_is_from() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let deck = deck_of(&d, &ids(&PAIR), lang, &DeckOptions::default());
        let deck::Body::Title {
            data_title, date, ..
        } = &deck.slides[0].body
        else {
            panic!("no title slide")
        };
        assert!(!data_title.contains("五篇文章") && !data_title.contains("seed data"));
        assert!(!data_title.is_empty());
        let cited: Vec<&str> = d.sources.iter().map(|s| s.date.as_str()).collect();
        assert!(cited.iter().any(|c| date.contains(c)), "{date}");
        assert!(date.contains("2026-11-22"), "{date}");
    }
}

/// The six longest English names, renamed with `words` in front (and no
/// short name of their own): the headers of a 4:3 deck of six columns.
fn six_named(words: &str) -> (Dataset, Vec<String>) {
    let mut d = seed();
    let six = longest_six(&d, Lang::En);
    for (i, id) in six.iter().enumerate() {
        let c = d.clusters.iter_mut().find(|c| &c.id == id).unwrap();
        c.name.en = format!(
            "{words} {} cluster",
            ["one", "two", "three", "four", "five", "six"][i]
        );
        c.short_name = None;
    }
    (d, six)
}

/// The words of `words` that some run of the deck's text breaks at a
/// syllable (a run of text ends inside the word).
fn broken_words(deck: &Deck, words: &str) -> Vec<String> {
    let doc = typeset::layout(deck).unwrap_or_else(|e| panic!("{e}"));
    let runs: Vec<String> = typeset::placed_text(&doc)
        .into_iter()
        .map(|t| t.text.trim().to_owned())
        .collect();
    words
        .split(' ')
        .filter(|w| {
            runs.iter().any(|r| {
                // Typst draws the hyphen as a glyph of its own: the run ends
                // where the word was broken.
                r.trim_end_matches(['-', '\u{ad}', '\u{2010}'])
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| {
                        !head.is_empty() && w.len() > head.len() && w.starts_with(head)
                    })
            })
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_header_word_wider_than_its_column_breaks_at_a_syllable_and_others_stay_whole() {
    let opts = DeckOptions {
        page: PageShape::Standard,
        ..Default::default()
    };
    // Words wider than a sixth of the page: broken, never run into the next
    // column (an overlap is a fit problem).
    let long = "Electromechanical instrumentation";
    let (d, six) = six_named(long);
    let deck = deck_of(&d, &six, Lang::En, &opts);
    let p = problems(&deck);
    assert!(p.is_empty(), "{p:#?}");
    assert!(
        !broken_words(&deck, long).is_empty(),
        "the long words are broken"
    );
    // Words that fit their columns stay whole.
    let fit = "Shenzhen battery materials";
    let (d, six) = six_named(fit);
    let deck = deck_of(&d, &six, Lang::En, &opts);
    assert!(problems(&deck).is_empty());
    assert_eq!(broken_words(&deck, fit), Vec::<String>::new());
}

#[test]
fn a_list_that_continues_never_leaves_its_last_page_nearly_empty() {
    let d = seed();
    let label = cluster_compare::tokens::slide_type::LABEL;
    for lang in [Lang::Zh, Lang::En] {
        for set in [ids(&PAIR), longest_six(&d, lang)] {
            for page in [PageShape::Wide, PageShape::Standard] {
                let opts = DeckOptions {
                    page,
                    context: true,
                    ..Default::default()
                };
                let deck = deck_of(&d, &set, lang, &opts);
                let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
                // Characters of body text (set at 14–15 pt) on each page.
                let mut body = vec![0usize; doc.pages().len()];
                for t in typeset::placed_text(&doc) {
                    if t.size >= 13.9 && t.size <= label + 0.05 {
                        body[t.page] += t.text.trim().chars().count();
                    }
                }
                let mut first = 0;
                for n in pages_per_slide(&deck, &doc) {
                    let pages = &body[first..first + n];
                    if n > 1 {
                        let most = *pages.iter().max().unwrap();
                        let last = *pages.last().unwrap();
                        assert!(
                            last * 10 >= most * 3,
                            "{lang:?} {page:?} {} clusters, pages {}–{}: the last holds {last} \
                             characters of body text, the fullest {most}",
                            set.len(),
                            first + 1,
                            first + n
                        );
                    }
                    first += n;
                }
            }
        }
    }
}
