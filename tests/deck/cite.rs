//! Every download can carry its citation: the deck's last slide and the
//! sheets say how to cite them (the data's title and date, the app and its
//! version, the day they were made).

use super::*;
use cluster_compare::deck::{SlideChoice, SlideKind, SourcesMode};

fn cite_parts(d: &Dataset, lang: Lang) -> [String; 3] {
    [
        d.title.get(lang).to_owned(),
        env!("CARGO_PKG_VERSION").to_owned(),
        lang.pick("引用：", "Cite as: ").to_owned(),
    ]
}

#[test]
fn the_last_slide_says_how_to_cite_the_deck_and_still_fits() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        for (choice, page) in [
            (SlideChoice::default(), PageShape::Wide),
            (
                SlideChoice {
                    slides: Some(vec![SlideKind::Overview, SlideKind::Charts]),
                    sources: SourcesMode::Line,
                    ..SlideChoice::default()
                },
                PageShape::Standard,
            ),
        ] {
            let opts = DeckOptions {
                page,
                choice,
                ..DeckOptions::default()
            };
            let deck = deck_of(&d, &longest_six(&d, lang), lang, &opts);
            let (last, before) = deck.slides.split_last().unwrap();
            for part in cite_parts(&d, lang) {
                assert!(
                    last.sources.contains(&part),
                    "{part:?} in {:?}",
                    last.sources
                );
            }
            assert!(last.sources.contains("2026-11-22"), "{}", last.sources);
            assert!(
                before
                    .iter()
                    .all(|s| !s.sources.contains(&cite_parts(&d, lang)[2])),
                "only the last slide"
            );
            let p = problems(&deck);
            assert!(p.is_empty(), "{lang:?} {page:?}: {p:?}");
        }
    }
}

#[test]
fn markdown_html_and_xlsx_end_with_how_to_cite_them() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let req = Request {
            ids: ids(&PAIR),
            lang,
            ..Default::default()
        };
        let md = String::from_utf8(export::render(&d, &req, Format::Md).unwrap()).unwrap();
        let last = md.lines().rfind(|l| !l.trim().is_empty()).unwrap();
        let html = String::from_utf8(export::render(&d, &req, Format::Html).unwrap()).unwrap();
        for part in cite_parts(&d, lang) {
            assert!(last.contains(&part), "{part:?} in {last}");
            let escaped = part.replace('\'', "&#39;");
            assert!(
                html.contains(&part) || html.contains(&escaped),
                "{part:?} in the HTML"
            );
        }
        let xlsx = export::render(&d, &req, Format::Xlsx).unwrap();
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        use calamine::Reader;
        let sources = wb.worksheet_range(lang.pick("来源", "Sources")).unwrap();
        let cells: Vec<String> = sources.cells().map(|(_, _, c)| c.to_string()).collect();
        let cite = cells
            .iter()
            .find(|c| c.starts_with(&cite_parts(&d, lang)[2]))
            .unwrap_or_else(|| panic!("no citation under the sources: {cells:?}"));
        assert!(cite.contains(env!("CARGO_PKG_VERSION")), "{cite}");
    }
}
