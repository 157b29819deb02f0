//! The deck as PPTX: a package PowerPoint, WPS and LibreOffice open, with
//! the same slides, order and notes as the PDF deck, every figure and note
//! of the deck model in its text, charts as native charts with their data,
//! and hostile text escaped or stripped.

#[path = "pptx/read.rs"]
mod read;

use std::collections::BTreeMap;
use std::io::Cursor;

use cluster_compare::compare::Comparison;
use cluster_compare::deck::{self, Body, Deck, DeckOptions, PageShape};
use cluster_compare::export::{self, Format, Request, What};
use cluster_compare::load;
use cluster_compare::model::{Dataset, Lang};

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

fn deck_of(d: &Dataset, ids: &[String], lang: Lang, opts: &DeckOptions) -> Deck {
    let cmp = Comparison::build(d, ids, None, lang);
    deck::build_dated(d, &cmp, opts, "2026-11-22")
}

/// Every text the deck model shows or notes, line by line.
fn model_texts(deck: &Deck) -> Vec<String> {
    let mut v: Vec<&str> = Vec::new();
    for s in &deck.slides {
        v.extend([&s.title, &s.subtitle, &s.sources].map(String::as_str));
        v.extend(s.notes.iter().map(String::as_str));
        v.extend(s.overflow.iter().map(String::as_str));
        match &s.body {
            Body::Title {
                heading,
                data_title,
                date,
                clusters,
            } => {
                v.extend([heading, data_title, date].map(String::as_str));
                for c in clusters {
                    v.extend([&c.text, &c.detail].map(String::as_str));
                }
            }
            Body::Table {
                header,
                first,
                rows,
                ..
            } => {
                v.push(first);
                v.extend(header.iter().map(|h| h.text.as_str()));
                for r in rows {
                    v.push(&r.label);
                    v.extend(r.cells.iter().map(String::as_str));
                }
            }
            Body::Bars {
                bars,
                axis,
                warning,
                ..
            } => {
                v.extend([axis, warning].map(String::as_str));
                for b in bars {
                    v.extend([&b.label, &b.value, &b.detail].map(String::as_str));
                }
            }
            Body::Targets { rows, header } => {
                v.extend(header.iter().map(String::as_str));
                for r in rows {
                    v.extend([&r.cluster, &r.what, &r.target, &r.actual].map(String::as_str));
                    v.push(&r.progress_text);
                }
            }
            Body::Sources { items } | Body::Notes { items } => {
                for i in items {
                    v.push(&i.head);
                    v.extend(i.quotes.iter().map(String::as_str));
                }
            }
            Body::Map { tiles, legend, .. } => {
                v.extend(legend.iter().map(|l| l.text.as_str()));
                v.extend(tiles.iter().map(|t| t.count.as_str()));
            }
        }
    }
    v.iter()
        .flat_map(|t| t.split('\n'))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A written package, read back.
struct Package {
    parts: BTreeMap<String, Vec<u8>>,
    /// The text of each slide part, in slide order.
    slides: Vec<String>,
    /// The text of each slide's notes page.
    notes: Vec<String>,
    /// Slides, notes and charts together.
    all: String,
}

fn open(bytes: &[u8]) -> Package {
    let parts = read::parts(bytes);
    let mut texts = BTreeMap::new();
    for (name, b) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            texts.insert(name.clone(), read::text(name, b));
        }
    }
    let count = |prefix: &str| {
        (1..)
            .take_while(|i| texts.contains_key(&format!("{prefix}{i}.xml")))
            .map(|i| texts[&format!("{prefix}{i}.xml")].clone())
            .collect::<Vec<_>>()
    };
    let slides = count("ppt/slides/slide");
    let notes = count("ppt/notesSlides/notesSlide");
    let all = texts
        .iter()
        .filter(|(n, _)| {
            n.starts_with("ppt/slides/")
                || n.starts_with("ppt/notesSlides/")
                || n.starts_with("ppt/charts/")
        })
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    Package {
        parts,
        slides,
        notes,
        all,
    }
}

/// Every relationship of every part names a part of the package, and every
/// part the content types list is there.
fn check_links(p: &Package) {
    for (name, b) in &p.parts {
        if !name.ends_with(".rels") {
            continue;
        }
        for t in read::targets(b) {
            let part = read::resolve(name, &t);
            assert!(
                p.parts.contains_key(&part),
                "{name} points to {t} ({part}), which is missing"
            );
        }
    }
    let types = String::from_utf8_lossy(&p.parts["[Content_Types].xml"]).into_owned();
    for piece in types.split("PartName=\"/").skip(1) {
        let part = piece.split('"').next().unwrap();
        assert!(
            p.parts.contains_key(part),
            "[Content_Types].xml lists {part}, which is missing"
        );
    }
}

/// Which deck slide each PowerPoint slide shows: its first line is the
/// deck slide's title (the heading on the title slide).
fn slide_map(deck: &Deck, p: &Package) -> Vec<usize> {
    let mut at = 0usize;
    p.slides
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let first = text.lines().next().unwrap_or_default();
            let found = (at..deck.slides.len())
                .find(|&i| {
                    // The title itself, or it continued ("… (continued 2/3)"):
                    // a longer title that starts with it is another slide.
                    let title = deck.slides[i].title.lines().next().unwrap_or_default();
                    first
                        .strip_prefix(title)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(" ("))
                })
                .unwrap_or_else(|| {
                    panic!(
                        "slide {} ({first:?}) is no deck slide at or after {at}",
                        k + 1
                    )
                });
            at = found;
            found
        })
        .collect()
}

fn check(deck: &Deck, bytes: &[u8]) -> Package {
    let p = open(bytes);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "ppt/presentation.xml",
        "ppt/_rels/presentation.xml.rels",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideLayouts/slideLayout1.xml",
        "ppt/notesMasters/notesMaster1.xml",
        "ppt/theme/theme1.xml",
    ] {
        assert!(p.parts.contains_key(part), "{part} missing");
    }
    check_links(&p);
    assert_eq!(p.slides.len(), p.notes.len(), "one notes page per slide");

    // The same slides in the same order: every deck slide has one slide or
    // more, in order; a picture (chart, map, title, one-picture table) one.
    let map = slide_map(deck, &p);
    for (i, s) in deck.slides.iter().enumerate() {
        let n = map.iter().filter(|&&k| k == i).count();
        // The headline figures are set tighter first but may continue (in
        // even parts) where six clusters' rows cannot fit one slide.
        let picture = matches!(
            s.body,
            Body::Bars { .. }
                | Body::Map { .. }
                | Body::Title { .. }
                | Body::Table { fit: true, .. }
        ) && s.kind != Some(cluster_compare::deck::SlideKind::Overview);
        assert!(n >= 1, "deck slide {i} ({}) has no slide", s.title);
        assert!(
            !picture || n == 1,
            "deck slide {i} ({}) is one picture but takes {n} slides",
            s.title
        );
    }

    // Every figure and note of the deck is in the PPTX's text.
    for t in model_texts(deck) {
        assert!(p.all.contains(&t), "{t:?} is not in the PPTX");
    }
    // Each slide's notes page holds its notes and sources.
    for (k, &i) in map.iter().enumerate() {
        let s = &deck.slides[i];
        for n in s.notes.iter().chain(&s.overflow) {
            for line in n.lines() {
                assert!(
                    p.notes[k].contains(line.trim()),
                    "notes page {} lacks {line:?}",
                    k + 1
                );
            }
        }
        assert!(p.notes[k].contains(s.sources.lines().next().unwrap_or_default()));
    }
    p
}

#[test]
fn a_deck_for_two_three_and_six_clusters_is_a_whole_pptx_with_every_figure_and_note() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let six = longest_six(&d, lang);
        let cases: Vec<Vec<String>> = vec![
            PAIR.iter().map(|s| (*s).to_owned()).collect(),
            six[..3].to_vec(),
            six.clone(),
        ];
        for ids in cases {
            for page in [PageShape::Wide, PageShape::Standard] {
                for context in [false, true] {
                    let opts = DeckOptions {
                        page,
                        context,
                        ..Default::default()
                    };
                    let deck = deck_of(&d, &ids, lang, &opts);
                    let (bytes, n) = export::pptx::write(&deck).unwrap();
                    let p = check(&deck, &bytes);
                    assert_eq!(p.slides.len(), n);
                    let pres =
                        String::from_utf8_lossy(&p.parts["ppt/presentation.xml"]).into_owned();
                    let size = match page {
                        PageShape::Wide => r#"cx="12192000" cy="6858000""#,
                        PageShape::Standard => r#"cx="9144000" cy="6858000""#,
                    };
                    assert!(pres.contains(size), "{page:?}: {pres}");
                    // As in the PDF, a slide's first part is not "continued".
                    let first_part = format!("({} 1/", deck.labels.continued);
                    for text in &p.slides {
                        let title = text.lines().next().unwrap_or_default();
                        assert!(!title.contains(&first_part), "{lang:?} {page:?}: {title}");
                    }
                }
            }
        }
    }
}

#[test]
fn every_bar_chart_is_a_native_chart_with_its_values_and_an_embedded_workbook() {
    use calamine::Reader;
    let d = seed();
    let ids = longest_six(&d, Lang::En);
    let deck = deck_of(
        &d,
        &ids,
        Lang::En,
        &DeckOptions {
            context: true,
            ..Default::default()
        },
    );
    let (bytes, _) = export::pptx::write(&deck).unwrap();
    let p = open(&bytes);
    let charts: Vec<_> = deck
        .slides
        .iter()
        .filter_map(|s| match &s.body {
            Body::Bars { bars, .. } => Some(bars),
            _ => None,
        })
        .collect();
    assert!(charts.len() >= 3, "{}", charts.len());
    for (k, bars) in charts.iter().enumerate() {
        let name = format!("ppt/charts/chart{}.xml", k + 1);
        let xml = String::from_utf8_lossy(&p.parts[&name]).into_owned();
        assert!(xml.contains("<c:barChart>"), "{name}");
        assert!(
            xml.contains(&format!(r#"<c:ptCount val="{}"/>"#, bars.len())),
            "{name}"
        );
        for b in bars.iter() {
            assert!(
                xml.contains(&format!("<c:v>{}</c:v>", b.label.replace('&', "&amp;"))),
                "{name}: {}",
                b.label
            );
        }
        let book = &p.parts[&format!("ppt/embeddings/Microsoft_Excel_Worksheet{}.xlsx", k + 1)];
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(book.clone())).unwrap();
        let range = wb.worksheet_range("Sheet1").unwrap();
        for (i, b) in bars.iter().enumerate() {
            let got = range.get_value((i as u32 + 1, 1)).and_then(|c| match c {
                calamine::Data::Float(f) => Some(*f),
                calamine::Data::Int(n) => Some(*n as f64),
                _ => None,
            });
            assert_eq!(got, b.number, "{name}: bar {i} ({})", b.label);
            assert_eq!(
                range.get_value((i as u32 + 1, 0)).map(|c| c.to_string()),
                Some(b.label.clone())
            );
        }
    }
    // A chart with figures is drawn: at least one cluster chart has numbers.
    assert!(
        charts
            .iter()
            .any(|b| b.iter().filter(|x| x.number.is_some()).count() >= 2)
    );
}

#[test]
fn hostile_text_is_escaped_or_stripped_and_every_part_still_parses() {
    let d = seed();
    let ids: Vec<String> = PAIR.iter().map(|s| (*s).to_owned()).collect();
    let mut deck = deck_of(&d, &ids, Lang::En, &DeckOptions::default());
    let evil = "A<b>&amp;\u{1}\u{0}\u{202E}\u{7}\u{FFFE}Z\"'</p:sp>";
    for s in &mut deck.slides {
        s.title = format!("{evil} {}", s.title);
        s.notes.push(evil.to_owned());
        match &mut s.body {
            Body::Title { heading, .. } => *heading = format!("{evil} {heading}"),
            Body::Bars { bars, .. } => bars
                .iter_mut()
                .for_each(|b| b.label = format!("{evil}{}", b.label)),
            Body::Table { rows, .. } => rows
                .iter_mut()
                .for_each(|r| r.cells.iter_mut().for_each(|c| c.push_str(evil))),
            _ => {}
        }
    }
    let (bytes, _) = export::pptx::write(&deck).unwrap();
    let p = open(&bytes);
    let clean = "A<b>&amp;Z\"'</p:sp>";
    assert!(
        p.slides.iter().all(|s| s.starts_with(clean)),
        "{:?}",
        p.slides[1]
    );
    assert!(p.notes.iter().all(|s| s.contains(clean)));
    for (name, b) in &p.parts {
        if name.ends_with(".xml") {
            let s = String::from_utf8_lossy(b);
            assert!(
                !s.contains('\u{202E}') && !s.contains('\u{1}') && !s.contains('\u{0}'),
                "{name}"
            );
        }
    }
}

#[test]
fn the_export_writes_a_pptx_atomically_and_says_how_many_slides() {
    let d = seed();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    let req = Request {
        ids: PAIR.iter().map(|s| (*s).to_owned()).collect(),
        lang: Lang::En,
        ..Default::default()
    };
    let report = export::export_report(&d, &req, Format::Pptx, What::Comparison, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let p = open(&bytes);
    assert_eq!(report.written, format!("{} slides", p.slides.len()));
    assert_eq!(Format::Pptx.extension(), "pptx");
    // Only the file is left: no temporary file beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Not to standard output.
    assert!(
        export::export_report(
            &d,
            &req,
            Format::Pptx,
            What::Comparison,
            std::path::Path::new("-")
        )
        .is_err()
    );
}

/// LibreOffice opens the PPTX and converts it to PDF, one page per slide;
/// skipped (and said so) where `soffice` is not installed.
#[test]
fn libreoffice_opens_the_pptx() {
    let Ok(status) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        println!("skipped: soffice is not installed (apt-get install libreoffice-impress)");
        return;
    };
    if !status.status.success() {
        println!("skipped: soffice --version failed");
        return;
    }
    let d = seed();
    let dir = tempfile::tempdir().unwrap();
    for (lang, page, name) in [
        (Lang::Zh, PageShape::Wide, "zh"),
        (Lang::En, PageShape::Standard, "en"),
    ] {
        let ids = longest_six(&d, lang);
        let deck = deck_of(
            &d,
            &ids[..3],
            lang,
            &DeckOptions {
                page,
                context: true,
                ..Default::default()
            },
        );
        let (bytes, n) = export::pptx::write(&deck).unwrap();
        let src = dir.path().join(format!("{name}.pptx"));
        std::fs::write(&src, &bytes).unwrap();
        let profile = format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        );
        let out = std::process::Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&src)
            .output()
            .unwrap();
        let pdf = dir.path().join(format!("{name}.pdf"));
        let pdf_bytes = std::fs::read(&pdf).unwrap_or_else(|e| {
            panic!(
                "soffice wrote no PDF ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        // Pages as pdfinfo counts them, where it is installed.
        let pages = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("Pages:")
                            .map(|n| n.trim().parse::<usize>().ok())
                    })
                    .flatten()
            });
        assert!(pdf_bytes.starts_with(b"%PDF"), "{name}: not a PDF");
        if let Ok(keep) = std::env::var("CC_PPTX_KEEP") {
            let _ = std::fs::copy(&src, format!("{keep}/{name}.pptx"));
            let _ = std::fs::copy(&pdf, format!("{keep}/{name}.pdf"));
        }
        if let Some(pages) = pages {
            assert_eq!(
                pages, n,
                "{name}: LibreOffice's PDF has {pages} pages for {n} slides"
            );
        }
    }
}

#[test]
fn the_command_line_writes_pptx_and_warns_of_a_wrong_extension() {
    use clap::Parser;
    use cluster_compare::cli::{self, Cli};
    let dir = tempfile::tempdir().unwrap();
    let run = |out: &std::path::Path| {
        let out = out.to_str().unwrap();
        let args = [
            "cluster-compare",
            "--compare",
            &PAIR.join(","),
            "--lang",
            "en",
            "--verbose",
            "export",
            "--format",
            "pptx",
            "-o",
            out,
        ];
        let cli = Cli::try_parse_from(args).unwrap();
        let (mut o, mut e) = (Vec::new(), Vec::new());
        let code = cli::run_to(&cli, cli.command.as_ref().unwrap(), &mut o, &mut e);
        (code, String::from_utf8(e).unwrap())
    };
    let out = dir.path().join("deck.pptx");
    let (code, err) = run(&out);
    assert_eq!(code, std::process::ExitCode::SUCCESS, "{err}");
    let n = open(&std::fs::read(&out).unwrap()).slides.len();
    assert!(err.contains(&format!("{n} slides")), "{err}");
    assert!(!err.contains("warning"), "{err}");
    let (_, err) = run(&dir.path().join("deck.pdf"));
    assert!(err.contains("ends in .pdf but --format is pptx"), "{err}");
}

/// The smallest type size (pt) in the tables of a slide part's XML.
fn smallest_table_type(xml: &str) -> Option<f64> {
    let mut min: Option<f64> = None;
    for table in xml.split("<a:tbl>").skip(1) {
        let table = &table[..table.find("</a:tbl>").unwrap_or(table.len())];
        for piece in table.split(" sz=\"").skip(1) {
            let hundredths: f64 = piece.split('"').next().unwrap().parse().unwrap();
            let pt = hundredths / 100.0;
            min = Some(min.map_or(pt, |m: f64| m.min(pt)));
        }
    }
    min
}

#[test]
fn no_table_is_set_below_14_pt_even_the_matrix_of_six_long_names_at_4_3() {
    let d = seed();
    for lang in [Lang::Zh, Lang::En] {
        let six = longest_six(&d, lang);
        for page in [PageShape::Standard, PageShape::Wide] {
            let opts = DeckOptions {
                page,
                ..Default::default()
            };
            let deck = deck_of(&d, &six, lang, &opts);
            let (bytes, _) = export::pptx::write(&deck).unwrap();
            let parts = read::parts(&bytes);
            let mut tables = 0;
            for (name, b) in &parts {
                if !(name.starts_with("ppt/slides/slide") && name.ends_with(".xml")) {
                    continue;
                }
                let xml = String::from_utf8_lossy(b);
                if let Some(pt) = smallest_table_type(&xml) {
                    tables += 1;
                    assert!(pt >= 14.0, "{lang:?} {page:?} {name}: a table at {pt} pt");
                }
            }
            assert!(
                tables >= 2,
                "{lang:?} {page:?}: the overview and the matrix at least"
            );
        }
    }
}
