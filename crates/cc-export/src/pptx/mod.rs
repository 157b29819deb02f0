//! The deck as PPTX (PresentationML), for analysts who finish decks in
//! PowerPoint or WPS: the same slides, in the same order, with the same
//! notes as the PDF, written from the same deck model ([`cc_deck::Deck`]).
//! Titles, lists and tables are native text boxes and tables, charts are
//! native charts with their data in an embedded workbook, the map is one
//! native rectangle per province; each slide's notes page holds its
//! footnotes, the notes moved to the notes slide, and its sources.
//!
//! No well-kept crate writes PPTX (see docs/dependencies.md), so the parts
//! are written here, as rust_xlsxwriter writes XLSX: fixed templates for
//! the parts every presentation has, generated XML for the slides, every
//! user text escaped and cleaned of characters XML forbids
//! ([`xml::esc`]), the package zipped with the `zip` crate.

mod bodies;
mod chart;
mod pages;
mod parts;
mod slide;
mod xml;

use std::io::Write;

use cc_core::compare::Comparison;
use cc_data::model::Dataset;
use cc_deck::{Body, Deck, DeckOptions};

use crate::ExportError;
use parts::Rel;

/// The deck of `cmp` as PPTX bytes, and its number of slides.
pub fn pptx(
    d: &Dataset,
    cmp: &Comparison,
    opts: &DeckOptions,
) -> Result<(Vec<u8>, usize), ExportError> {
    write(&cc_deck::build(d, cmp, opts))
}

/// `deck` as PPTX bytes, and its number of slides.
pub fn write(deck: &Deck) -> Result<(Vec<u8>, usize), ExportError> {
    let pages = pages::pages(deck);
    let total = pages.len();
    let mut first_page = vec![0; deck.slides.len()];
    for (n, p) in pages.iter().enumerate().rev() {
        first_page[p.slide] = n + 1;
    }
    let ctx = slide::Ctx {
        deck,
        geo: pages::Geo::of(deck),
        first_page: &first_page,
        total,
    };

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut put = |name: &str, text: String| files.push((name.to_owned(), text.into_bytes()));
    let mut charts = 0usize;
    let mut embedded: Vec<(String, Vec<u8>)> = Vec::new();
    for (n, p) in pages.iter().enumerate() {
        let number = n + 1;
        let drawn = slide::draw(&ctx, p, number);
        let mut rels = vec![
            Rel {
                kind: "slideLayout",
                target: "../slideLayouts/slideLayout1.xml".into(),
            },
            Rel {
                kind: "notesSlide",
                target: format!("../notesSlides/notesSlide{number}.xml"),
            },
        ];
        if let Some(k) = drawn.chart
            && let Body::Bars { bars, axis, .. } = &deck.slides[k].body
        {
            charts += 1;
            rels.push(Rel {
                kind: "chart",
                target: format!("../charts/chart{charts}.xml"),
            });
            let st = &deck.style;
            let text = chart::ChartText {
                axis,
                size: if bars.len() <= 12 { 14.0 } else { 10.0 },
                text: &st.text,
                rule: &st.rule,
                lang: deck.lang,
            };
            let written = if deck.lang == "zh" {
                "原文数字"
            } else {
                "As written"
            };
            let book = chart::workbook(bars, axis, written)?;
            let book_name = format!("Microsoft_Excel_Worksheet{charts}.xlsx");
            put(
                &format!("ppt/charts/chart{charts}.xml"),
                chart::chart_xml(bars, &text, true),
            );
            put(
                &format!("ppt/charts/_rels/chart{charts}.xml.rels"),
                parts::rels(&[Rel {
                    kind: "package",
                    target: format!("../embeddings/{book_name}"),
                }]),
            );
            embedded.push((format!("ppt/embeddings/{book_name}"), book));
        }
        put(
            &format!("ppt/slides/slide{number}.xml"),
            parts::slide(&drawn.shapes),
        );
        put(
            &format!("ppt/slides/_rels/slide{number}.xml.rels"),
            parts::rels(&rels),
        );
        put(
            &format!("ppt/notesSlides/notesSlide{number}.xml"),
            parts::notes_slide(&slide::notes_page(deck, &deck.slides[p.slide])),
        );
        put(
            &format!("ppt/notesSlides/_rels/notesSlide{number}.xml.rels"),
            parts::rels(&[
                Rel {
                    kind: "notesMaster",
                    target: "../notesMasters/notesMaster1.xml".into(),
                },
                Rel {
                    kind: "slide",
                    target: format!("../slides/slide{number}.xml"),
                },
            ]),
        );
    }

    let st = &deck.style;
    let accents = {
        let mut a: Vec<String> = Vec::new();
        for s in &deck.slides {
            if let Body::Title { clusters, .. } = &s.body {
                a.extend(clusters.iter().map(|c| xml::hex(&c.color)));
            }
        }
        let fallback = xml::hex(&st.accent);
        std::array::from_fn(|i| a.get(i).cloned().unwrap_or_else(|| fallback.clone()))
    };
    let colours = parts::ThemeColours {
        text: xml::hex(&st.text),
        bg: xml::hex(&st.bg),
        accents,
    };
    let (w, h) = (xml::emu(deck.page.width), xml::emu(deck.page.height));
    let title = deck.slides.first().map(|s| s.title.as_str()).unwrap_or("");
    put("[Content_Types].xml", parts::content_types(total, charts));
    put("_rels/.rels", parts::package_rels());
    put(
        "docProps/core.xml",
        parts::core_props(title, &cc_deck::today()),
    );
    put("docProps/app.xml", parts::app_props(total, total));
    put("ppt/presentation.xml", parts::presentation(total, w, h));
    let mut pres_rels = vec![
        Rel {
            kind: "slideMaster",
            target: "slideMasters/slideMaster1.xml".into(),
        },
        Rel {
            kind: "notesMaster",
            target: "notesMasters/notesMaster1.xml".into(),
        },
        Rel {
            kind: "theme",
            target: "theme/theme1.xml".into(),
        },
    ];
    for n in 1..=total {
        pres_rels.push(Rel {
            kind: "slide",
            target: format!("slides/slide{n}.xml"),
        });
    }
    pres_rels.extend([
        Rel {
            kind: "presProps",
            target: "presProps.xml".into(),
        },
        Rel {
            kind: "viewProps",
            target: "viewProps.xml".into(),
        },
        Rel {
            kind: "tableStyles",
            target: "tableStyles.xml".into(),
        },
    ]);
    put("ppt/_rels/presentation.xml.rels", parts::rels(&pres_rels));
    put("ppt/presProps.xml", parts::pres_props());
    put("ppt/viewProps.xml", parts::view_props());
    put("ppt/tableStyles.xml", parts::table_styles());
    put(
        "ppt/theme/theme1.xml",
        parts::theme("Cluster Compare", &colours),
    );
    put(
        "ppt/theme/theme2.xml",
        parts::theme("Cluster Compare notes", &colours),
    );
    put(
        "ppt/slideMasters/slideMaster1.xml",
        parts::slide_master(&colours.bg),
    );
    put(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        parts::rels(&[
            Rel {
                kind: "slideLayout",
                target: "../slideLayouts/slideLayout1.xml".into(),
            },
            Rel {
                kind: "theme",
                target: "../theme/theme1.xml".into(),
            },
        ]),
    );
    put("ppt/slideLayouts/slideLayout1.xml", parts::slide_layout());
    put(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        parts::rels(&[Rel {
            kind: "slideMaster",
            target: "../slideMasters/slideMaster1.xml".into(),
        }]),
    );
    put("ppt/notesMasters/notesMaster1.xml", parts::notes_master());
    put(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        parts::rels(&[Rel {
            kind: "theme",
            target: "../theme/theme2.xml".into(),
        }]),
    );
    files.extend(embedded);

    // `[Content_Types].xml` first, as Office writes it.
    files.sort_by_key(|(name, _)| name != "[Content_Types].xml");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let err = |e: String| ExportError::Render(format!("PPTX package: {e}"));
    for (name, bytes) in &files {
        zip.start_file(name.as_str(), opts)
            .map_err(|e| err(e.to_string()))?;
        zip.write_all(bytes).map_err(|e| err(e.to_string()))?;
    }
    let out = zip.finish().map_err(|e| err(e.to_string()))?.into_inner();
    Ok((out, total))
}
