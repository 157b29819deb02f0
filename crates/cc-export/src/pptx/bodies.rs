//! The bodies drawn with shapes: the title slide, a bar chart (a native
//! chart beside the values as written), and the province tile map (one
//! native rectangle per province, so it stays editable).

use cc_deck::{Bar, MapTile, Swatch};

use super::pages::Geo;
use super::slide::{Anchor, Ctx, Frame, Shapes, solid};
use super::xml::{Align, LEADING, Look, ems, hex, lines, para, paras};

pub(crate) fn title(
    ctx: &Ctx<'_>,
    heading: &str,
    data_title: &str,
    date: &str,
    clusters: &[Swatch],
    sh: &mut Shapes,
) {
    let st = &ctx.deck.style;
    let g: Geo = ctx.geo;
    let w = g.inner();
    let mut top = paras(
        heading,
        &ctx_look(ctx, st.deck_title, &st.text).bold(),
        Align::Left,
        0.0,
    );
    let mut h = lines(heading, w, st.deck_title * 1.05) as f64 * st.deck_title * LEADING + 10.0;
    let sub = ctx_look(ctx, st.subtitle, &st.muted);
    for t in [data_title, date] {
        if !t.is_empty() {
            top.push_str(&paras(t, &sub, Align::Left, 6.0));
            h += lines(t, w, st.subtitle) as f64 * st.subtitle * LEADING + 6.0;
        }
    }
    let y0 = g.m + 8.0;
    sh.text(
        "Title",
        Frame {
            x: g.m,
            y: y0,
            w,
            h,
        },
        &top,
        Anchor::Top,
        "",
        0.0,
    );

    // The clusters: one column, or two, with their second line while there is room.
    let room = g.h - g.m - 30.0 - (y0 + h + 18.0);
    let name = ctx_look(ctx, st.body, &st.text).bold();
    let detail = ctx_look(ctx, st.label, &st.muted);
    let height = |cols: usize, details: bool| -> f64 {
        let cw = (w - 18.0 * (cols as f64 - 1.0)) / cols as f64 - 24.0;
        let per: Vec<f64> = clusters
            .iter()
            .map(|c| {
                let mut h = lines(&c.text, cw, st.body * 1.05) as f64 * st.body * LEADING;
                if details && !c.detail.is_empty() {
                    h += lines(&c.detail, cw, st.label) as f64 * st.label * LEADING;
                }
                h + 10.0
            })
            .collect();
        per.chunks(cols)
            .map(|r| r.iter().copied().fold(0.0, f64::max))
            .sum()
    };
    let (cols, details) = [(1, true), (2, true), (1, false), (2, false), (3, false)]
        .into_iter()
        .find(|&(c, d)| height(c, d) <= room)
        .unwrap_or((3, false));
    let cw = (w - 18.0 * (cols as f64 - 1.0)) / cols as f64;
    let mut y = y0 + h + 18.0;
    for row in clusters.chunks(cols) {
        let mut row_h: f64 = 0.0;
        for (k, c) in row.iter().enumerate() {
            let x = g.m + k as f64 * (cw + 18.0);
            let mut text = paras(&c.text, &name, Align::Left, 0.0);
            let mut hh = lines(&c.text, cw - 24.0, st.body * 1.05) as f64 * st.body * LEADING;
            if details && !c.detail.is_empty() {
                text.push_str(&paras(&c.detail, &detail, Align::Left, 0.0));
                hh += lines(&c.detail, cw - 24.0, st.label) as f64 * st.label * LEADING;
            }
            sh.text(
                "Swatch",
                Frame {
                    x,
                    y: y + 4.0,
                    w: 14.0,
                    h: 14.0,
                },
                "",
                Anchor::Top,
                &solid(&c.color),
                0.0,
            );
            sh.text(
                "Cluster",
                Frame {
                    x: x + 24.0,
                    y,
                    w: cw - 24.0,
                    h: hh,
                },
                &text,
                Anchor::Top,
                "",
                0.0,
            );
            row_h = row_h.max(hh);
        }
        y += row_h + 10.0;
    }
}

fn ctx_look(ctx: &Ctx<'_>, size: f64, color: &str) -> Look {
    Look::new(size, color, ctx.deck.lang)
}

/// Whether the values as written say more than the chart's numbers (a
/// qualifier, a year, a unit, a note mark, no figure): then they are listed
/// beside the chart.
fn values_say_more(bars: &[Bar]) -> bool {
    bars.iter().any(|b| {
        b.number.is_none() || !b.detail.is_empty() || b.value.chars().any(|c| !c.is_ascii_digit())
    })
}

pub(crate) fn bars(ctx: &Ctx<'_>, bars: &[Bar], warning: &str, f: Frame, sh: &mut Shapes) {
    let st = &ctx.deck.style;
    let mut f = f;
    if !warning.is_empty() {
        let look = ctx_look(ctx, st.label, &st.warn).bold();
        let h = lines(warning, f.w, st.label * 1.05) as f64 * st.label * LEADING;
        sh.text(
            "Warning",
            Frame { h, ..f },
            &paras(warning, &look, Align::Left, 0.0),
            Anchor::Top,
            "",
            0.0,
        );
        f.y += h + 10.0;
        f.h -= h + 10.0;
    }
    let chart_w = if values_say_more(bars) {
        f.w * 0.56
    } else {
        f.w
    };
    sh.chart(Frame { w: chart_w, ..f }, "rId3");
    if chart_w >= f.w {
        return;
    }
    // The values as written, beside the chart: largest size that fits.
    let x = f.x + chart_w + 16.0;
    let w = f.w - chart_w - 16.0;
    let plan = |size: f64, details: bool| -> f64 {
        bars.iter()
            .map(|b| {
                let mut h = lines(&format!("■ {}: {}", b.label, b.value), w, size * 1.05) as f64;
                if details && !b.detail.is_empty() {
                    h += lines(&b.detail, w, size) as f64;
                }
                h * size * LEADING + 6.0
            })
            .sum()
    };
    let (size, details) = [
        (st.body, true),
        (st.label, true),
        (14.0, true),
        (14.0, false),
    ]
    .into_iter()
    .find(|&(s, d)| plan(s, d) <= f.h)
    .unwrap_or((14.0, false));
    let mut text = String::new();
    for b in bars {
        let swatch = ctx_look(ctx, size, &b.color);
        let name = ctx_look(ctx, size, &st.text).bold();
        let value_look = if b.number.is_none() {
            ctx_look(ctx, size, &st.muted)
        } else {
            ctx_look(ctx, size, &st.text)
        };
        text.push_str(&para(
            &[
                ("■ ", &swatch),
                (b.label.as_str(), &name),
                (": ", &name),
                (b.value.as_str(), &value_look),
            ],
            Align::Left,
            6.0,
            &name,
        ));
        if details && !b.detail.is_empty() {
            text.push_str(&paras(
                &b.detail,
                &ctx_look(ctx, size, &st.muted),
                Align::Left,
                0.0,
            ));
        }
    }
    sh.text(
        "Values",
        Frame {
            x,
            y: f.y,
            w,
            h: f.h,
        },
        &text,
        Anchor::Middle,
        "",
        0.0,
    );
}

pub(crate) fn map(
    ctx: &Ctx<'_>,
    rows: u8,
    cols: u8,
    tiles: &[MapTile],
    legend: &[Swatch],
    f: Frame,
    sh: &mut Shapes,
) {
    let st = &ctx.deck.style;
    let size = st.label;
    let legend_w = legend
        .iter()
        .map(|l| ems(&l.text) * size + size * 1.6)
        .fold(0.0, f64::max)
        + 4.0;
    let (rows_f, cols_f) = (f64::from(rows.max(1)), f64::from(cols.max(1)));
    let mut tile_w = (f.w - legend_w - 20.0) / cols_f;
    let tile_h = (f.h / rows_f).min(tile_w);
    tile_w = tile_w.min(tile_h * 2.4);
    let gap = 3.0;
    let hatch = format!(
        r#"<a:pattFill prst="wdUpDiag"><a:fgClr><a:srgbClr val="{}"/></a:fgClr><a:bgClr><a:srgbClr val="{}"/></a:bgClr></a:pattFill><a:ln w="7620">{}</a:ln>"#,
        hex(&st.rule),
        hex(&st.bg),
        solid(&st.rule)
    );
    for t in tiles {
        let room = tile_w - gap - 4.0;
        // Type as large as the label size, smaller on small tiles.
        let ts = size.min(tile_h / 3.2).max(8.0);
        let look = ctx_look(ctx, ts, &t.ink).bold();
        let count_look = ctx_look(ctx, ts, &t.ink);
        let fits = ems(&t.label) * ts * 1.05 <= room;
        let name = if fits {
            t.label.as_str()
        } else {
            t.short.as_str()
        };
        let mut text = paras(name, &look, Align::Center, 0.0);
        if !t.count.is_empty() {
            text.push_str(&paras(&t.count, &count_look, Align::Center, 0.0));
        }
        let fill = if t.no_data {
            hatch.clone()
        } else {
            solid(&t.fill)
        };
        sh.text(
            &format!("Tile {}", t.label),
            Frame {
                x: f.x + f64::from(t.col) * tile_w,
                y: f.y + f64::from(t.row) * tile_h,
                w: tile_w - gap,
                h: tile_h - gap,
            },
            &text,
            Anchor::Middle,
            &fill,
            1.0,
        );
    }
    // The legend beside the tiles.
    let x = f.x + cols_f * tile_w + 20.0;
    let mut y = f.y;
    for l in legend {
        sh.text(
            "Legend swatch",
            Frame {
                x,
                y: y + 3.0,
                w: size,
                h: size,
            },
            "",
            Anchor::Top,
            &solid(&l.color),
            0.0,
        );
        let look = ctx_look(ctx, size, &st.text);
        sh.text(
            "Legend",
            Frame {
                x: x + size * 1.5,
                y,
                w: legend_w,
                h: size * LEADING + 2.0,
            },
            &para(&[(l.text.as_str(), &look)], Align::Left, 0.0, &look),
            Anchor::Top,
            "",
            0.0,
        );
        y += size * LEADING + 8.0;
    }
}
