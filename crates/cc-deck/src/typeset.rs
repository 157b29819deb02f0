//! Lays out a [`Deck`] with the Typst compiler, as a library: the template
//! `assets/deck.typ` is the main file, the deck is the virtual file
//! `deck.json` that the template reads as data, and the only font is the
//! bundled Noto Sans CJK SC subset. From the laid-out pages come the PDF,
//! the PNG and SVG slides, the app's presentation mode, and [`check_fit`],
//! which the tests use to prove nothing is cut off or too small.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use super::Deck;
use cc_core::tokens::slide_type;

/// The slide template.
pub const TEMPLATE: &str = include_str!("../../../assets/deck.typ");
/// The bundled font (also the app's CJK font).
pub const FONT: &[u8] = cc_core::tokens::CJK_FONT;

#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error("the slide template failed: {0}")]
    Template(String),
    #[error("PDF: {0}")]
    Pdf(String),
    #[error("PNG: {0}")]
    Png(String),
}

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    data: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = Font::iter(Bytes::new(FONT)).collect();
    let id = |p: &str| {
        let vp = VirtualPath::new(p).expect("a constant, valid virtual path");
        FileId::new(RootedPath::new(VirtualRoot::Project, vp))
    };
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        main: id("/deck.typ"),
        data: id("/deck.json"),
        fonts,
    }
});

/// Whether the bundled font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    SHARED
        .fonts
        .iter()
        .any(|f| f.info().coverage.contains(c as u32))
}

/// The Typst world of one deck: the template and the deck as JSON.
struct DeckWorld {
    source: Source,
    data: Bytes,
}

impl World for DeckWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        SHARED.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == SHARED.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == SHARED.data {
            Ok(self.data.clone())
        } else if id == SHARED.main {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn diagnostics(d: &[SourceDiagnostic]) -> String {
    d.iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Lays out the deck with the project's template.
pub fn layout(deck: &Deck) -> Result<PagedDocument, TypesetError> {
    layout_with(deck, TEMPLATE)
}

/// Lays out the deck with another template (tests use this to show the fit
/// check catches a bad layout).
pub fn layout_with(deck: &Deck, template: &str) -> Result<PagedDocument, TypesetError> {
    let data = serde_json::to_vec(deck).map_err(|e| TypesetError::Template(e.to_string()))?;
    let world = DeckWorld {
        source: Source::new(SHARED.main, template.to_owned()),
        data: Bytes::new(data),
    };
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|e| TypesetError::Template(diagnostics(&e)))
}

/// The deck as one PDF: vector, fonts embedded, text selectable.
pub fn pdf(doc: &PagedDocument) -> Result<Vec<u8>, TypesetError> {
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom("cluster-compare-deck".into()),
        ..Default::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|e| TypesetError::Pdf(diagnostics(&e)))
}

/// Pixels per point for slides `width_px` wide.
pub fn scale_for_width(doc: &PagedDocument, width_px: u32) -> f32 {
    let w = doc
        .pages()
        .first()
        .map(|p| p.frame.width().to_pt())
        .unwrap_or(960.0);
    (width_px as f64 / w) as f32
}

/// One page as straight RGBA pixels (the page background is opaque).
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Renders page `index` at `pixel_per_pt`.
pub fn raster(doc: &PagedDocument, index: usize, pixel_per_pt: f32) -> Option<Raster> {
    let page = doc.pages().get(index)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt.clamp(0.1, 16.0) as f64),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    Some(Raster {
        width: pixmap.width(),
        height: pixmap.height(),
        rgba: pixmap.data().to_vec(),
    })
}

/// Renders page `index` as PNG bytes.
pub fn png(doc: &PagedDocument, index: usize, pixel_per_pt: f32) -> Result<Vec<u8>, TypesetError> {
    let r = raster(doc, index, pixel_per_pt)
        .ok_or_else(|| TypesetError::Png(format!("no slide {}", index + 1)))?;
    let img = image::RgbaImage::from_raw(r.width, r.height, r.rgba)
        .ok_or_else(|| TypesetError::Png("pixel buffer of the wrong size".into()))?;
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| TypesetError::Png(e.to_string()))?;
    Ok(out)
}

/// Renders page `index` as an SVG document.
pub fn svg(doc: &PagedDocument, index: usize) -> Option<String> {
    let page = doc.pages().get(index)?;
    Some(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
}

/// A piece of text as laid out on a page.
#[derive(Clone, Debug)]
pub struct PlacedText {
    pub page: usize,
    pub text: String,
    /// Font size in points.
    pub size: f64,
    /// Left, top, right, bottom in points.
    pub bounds: [f64; 4],
    /// Some character has no glyph in the font (it would show as a box).
    pub missing_glyph: bool,
    /// The run's ink between cap height and baseline (left, top, right,
    /// bottom): two runs whose cores overlap are drawn over each other.
    pub core: [f64; 4],
}

/// Everything laid out, flattened: every text run, and the bounds of every
/// shape and image, with page positions.
pub fn placed_text(doc: &PagedDocument) -> Vec<PlacedText> {
    let mut out = Vec::new();
    for (i, page) in doc.pages().iter().enumerate() {
        walk(&page.frame, Transform::identity(), &mut |item, ts| {
            if let FrameItem::Text(t) = item {
                let b = t.bbox();
                let corners = [
                    Point::new(b.min.x, b.min.y),
                    Point::new(b.max.x, b.max.y),
                    Point::new(Abs::zero(), -t.size),
                    Point::new(t.width(), t.size * 0.25),
                ];
                let pts: Vec<Point> = corners.iter().map(|p| p.transform(ts)).collect();
                let core: Vec<Point> = [
                    Point::new(Abs::zero(), -t.size * 0.6),
                    Point::new(t.width(), t.size * 0.05),
                ]
                .iter()
                .map(|p| p.transform(ts))
                .collect();
                let xs = pts.iter().map(|p| p.x.to_pt());
                let ys = pts.iter().map(|p| p.y.to_pt());
                out.push(PlacedText {
                    page: i,
                    text: t.text.to_string(),
                    size: t.size.to_pt() * ts.sy.get().abs(),
                    missing_glyph: t.glyphs.iter().any(|g| g.id == 0),
                    core: [
                        core[0].x.to_pt().min(core[1].x.to_pt()),
                        core[0].y.to_pt().min(core[1].y.to_pt()),
                        core[0].x.to_pt().max(core[1].x.to_pt()),
                        core[0].y.to_pt().max(core[1].y.to_pt()),
                    ],
                    bounds: [
                        xs.clone().fold(f64::INFINITY, f64::min),
                        ys.clone().fold(f64::INFINITY, f64::min),
                        xs.fold(f64::NEG_INFINITY, f64::max),
                        ys.fold(f64::NEG_INFINITY, f64::max),
                    ],
                });
            }
        });
    }
    out
}

fn walk(frame: &Frame, ts: Transform, f: &mut dyn FnMut(&FrameItem, Transform)) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), f),
            other => f(other, here),
        }
    }
}

/// Bounds of every shape and image (left, top, right, bottom), per page.
fn placed_boxes(doc: &PagedDocument) -> Vec<(usize, [f64; 4])> {
    let mut out = Vec::new();
    for (i, page) in doc.pages().iter().enumerate() {
        walk(&page.frame, Transform::identity(), &mut |item, ts| {
            let (min, max) = match item {
                FrameItem::Shape(s, _) => {
                    let r = s.bbox(false);
                    (r.min, r.max)
                }
                FrameItem::Image(_, size, _) => (Point::zero(), Point::new(size.x, size.y)),
                _ => return,
            };
            let a = min.transform(ts);
            let b = max.transform(ts);
            out.push((
                i,
                [
                    a.x.to_pt().min(b.x.to_pt()),
                    a.y.to_pt().min(b.y.to_pt()),
                    a.x.to_pt().max(b.x.to_pt()),
                    a.y.to_pt().max(b.y.to_pt()),
                ],
            ));
        });
    }
    out
}

/// What breaks the fit rule.
#[derive(Clone, Debug, PartialEq)]
pub enum FitProblem {
    /// Something lies (partly) outside its page.
    OffPage {
        page: usize,
        what: String,
        bounds: [f64; 4],
    },
    /// Text below its floor: `floor` is 14 pt for body text, 10 pt for
    /// footnotes and source lines.
    TooSmall {
        page: usize,
        text: String,
        size: f64,
        floor: f64,
    },
    /// A page without a title of 28 pt or more.
    NoTitle { page: usize, largest: f64 },
    /// A character the bundled font lacks: it would show as a box.
    MissingGlyph { page: usize, text: String },
    /// A control character (bidirectional override, newline...) reached
    /// the page.
    Control { page: usize, text: String },
    /// Two texts drawn over each other (a foot over the body, a label over
    /// its neighbour).
    Overlap {
        page: usize,
        first: String,
        second: String,
    },
}

/// How far (pt) two texts may overlap before they count as drawn over each
/// other: neighbouring runs of one line touch.
const OVERLAP: f64 = 1.0;

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    let x = a[2].min(b[2]) - a[0].max(b[0]);
    let y = a[3].min(b[3]) - a[1].max(b[1]);
    x > OVERLAP && y > OVERLAP
}

/// Pairs of texts on one page drawn over each other.
fn overlapping(texts: &[PlacedText]) -> Vec<FitProblem> {
    let mut out = Vec::new();
    let mut by_page: Vec<Vec<&PlacedText>> = Vec::new();
    for t in texts.iter().filter(|t| !t.text.trim().is_empty()) {
        if by_page.len() <= t.page {
            by_page.resize_with(t.page + 1, Vec::new);
        }
        by_page[t.page].push(t);
    }
    for list in by_page {
        for (i, a) in list.iter().enumerate() {
            if let Some(b) = list[i + 1..].iter().find(|b| overlaps(&a.core, &b.core)) {
                out.push(FitProblem::Overlap {
                    page: a.page,
                    first: a.text.clone(),
                    second: b.text.clone(),
                });
            }
        }
    }
    out
}

/// Checks the fit rule on a laid-out deck: everything within its page, text
/// at or above the legibility floor, a title of at least 28 pt on every page,
/// no character missing from the font, no control character, and no text
/// drawn over another (a foot taller than its room overlaps the body).
/// `small_ok` says which texts may be set at the footnote floor (footnotes,
/// source lines, slide numbers).
pub fn check_fit(doc: &PagedDocument, small_ok: &dyn Fn(&str) -> bool) -> Vec<FitProblem> {
    const EPS: f64 = 0.5;
    let mut problems = Vec::new();
    let sizes: Vec<(f64, f64)> = doc
        .pages()
        .iter()
        .map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt()))
        .collect();
    let outside = |page: usize, b: &[f64; 4]| {
        let (w, h) = sizes[page];
        b[0] < -EPS || b[1] < -EPS || b[2] > w + EPS || b[3] > h + EPS
    };
    let mut largest = vec![0.0f64; sizes.len()];
    let texts = placed_text(doc);
    problems.extend(overlapping(&texts));
    for t in texts {
        if t.text
            .chars()
            .any(|c| c.is_control() || crate::clean::is_bidi_control(c))
        {
            problems.push(FitProblem::Control {
                page: t.page,
                text: t.text.clone(),
            });
        }
        if outside(t.page, &t.bounds) {
            problems.push(FitProblem::OffPage {
                page: t.page,
                what: t.text.clone(),
                bounds: t.bounds,
            });
        }
        if t.missing_glyph {
            problems.push(FitProblem::MissingGlyph {
                page: t.page,
                text: t.text.clone(),
            });
        }
        let trimmed = t.text.trim();
        if trimmed.is_empty() {
            continue;
        }
        largest[t.page] = largest[t.page].max(t.size);
        let floor = if small_ok(trimmed) {
            slide_type::FLOOR_NOTE
        } else {
            slide_type::FLOOR_BODY
        };
        if t.size + 1e-6 < floor {
            problems.push(FitProblem::TooSmall {
                page: t.page,
                text: t.text,
                size: t.size,
                floor,
            });
        }
    }
    for (page, l) in largest.into_iter().enumerate() {
        if l + 1e-6 < slide_type::FLOOR_TITLE {
            problems.push(FitProblem::NoTitle { page, largest: l });
        }
    }
    for (page, b) in placed_boxes(doc) {
        if outside(page, &b) {
            problems.push(FitProblem::OffPage {
                page,
                what: "shape".into(),
                bounds: b,
            });
        }
    }
    problems
}
