//! Where each slide of the deck goes: the PowerPoint slides it takes and
//! what each holds. A chart, the map, the title and a table that is one
//! picture (`fit`) take one slide, as in the PDF; a list that does not fit
//! continues on the next slide under the same title, marked "continued".
//! PowerPoint does not lay text out for the writer, so heights are planned
//! from the type sizes with exact line spacing ([`LEADING`]).

use cc_deck::{Body, Deck, Slide, Style};

use super::xml::{LEADING, lines};

/// The slide's frame, in points.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Geo {
    pub w: f64,
    pub h: f64,
    pub m: f64,
}

impl Geo {
    pub(crate) fn of(deck: &Deck) -> Self {
        Self {
            w: deck.page.width,
            h: deck.page.height,
            m: deck.style.margin,
        }
    }

    pub(crate) fn inner(&self) -> f64 {
        self.w - 2.0 * self.m
    }
}

/// What one PowerPoint slide holds of a deck slide.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Page {
    /// The deck slide (index into [`Deck::slides`]).
    pub slide: usize,
    /// The rows (tables), or lines (sources, notes), it holds; all for a
    /// slide on one page.
    pub from: usize,
    pub to: usize,
    /// This page's number within its slide, from 1, and their count.
    pub cont: usize,
    pub of: usize,
    /// The type size of a table set tighter to stay on one page.
    pub size: f64,
    /// The relative width of a one-picture table's first column, where it
    /// was changed to keep the table on its page at a legible size.
    pub first_width: Option<f64>,
}

/// The longest continuation mark, for planning the title's height.
pub(crate) fn cont_mark(continued: &str, cont: usize, of: usize) -> String {
    format!(" ({continued} {cont}/{of})")
}

/// Height of the title block (title, subtitle) of `s`.
pub(crate) fn head_height(s: &Slide, st: &Style, width: f64, continued: &str) -> f64 {
    if matches!(s.body, Body::Title { .. }) {
        return 0.0;
    }
    let title = format!("{}{}", s.title, cont_mark(continued, 99, 99));
    let mut h = lines(&title, width, st.title * 1.05) as f64 * st.title * LEADING;
    if !s.subtitle.is_empty() {
        h += 4.0 + lines(&s.subtitle, width, st.subtitle) as f64 * st.subtitle * LEADING;
    }
    h
}

/// Height of the foot (notes, pointer, source line and number).
pub(crate) fn foot_height(s: &Slide, st: &Style, width: f64, pointer: &str) -> f64 {
    let mut h = 0.0;
    let mut notes: Vec<&str> = s.notes.iter().map(String::as_str).collect();
    if s.more_notes.is_some() {
        notes.push(pointer);
    }
    for n in &notes {
        h += lines(n, width, st.note) as f64 * st.note * LEADING + 2.0;
    }
    if !notes.is_empty() {
        h += 8.0;
    }
    h + lines(&s.sources, width - 90.0, st.source).max(1) as f64 * st.source * LEADING
}

/// The body's frame of slide `s`: top and height, in points.
pub(crate) fn body_frame(s: &Slide, deck: &Deck) -> (f64, f64) {
    let g = Geo::of(deck);
    let st = &deck.style;
    let head = head_height(s, st, g.inner(), &deck.labels.continued);
    let foot = foot_height(s, st, g.inner(), &deck.labels.further_notes);
    let top = g.m + if head > 0.0 { head + 14.0 } else { 0.0 };
    let bottom = g.h - g.m - foot - 10.0;
    (top, (bottom - top).max(40.0))
}

/// Inner padding of a table cell, in points.
pub(crate) const CELL_X: f64 = 6.0;
pub(crate) fn cell_y(size: f64) -> f64 {
    if size >= 15.0 {
        4.0
    } else if size >= 14.0 {
        2.0
    } else {
        1.0
    }
}

/// Height of a table row whose cells are `cells` in columns `widths`.
pub(crate) fn row_height(cells: &[&str], widths: &[f64], size: f64) -> f64 {
    let n = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| lines(c, w - 2.0 * CELL_X, size))
        .max()
        .unwrap_or(1);
    n as f64 * size * LEADING + 2.0 * cell_y(size) + 1.0
}

/// Column widths (points) for relative widths `rel` across `width`.
pub(crate) fn widths(rel: &[f64], width: f64) -> Vec<f64> {
    let sum: f64 = rel.iter().sum::<f64>().max(f64::EPSILON);
    rel.iter().map(|r| r / sum * width).collect()
}

/// The table columns of a `Table` body.
pub(crate) fn table_widths(header: usize, first_width: f64, width: f64) -> Vec<f64> {
    let mut rel = vec![first_width.clamp(0.3, 4.0)];
    rel.extend(std::iter::repeat_n(1.0, header));
    widths(&rel, width)
}

/// Relative widths of the targets table's five columns, as in the PDF.
pub(crate) const TARGET_COLS: [f64; 5] = [1.0, 1.0, 1.2, 1.2, 0.8];

/// One line of a list body (sources, notes): a heading or a quote.
#[derive(Clone, Debug)]
pub(crate) struct ListLine<'a> {
    pub text: &'a str,
    pub head: bool,
}

/// The lines of a sources or notes body, in order.
pub(crate) fn list_lines(b: &Body) -> Vec<ListLine<'_>> {
    let items = match b {
        Body::Sources { items } | Body::Notes { items } => items,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for it in items {
        out.push(ListLine {
            text: &it.head,
            head: true,
        });
        for q in &it.quotes {
            out.push(ListLine {
                text: q,
                head: false,
            });
        }
    }
    out
}

/// Quotes are indented by this much under their heading.
pub(crate) const INDENT: f64 = 14.0;

pub(crate) fn list_line_height(l: &ListLine<'_>, width: f64, size: f64) -> f64 {
    let w = if l.head { width } else { width - INDENT };
    lines(l.text, w, size * 1.03) as f64 * size * LEADING + if l.head { 10.0 } else { 4.0 }
}

/// Splits items of heights `heights` into runs that fit `room` (after a
/// `fixed` part on every page, e.g. a table's header); each page holds one
/// item at least.
fn split(heights: &[f64], room: f64, fixed: f64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = fixed;
    for (i, h) in heights.iter().enumerate() {
        if i > start && used + h > room {
            out.push((start, i));
            start = i;
            used = fixed;
        }
        used += h;
    }
    if start < heights.len() || out.is_empty() {
        out.push((start, heights.len()));
    }
    out
}

/// Rows of heights `hs` in as few nearly even runs as fit `room` (after
/// `head` on every page), with a tenth of the room to spare, since the
/// heights are estimates and a slide program may wrap a cell once more;
/// where even runs cannot fit, as [`split`] runs.
fn even(hs: &[f64], room: f64, head: f64) -> Vec<(usize, usize)> {
    let room = room * 0.9;
    let plain = split(hs, room, head);
    let n = hs.len();
    for parts in plain.len().max(1)..=n {
        let per = n.div_ceil(parts);
        let chunks: Vec<(usize, usize)> =
            (0..n).step_by(per).map(|a| (a, (a + per).min(n))).collect();
        if chunks
            .iter()
            .all(|&(a, b)| head + hs[a..b].iter().sum::<f64>() <= room)
        {
            return chunks;
        }
    }
    plain
}

/// Type sizes below the label size a list may be set in to take fewer
/// slides: the body floor, which a table that is one picture keeps too.
const LIST_SMALLER: [f64; 1] = [14.0];

/// How a one-picture table's first column may give way before its type
/// gets smaller: wider (long row labels wrap less), then narrower (long
/// cluster names in the header wrap less), as factors of its width.
const FIRST_WIDTHS: [f64; 6] = [1.0, 1.25, 1.5, 2.0, 0.8, 0.65];

/// The runs of the rows of heights `hs` after a header `head`, none ending
/// on a row `keeps_with_next` says belongs with the next (a sub-heading).
fn runs(
    hs: &[f64],
    room: f64,
    head: f64,
    keeps_with_next: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut runs = split(hs, room, head);
    for k in 0..runs.len().saturating_sub(1) {
        let (a, b) = runs[k];
        if b - a > 1 && keeps_with_next(b - 1) {
            runs[k].1 -= 1;
            runs[k + 1].0 -= 1;
        }
    }
    runs
}

/// The size and runs of a list: the largest size, unless a smaller one
/// takes fewer slides.
fn best(sizes: &[f64], plan: &dyn Fn(f64) -> Vec<(usize, usize)>) -> (f64, Vec<(usize, usize)>) {
    let mut chosen = (sizes[0], plan(sizes[0]));
    for &size in &sizes[1..] {
        let r = plan(size);
        if r.len() < chosen.1.len() {
            chosen = (size, r);
        }
    }
    chosen
}

/// The pages of every slide of the deck, in order.
pub(crate) fn pages(deck: &Deck) -> Vec<Page> {
    let g = Geo::of(deck);
    let st = &deck.style;
    let mut out = Vec::new();
    for (i, s) in deck.slides.iter().enumerate() {
        let (_, room) = body_frame(s, deck);
        let list_sizes: Vec<f64> = std::iter::once(st.label).chain(LIST_SMALLER).collect();
        let picture_sizes: Vec<f64> = std::iter::once(st.label).chain(LIST_SMALLER).collect();
        let mut chosen_first = None;
        let (size, runs): (f64, Vec<(usize, usize)>) = match &s.body {
            Body::Table {
                header,
                first,
                rows,
                first_width,
                fit,
            } => {
                let head_cells: Vec<&str> = std::iter::once(first.as_str())
                    .chain(header.iter().map(|h| h.text.as_str()))
                    .collect();
                let heights = |size: f64, first_width: f64| -> (f64, Vec<f64>) {
                    let w = table_widths(header.len(), first_width, g.inner());
                    let head = row_height(&head_cells, &w, size);
                    let rows = rows
                        .iter()
                        .map(|r| {
                            if r.group {
                                row_height(&[r.label.as_str()], &[g.inner()], size)
                            } else {
                                let cells: Vec<&str> = std::iter::once(r.label.as_str())
                                    .chain(r.cells.iter().map(String::as_str))
                                    .collect();
                                row_height(&cells, &w, size)
                            }
                        })
                        .collect();
                    (head, rows)
                };
                let total = |size: f64, fw: f64| {
                    let (head, hs) = heights(size, fw);
                    head + hs.iter().sum::<f64>()
                };
                if *fit {
                    // The largest size at which some first column keeps the
                    // table on its page; never below the body floor (the
                    // columns give way first). Where none does, the floor
                    // with the first column that needs the least height.
                    let mut firsts = FIRST_WIDTHS.map(|k| (first_width * k).clamp(0.3, 4.0));
                    firsts.sort_by(|a, b| {
                        (a - first_width).abs().total_cmp(&(b - first_width).abs())
                    });
                    let fitting = picture_sizes.iter().copied().find_map(|size| {
                        firsts
                            .iter()
                            .copied()
                            .find(|&fw| total(size, fw) <= room)
                            .map(|fw| (size, fw))
                    });
                    let floor = LIST_SMALLER[0];
                    let overview = s.kind == Some(cc_deck::SlideKind::Overview);
                    let (size, fw, all) = match fitting {
                        Some((size, fw)) => (size, fw, vec![(0, rows.len())]),
                        // The headline figures, too long for one slide even
                        // at the floor, continue in even parts, as in the
                        // PDF, so no row is left alone on a slide.
                        None if overview => {
                            let (head, hs) = heights(floor, *first_width);
                            (floor, *first_width, even(&hs, room, head))
                        }
                        // A picture (the matrix) stays one slide, at the floor
                        // with the first column that needs the least height.
                        None => {
                            let fw = firsts
                                .iter()
                                .copied()
                                .min_by(|a, b| total(floor, *a).total_cmp(&total(floor, *b)))
                                .unwrap_or(*first_width);
                            (floor, fw, vec![(0, rows.len())])
                        }
                    };
                    if fw != *first_width {
                        chosen_first = Some(fw);
                    }
                    (size, all)
                } else {
                    best(&list_sizes, &|size| {
                        let (head, hs) = heights(size, *first_width);
                        runs(&hs, room, head, &|k| rows[k].group)
                    })
                }
            }
            Body::Targets { rows, header } => {
                let w = widths(&TARGET_COLS, g.inner());
                let head_cells: Vec<&str> = header.iter().map(String::as_str).collect();
                best(&list_sizes, &|size| {
                    let head = row_height(&head_cells, &w, size);
                    let hs: Vec<f64> = rows
                        .iter()
                        .map(|r| {
                            let cells =
                                [&r.cluster, &r.what, &r.target, &r.actual, &r.progress_text]
                                    .map(String::as_str);
                            row_height(&cells, &w, size)
                        })
                        .collect();
                    runs(&hs, room, head, &|_| false)
                })
            }
            Body::Sources { .. } | Body::Notes { .. } => {
                let ls = list_lines(&s.body);
                best(&list_sizes, &|size| {
                    let hs: Vec<f64> = ls
                        .iter()
                        .map(|l| list_line_height(l, g.inner(), size))
                        .collect();
                    runs(&hs, room, 0.0, &|k| ls[k].head)
                })
            }
            _ => (st.body, vec![(0, 0)]),
        };
        let of = runs.len();
        for (k, (from, to)) in runs.into_iter().enumerate() {
            out.push(Page {
                slide: i,
                from,
                to,
                cont: k + 1,
                of,
                size,
                first_width: chosen_first,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_split_where_the_room_ends_and_each_page_holds_one() {
        assert_eq!(split(&[10.0, 10.0, 10.0], 25.0, 0.0), vec![(0, 2), (2, 3)]);
        assert_eq!(split(&[50.0, 10.0], 25.0, 0.0), vec![(0, 1), (1, 2)]);
        assert_eq!(split(&[], 25.0, 0.0), vec![(0, 0)]);
        assert_eq!(split(&[10.0, 10.0], 25.0, 10.0), vec![(0, 1), (1, 2)]);
    }
}
