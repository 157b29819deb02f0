//! One PowerPoint slide: the shapes of its title, body and foot, and its
//! notes page.

use cc_deck::{Body, Deck, Slide};

use super::pages::{
    CELL_X, Geo, INDENT, Page, TARGET_COLS, body_frame, cell_y, cont_mark, list_lines, row_height,
    table_widths, widths,
};
use super::xml::{Align, LEADING, Look, emu, esc, hex, lines, para, paras};

/// A rectangle on the slide, in points.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Frame {
    fn xfrm(&self, tag: &str) -> String {
        format!(
            r#"<{tag}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></{tag}>"#,
            emu(self.x),
            emu(self.y),
            emu(self.w.max(1.0)),
            emu(self.h.max(1.0))
        )
    }
}

/// Where the text of a box sits.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Top,
    Middle,
    Bottom,
}

/// The shape tree of one slide.
pub(crate) struct Shapes {
    pub xml: String,
    next: u32,
}

impl Shapes {
    pub(crate) fn new() -> Self {
        Self {
            xml: String::new(),
            next: 2,
        }
    }

    fn id(&mut self) -> u32 {
        let id = self.next;
        self.next += 1;
        id
    }

    /// A text box (or, with `fill`, a filled rectangle) holding `paragraphs`.
    pub(crate) fn text(
        &mut self,
        name: &str,
        f: Frame,
        paragraphs: &str,
        anchor: Anchor,
        fill: &str,
        inset: f64,
    ) {
        let id = self.id();
        let anchor = match anchor {
            Anchor::Top => "t",
            Anchor::Middle => "ctr",
            Anchor::Bottom => "b",
        };
        let fill = if fill.is_empty() { "<a:noFill/>" } else { fill };
        let ins = emu(inset);
        let body = if paragraphs.is_empty() {
            r#"<a:p><a:endParaRPr lang="en-US"/></a:p>"#
        } else {
            paragraphs
        };
        self.xml.push_str(&format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{} {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{ins}" tIns="{ins}" rIns="{ins}" bIns="{ins}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
            esc(name),
            f.xfrm("a:xfrm"),
        ));
    }

    /// A native table: `cols` widths in points, rows of cells.
    pub(crate) fn table(&mut self, f: Frame, cols: &[f64], rows: &[TableRowXml]) {
        let id = self.id();
        let mut grid = String::new();
        for w in cols {
            grid.push_str(&format!(r#"<a:gridCol w="{}"/>"#, emu(*w)));
        }
        let mut body = String::new();
        for r in rows {
            body.push_str(&format!(r#"<a:tr h="{}">"#, emu(r.height)));
            body.push_str(&r.cells);
            body.push_str("</a:tr>");
        }
        self.xml.push_str(&format!(
            r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Table {id}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="0"/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"#,
            f.xfrm("p:xfrm")
        ));
    }

    /// The chart of relationship `rid`.
    pub(crate) fn chart(&mut self, f: Frame, rid: &str) {
        let id = self.id();
        self.xml.push_str(&format!(
            r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Chart {id}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>"#,
            f.xfrm("p:xfrm")
        ));
    }
}

/// One row of a native table: its planned height and its `<a:tc>` cells.
pub(crate) struct TableRowXml {
    pub height: f64,
    pub cells: String,
}

/// A solid fill of `color`.
pub(crate) fn solid(color: &str) -> String {
    format!(
        r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        hex(color)
    )
}

/// A table cell holding `paragraphs`, ruled below (`rule_w` points).
pub(crate) fn cell(paragraphs: &str, rule: &str, rule_w: f64, size: f64, span: usize) -> String {
    let none = |t: &str| format!(r#"<a:{t} w="0"><a:noFill/></a:{t}>"#);
    let bottom = format!(
        r#"<a:lnB w="{}" cap="flat" cmpd="sng" algn="ctr">{}<a:prstDash val="solid"/></a:lnB>"#,
        emu(rule_w),
        solid(rule)
    );
    let span_attr = if span > 1 {
        format!(r#" gridSpan="{span}""#)
    } else {
        String::new()
    };
    let mut s = format!(
        r#"<a:tc{span_attr}><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</a:txBody><a:tcPr marL="{x}" marR="{x}" marT="{y}" marB="{y}" anchor="t">{}{}{}{bottom}<a:noFill/></a:tcPr></a:tc>"#,
        none("lnL"),
        none("lnR"),
        none("lnT"),
        x = emu(CELL_X),
        y = emu(cell_y(size)),
    );
    for _ in 1..span {
        s.push_str(r#"<a:tc hMerge="1"><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></a:txBody><a:tcPr/></a:tc>"#);
    }
    s
}

/// Everything one slide's drawing needs from the deck.
pub(crate) struct Ctx<'a> {
    pub deck: &'a Deck,
    pub geo: Geo,
    /// The PowerPoint slide number (from 1) where each deck slide starts.
    pub first_page: &'a [usize],
    pub total: usize,
}

impl Ctx<'_> {
    fn look(&self, size: f64, color: &str) -> Look {
        Look::new(size, color, self.deck.lang)
    }
}

/// What a slide part needs besides its shapes: the chart it shows.
pub(crate) struct Drawn {
    pub shapes: String,
    /// The bars of the chart on this slide, if any.
    pub chart: Option<usize>,
}

/// The shapes of PowerPoint slide `number` (from 1), page `p`.
pub(crate) fn draw(ctx: &Ctx<'_>, p: &Page, number: usize) -> Drawn {
    let deck = ctx.deck;
    let st = &deck.style;
    let s = &deck.slides[p.slide];
    let g = ctx.geo;
    let mut sh = Shapes::new();
    let (top, height) = body_frame(s, deck);
    let body = Frame {
        x: g.m,
        y: top,
        w: g.inner(),
        h: height,
    };

    // The title block.
    if !matches!(s.body, Body::Title { .. }) {
        // As in the PDF: the first part has no mark, the rest "continued k/n".
        let mark = if p.cont > 1 {
            cont_mark(&deck.labels.continued, p.cont, p.of)
        } else {
            String::new()
        };
        let mut title = para(
            &[
                (s.title.as_str(), &ctx.look(st.title, &st.text).bold()),
                (mark.as_str(), &ctx.look(st.title, &st.muted)),
            ],
            Align::Left,
            0.0,
            &ctx.look(st.title, &st.text),
        );
        if !s.subtitle.is_empty() {
            title.push_str(&paras(
                &s.subtitle,
                &ctx.look(st.subtitle, &st.muted),
                Align::Left,
                4.0,
            ));
        }
        sh.text(
            "Title",
            Frame {
                x: g.m,
                y: g.m,
                w: g.inner(),
                h: (top - g.m - 8.0).max(st.title * LEADING),
            },
            &title,
            Anchor::Bottom,
            "",
            0.0,
        );
    }

    let chart = body_shapes(ctx, s, p, body, &mut sh);

    // The foot: notes, the pointer to the notes slide, sources, number.
    let note = ctx.look(st.note, &st.muted);
    let mut foot = String::new();
    for n in &s.notes {
        foot.push_str(&paras(n, &note, Align::Left, 2.0));
    }
    if let Some(k) = s.more_notes {
        let at = ctx
            .first_page
            .get(k)
            .map_or("?".to_owned(), |n| n.to_string());
        let pointer = deck.labels.further_notes.replace("{}", &at);
        foot.push_str(&para(&[(pointer.as_str(), &note)], Align::Left, 2.0, &note));
    }
    let src = ctx.look(st.source, &st.muted);
    let foot_top = body.y + body.h + 10.0;
    let foot_h = g.h - g.m - foot_top;
    if !foot.is_empty() {
        sh.text(
            "Notes",
            Frame {
                x: g.m,
                y: foot_top,
                w: g.inner(),
                h: (foot_h - st.source * LEADING - 6.0).max(st.note * LEADING),
            },
            &foot,
            Anchor::Top,
            "",
            0.0,
        );
    }
    let src_lines = lines(&s.sources, g.inner() - 90.0, st.source).max(1) as f64;
    let src_h = src_lines * st.source * LEADING;
    if !s.sources.is_empty() {
        sh.text(
            "Sources",
            Frame {
                x: g.m,
                y: g.h - g.m - src_h,
                w: g.inner() - 90.0,
                h: src_h,
            },
            &paras(&s.sources, &src, Align::Left, 0.0),
            Anchor::Bottom,
            "",
            0.0,
        );
    }
    sh.text(
        "Slide number",
        Frame {
            x: g.w - g.m - 80.0,
            y: g.h - g.m - st.source * LEADING,
            w: 80.0,
            h: st.source * LEADING,
        },
        &para(
            &[(format!("{number} / {}", ctx.total).as_str(), &src)],
            Align::Right,
            0.0,
            &src,
        ),
        Anchor::Bottom,
        "",
        0.0,
    );
    Drawn {
        shapes: sh.xml,
        chart,
    }
}

/// The body's shapes; returns the slide index when it is a chart.
fn body_shapes(ctx: &Ctx<'_>, s: &Slide, p: &Page, f: Frame, sh: &mut Shapes) -> Option<usize> {
    let deck = ctx.deck;
    let st = &deck.style;
    match &s.body {
        Body::Title {
            heading,
            data_title,
            date,
            clusters,
        } => {
            super::bodies::title(ctx, heading, data_title, date, clusters, sh);
            None
        }
        Body::Table {
            header,
            first,
            rows,
            first_width,
            ..
        } => {
            let size = p.size;
            let cols = table_widths(header.len(), p.first_width.unwrap_or(*first_width), f.w);
            let rule = &st.rule;
            let bold = ctx.look(size, &st.text).bold();
            let muted = ctx.look(size, &st.muted).bold();
            let plain = ctx.look(size, &st.text);
            let mut out = Vec::new();
            let mut head = cell(&paras(first, &muted, Align::Left, 0.0), rule, 1.0, size, 1);
            let mut head_cells = vec![first.as_str()];
            for h in header {
                let swatch = ctx.look(size, &h.color);
                let runs: Vec<(&str, &Look)> = if h.color.is_empty() {
                    vec![(h.text.as_str(), &bold)]
                } else {
                    vec![("■ ", &swatch), (h.text.as_str(), &bold)]
                };
                head.push_str(&cell(
                    &para(&runs, Align::Left, 0.0, &bold),
                    rule,
                    1.0,
                    size,
                    1,
                ));
                head_cells.push(&h.text);
            }
            out.push(TableRowXml {
                height: row_height(&head_cells, &cols, size),
                cells: head,
            });
            for r in rows.get(p.from..p.to).unwrap_or_default() {
                if r.group {
                    out.push(TableRowXml {
                        height: row_height(&[r.label.as_str()], &[f.w], size),
                        cells: cell(
                            &paras(&r.label, &muted, Align::Left, 0.0),
                            rule,
                            0.5,
                            size,
                            cols.len(),
                        ),
                    });
                    continue;
                }
                let mut cells = cell(
                    &paras(&r.label, &bold, Align::Left, 0.0),
                    rule,
                    0.5,
                    size,
                    1,
                );
                let mut texts = vec![r.label.as_str()];
                // As many cells as the header has columns, so the grid stays whole.
                for c in r.cells.iter().take(header.len()) {
                    cells.push_str(&cell(
                        &paras(c, &plain, Align::Left, 0.0),
                        rule,
                        0.5,
                        size,
                        1,
                    ));
                    texts.push(c);
                }
                for _ in r.cells.len()..header.len() {
                    cells.push_str(&cell(
                        &paras("", &plain, Align::Left, 0.0),
                        rule,
                        0.5,
                        size,
                        1,
                    ));
                }
                out.push(TableRowXml {
                    height: row_height(&texts, &cols, size),
                    cells,
                });
            }
            let h = out.iter().map(|r| r.height).sum::<f64>().min(f.h);
            sh.table(Frame { h, ..f }, &cols, &out);
            None
        }
        Body::Targets { rows, header } => {
            let size = p.size;
            let cols = widths(&TARGET_COLS, f.w);
            let rule = &st.rule;
            let bold = ctx.look(size, &st.text).bold();
            let muted = ctx.look(size, &st.muted).bold();
            let plain = ctx.look(size, &st.text);
            let mut out = Vec::new();
            let mut head = String::new();
            for (k, _) in cols.iter().enumerate() {
                let text = header.get(k).map(String::as_str).unwrap_or("");
                head.push_str(&cell(
                    &paras(text, &muted, Align::Left, 0.0),
                    rule,
                    1.0,
                    size,
                    1,
                ));
            }
            let head_cells: Vec<&str> = header.iter().map(String::as_str).collect();
            out.push(TableRowXml {
                height: row_height(&head_cells, &cols, size),
                cells: head,
            });
            for r in rows.get(p.from..p.to).unwrap_or_default() {
                let swatch = ctx.look(size, &r.color);
                let mut cells = cell(
                    &para(
                        &[("■ ", &swatch), (r.cluster.as_str(), &bold)],
                        Align::Left,
                        0.0,
                        &bold,
                    ),
                    rule,
                    0.5,
                    size,
                    1,
                );
                for t in [&r.what, &r.target, &r.actual] {
                    cells.push_str(&cell(
                        &paras(t, &plain, Align::Left, 0.0),
                        rule,
                        0.5,
                        size,
                        1,
                    ));
                }
                let progress = if r.progress_text.is_empty() {
                    deck.labels.none.as_str()
                } else {
                    r.progress_text.as_str()
                };
                cells.push_str(&cell(
                    &paras(progress, &bold, Align::Left, 0.0),
                    rule,
                    0.5,
                    size,
                    1,
                ));
                let texts = [
                    r.cluster.as_str(),
                    r.what.as_str(),
                    r.target.as_str(),
                    r.actual.as_str(),
                    progress,
                ];
                out.push(TableRowXml {
                    height: row_height(&texts, &cols, size),
                    cells,
                });
            }
            let h = out.iter().map(|r| r.height).sum::<f64>().min(f.h);
            sh.table(Frame { h, ..f }, &cols, &out);
            None
        }
        Body::Sources { .. } | Body::Notes { .. } => {
            let notes = matches!(s.body, Body::Notes { .. });
            let size = p.size;
            let mut text = String::new();
            let all = list_lines(&s.body);
            for l in all.get(p.from..p.to).unwrap_or_default() {
                if l.head {
                    let look = if notes {
                        ctx.look(size, &st.muted).bold()
                    } else {
                        ctx.look(size, &st.text).bold()
                    };
                    text.push_str(&paras(l.text, &look, Align::Left, 10.0));
                } else {
                    let look = if notes {
                        ctx.look(size, &st.text)
                    } else {
                        ctx.look(size, &st.muted)
                    };
                    text.push_str(
                        &paras(l.text, &look, Align::Left, 4.0)
                            .replace("<a:pPr ", &format!(r#"<a:pPr marL="{}" "#, emu(INDENT))),
                    );
                }
            }
            sh.text("List", f, &text, Anchor::Top, "", 0.0);
            None
        }
        Body::Bars { bars, warning, .. } => {
            super::bodies::bars(ctx, bars, warning, f, sh);
            Some(p.slide)
        }
        Body::Map {
            rows,
            cols,
            tiles,
            legend,
        } => {
            super::bodies::map(ctx, *rows, *cols, tiles, legend, f, sh);
            None
        }
    }
}

/// The paragraphs of slide `s`'s notes page: its notes (those at its foot
/// and those moved to the notes slide), the values of a chart as written,
/// and its sources.
pub(crate) fn notes_page(deck: &Deck, s: &Slide) -> String {
    let look = Look::new(12.0, "#000000", deck.lang);
    let bold = look.clone().bold();
    let mut out = String::new();
    if let Body::Bars { bars, axis, .. } = &s.body {
        out.push_str(&paras(axis, &bold, Align::Left, 0.0));
        for b in bars {
            let mut line = format!("{}: {}", b.label, b.value);
            if !b.detail.is_empty() {
                line.push_str(&format!(" ({})", b.detail));
            }
            out.push_str(&paras(&line, &look, Align::Left, 2.0));
        }
    }
    // The title slide drops the clusters' second lines when many are
    // compared; the notes page keeps them.
    if let Body::Title { clusters, .. } = &s.body {
        for c in clusters {
            let line = if c.detail.is_empty() {
                c.text.clone()
            } else {
                format!("{}: {}", c.text, c.detail)
            };
            out.push_str(&paras(&line, &look, Align::Left, 2.0));
        }
    }
    for n in s.notes.iter().chain(&s.overflow) {
        out.push_str(&paras(n, &look, Align::Left, 4.0));
    }
    if !s.sources.is_empty() {
        out.push_str(&paras(
            &format!("{}: {}", deck.labels.sources, s.sources),
            &look,
            Align::Left,
            6.0,
        ));
    }
    if out.is_empty() {
        out.push_str(&paras(&s.title, &look, Align::Left, 0.0));
    }
    out
}
