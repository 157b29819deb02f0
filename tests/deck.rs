//! The slide deck: laid out by Typst, checked for fit on every page shape,
//! for 1 to 6 clusters, in both languages, with the longest names; every
//! figure and target present; hostile names stay data.

use cluster_compare::compare::Comparison;
use cluster_compare::deck::{self, Body, Deck, DeckOptions, PageShape, typeset};
use cluster_compare::export::{self, Format, Request};
use cluster_compare::format;
use cluster_compare::load;
use cluster_compare::model::{Dataset, Lang};
use cluster_compare::units::Quantity;

#[path = "deck/choice.rs"]
mod choice;
#[path = "deck/cite.rs"]
mod cite;
#[path = "deck/limits.rs"]
mod limits;
#[path = "deck/series.rs"]
mod series;

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

const PAIR: [&str; 2] = ["shenzhen-battery-materials", "guangdong-six-city-nev"];

/// The six clusters with the longest names in `lang`.
fn longest_six(d: &Dataset, lang: Lang) -> Vec<String> {
    let mut c: Vec<_> = d.clusters.iter().collect();
    c.sort_by_key(|c| std::cmp::Reverse(c.name.get(lang).chars().count()));
    c.iter().take(6).map(|c| c.id.clone()).collect()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn deck_of(d: &Dataset, ids: &[String], lang: Lang, opts: &DeckOptions) -> Deck {
    let cmp = Comparison::build(d, ids, None, lang);
    deck::build_dated(d, &cmp, opts, "2026-11-22")
}

/// Texts that may be set at the footnote floor: footnotes, source lines,
/// slide numbers.
fn small_ok(deck: &Deck) -> impl Fn(&str) -> bool + '_ {
    move |t: &str| {
        let t = t.trim();
        let is_number = t.split(" / ").count() == 2
            && t.split(" / ")
                .all(|p| p.chars().all(|c| c.is_ascii_digit()));
        let pointer = deck
            .labels
            .further_notes
            .split("{}")
            .next()
            .unwrap_or_default()
            .trim();
        is_number
            || (!pointer.is_empty() && t.starts_with(pointer))
            || deck
                .slides
                .iter()
                .any(|s| s.sources.contains(t) || s.notes.iter().any(|n| n.contains(t)))
    }
}

fn problems(deck: &Deck) -> Vec<typeset::FitProblem> {
    let doc = typeset::layout(deck).unwrap_or_else(|e| panic!("{e}"));
    typeset::check_fit(&doc, &small_ok(deck))
}

#[test]
fn every_slide_fits_its_page_for_every_shape_size_and_language() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let sets = [
            ids(&PAIR[..1]),
            ids(&PAIR),
            ids(&[PAIR[0], PAIR[1], "yichun-lithium"]),
            longest_six(&d, lang),
        ];
        for set in &sets {
            for page in [PageShape::Wide, PageShape::Standard] {
                let opts = DeckOptions {
                    page,
                    context: set.len() == 3,
                    ..Default::default()
                };
                let deck = deck_of(&d, set, lang, &opts);
                let p = problems(&deck);
                assert!(
                    p.is_empty(),
                    "{lang:?} {page:?} {} clusters: {p:#?}",
                    set.len()
                );
            }
        }
    }
}

#[test]
fn the_fit_check_catches_small_type_and_content_off_the_page() {
    let d = seed();
    let good = deck_of(&d, &ids(&PAIR), Lang::Zh, &DeckOptions::default());

    // Body text below 14 pt.
    let mut small = good.clone();
    small.style.label = 12.0;
    small.style.body = 12.0;
    let p = problems(&small);
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::TooSmall { floor, .. } if *floor == 14.0)),
        "{p:?}"
    );

    // Footnotes below 10 pt.
    let mut tiny_notes = good.clone();
    tiny_notes.style.note = 8.0;
    let p = problems(&tiny_notes);
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::TooSmall { floor, .. } if *floor == 10.0)),
        "{p:?}"
    );

    // Titles below 28 pt.
    let mut low_titles = good.clone();
    low_titles.style.title = 20.0;
    low_titles.style.deck_title = 20.0;
    let p = problems(&low_titles);
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::NoTitle { .. })),
        "{p:?}"
    );

    // Something placed past the page's edge.
    let template = typeset::TEMPLATE.replace(
        "#body(s)\n",
        "#body(s)\n      #place(top + left, dx: W - 20pt, text(size: 20pt)[overflowing])\n",
    );
    assert_ne!(template, typeset::TEMPLATE, "the template changed shape");
    let doc = typeset::layout_with(&good, &template).unwrap_or_else(|e| panic!("{e}"));
    let p = typeset::check_fit(&doc, &small_ok(&good));
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::OffPage { what, .. } if what.contains("overflowing"))),
        "{p:?}"
    );

    // A character the bundled font lacks (it would show as a box).
    let mut tofu = good.clone();
    tofu.slides[1].title = "Tofu \u{1F9C8} here".into();
    let p = problems(&tofu);
    assert!(
        p.iter()
            .any(|p| matches!(p, typeset::FitProblem::MissingGlyph { .. })),
        "{p:?}"
    );

    // The good deck passes.
    assert!(problems(&good).is_empty());
}

/// All text of the laid-out deck, without white space.
fn deck_text(deck: &Deck) -> String {
    let doc = typeset::layout(deck).unwrap_or_else(|e| panic!("{e}"));
    typeset::placed_text(&doc)
        .into_iter()
        .map(|t| t.text)
        .collect::<String>()
        .split_whitespace()
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn every_figure_and_target_of_the_compared_clusters_is_on_a_slide() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let set = ids(&[PAIR[0], PAIR[1], "yichun-lithium"]);
        let text = deck_text(&deck_of(&d, &set, lang, &DeckOptions::default()));
        for id in &set {
            let Some(c) = d.cluster(id) else {
                panic!("{id} missing")
            };
            for m in &c.metrics {
                let written =
                    squash(&format::metric(m, lang).unwrap_or_else(|| panic!("{}", m.unit)));
                assert!(text.contains(&written), "{lang:?} {id}: {written} missing");
                assert!(
                    text.contains(&squash(&m.source.quote)),
                    "{lang:?} {id}: quote {} missing",
                    m.source.quote
                );
            }
            for t in &c.targets {
                let q = Quantity::new(t.value, &t.unit).unwrap_or_else(|| panic!("{}", t.unit));
                let written = squash(&format::figure(&q, t.qualifier, lang));
                assert!(
                    text.contains(&written),
                    "{lang:?} {id}: target {written} missing"
                );
            }
            for p in &c.policies {
                assert!(
                    text.contains(&squash(&deck::shorten(p.title.get(lang), 120))),
                    "{lang:?} {id}: policy {} missing",
                    p.title.get(lang)
                );
            }
        }
    }
}

#[test]
fn a_cluster_without_figures_says_so_and_nothing_says_hover() {
    let d = seed();
    let set = ids(&[PAIR[0], "changsha-advanced-energy-storage-materials"]);
    for lang in [Lang::Zh, Lang::En] {
        let text = deck_text(&deck_of(&d, &set, lang, &DeckOptions::default()));
        let says = lang.pick(
            "来源未给出集群整体的数字",
            "thesourcesgivenocluster-widefigures",
        );
        assert!(text.contains(says), "{lang:?}");
        for hint in ["悬停", "hover", "Hover", "点击", "click"] {
            assert!(!text.contains(hint), "{lang:?}: '{hint}' on a still slide");
        }
    }
    // Clusters without figures are named on one slide, not one slide each.
    let none: Vec<&str> = d
        .clusters
        .iter()
        .filter(|c| c.metrics.is_empty())
        .take(3)
        .map(|c| c.id.as_str())
        .collect();
    let mut set = vec![PAIR[0]];
    set.extend(&none);
    for lang in [Lang::Zh, Lang::En] {
        let deck = deck_of(&d, &ids(&set), lang, &DeckOptions::default());
        let every = lang.pick("：全部数字", ": every figure");
        let titled: Vec<&str> = deck
            .slides
            .iter()
            .filter(|s| s.title.ends_with(every))
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titled.len(), 1, "{lang:?}: {titled:?}");
        let once: Vec<_> = deck
            .slides
            .iter()
            .filter(|s| {
                s.title
                    == lang.pick(
                        "来源未给出数字的集群",
                        "Clusters the sources give no figures for",
                    )
            })
            .collect();
        assert_eq!(once.len(), 1, "{lang:?}");
        let Body::Table { rows, .. } = &once[0].body else {
            panic!("a table")
        };
        for id in &none {
            let c = d.cluster(id).unwrap();
            assert!(
                rows.iter().any(|r| r.cells[0] == c.name.get(lang)),
                "{lang:?}: {id}"
            );
        }
    }
}

#[test]
fn long_content_continues_on_numbered_slides_under_the_same_title() {
    let d = seed();
    let deck = deck_of(&d, &ids(&PAIR), Lang::En, &DeckOptions::default());
    let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.pages().len() > deck.slides.len(), "nothing continued");
    let text: String = typeset::placed_text(&doc)
        .into_iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("continued 2/"), "no continued marker");
    // Every page is numbered n / total.
    let total = doc.pages().len();
    for n in 1..=total {
        assert!(
            text.contains(&format!("{n} / {total}")),
            "page {n} unnumbered"
        );
    }
}

#[test]
fn hostile_names_are_shown_as_text_and_long_ones_shortened() {
    let mut d = seed();
    let hostile = "#set page(fill: red) ] ) } \" \\ $x$ <l> @ref *bold* // comment";
    d.clusters[0].name.zh = hostile.into();
    d.clusters[0].name.en = hostile.into();
    d.clusters[1].name.zh = "长".repeat(10_000);
    d.clusters[1].name.en = "long ".repeat(2_000);
    for lang in [Lang::Zh, Lang::En] {
        let set = ids(&PAIR);
        let deck = deck_of(&d, &set, lang, &DeckOptions::default());
        assert!(problems(&deck).is_empty(), "{lang:?}");
        let text = deck_text(&deck);
        assert!(text.contains(&squash("#set page(fill: red)")), "{lang:?}");
        assert!(text.contains('…'), "long name not visibly shortened");
        assert!(!text.contains(&"长".repeat(300)), "long name not shortened");
    }
}

#[test]
fn the_user_title_and_metric_lead_the_deck() {
    let d = seed();
    let opts = DeckOptions {
        title: Some("Batteries and cars".into()),
        metric: Some("firms".into()),
        ..Default::default()
    };
    let deck = deck_of(&d, &ids(&PAIR), Lang::En, &opts);
    assert_eq!(deck.slides[0].title, "Batteries and cars");
    // The first chart after the overview is the chosen metric.
    assert!(
        deck.slides[2].title.contains("Firms"),
        "{}",
        deck.slides[2].title
    );
}

#[test]
fn pdf_png_and_svg_files_of_the_deck() {
    let d = seed();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut req = Request {
        ids: ids(&PAIR),
        lang: Lang::Zh,
        ..Default::default()
    };
    let pdf = dir.path().join("deck.pdf");
    export::export_to(&d, &req, Format::Pdf, &pdf).unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF"));
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("FontFile"), "fonts not embedded");

    // PNG slides into a folder, 1920 wide at 16:9 and 1024 wide at 4:3.
    for (page, w, h) in [
        (PageShape::Wide, 1920, 1080),
        (PageShape::Standard, 1024, 768),
    ] {
        req.slides = true;
        req.png.width = w;
        req.png.scale = 1.0;
        req.deck.page = page;
        let folder = dir.path().join(format!("png-{w}"));
        export::export_to(&d, &req, Format::Png, &folder).unwrap_or_else(|e| panic!("{e}"));
        let first = image::open(folder.join("slide-01.png")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((first.width(), first.height()), (w, h));
        assert!(folder.join("slide-02.png").exists());
    }

    // SVG slides; a stale slide of a longer deck is removed.
    let folder = dir.path().join("svg");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(folder.join("slide-99.svg"), "old").unwrap_or_else(|e| panic!("{e}"));
    export::export_to(&d, &req, Format::Svg, &folder).unwrap_or_else(|e| panic!("{e}"));
    let svg =
        std::fs::read_to_string(folder.join("slide-01.svg")).unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"));
    assert!(!folder.join("slide-99.svg").exists());
}

#[test]
fn a_view_picture_never_cuts_content_off_it_refuses_and_points_to_the_deck() {
    let d = seed();
    let mut req = Request {
        ids: ids(&PAIR),
        lang: Lang::Zh,
        ..Default::default()
    };
    req.png.width = 640;
    req.png.height = 360;
    match export::render(&d, &req, Format::Png) {
        Err(e @ export::ExportError::DoesNotFit) => {
            assert!(e.to_string().contains("--format pdf"), "{e}");
        }
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
    req.png.width = 1920;
    req.png.height = 1080;
    let png = export::render(&d, &req, Format::Png).unwrap_or_else(|e| panic!("{e}"));
    let img = image::load_from_memory(&png).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((img.width(), img.height()), (1920, 1080));
}
