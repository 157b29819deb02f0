//! The slide deck: a model built from the one [`Comparison`], laid out by the
//! Typst template `assets/deck.typ` (see [`typeset`]). The deck is plain data
//! (serialised to JSON and read by the template as data, never pasted into
//! markup), so no cluster name can break or inject into a slide.
//!
//! Slides, in order: title; overview (headline figures, clusters as
//! columns); one bar chart per compared metric; a table of years per metric
//! that a compared cluster has over the years; every figure of each
//! cluster; targets with progress; policy instruments with the policies
//! written out; national context (when asked); sources with the phrases
//! quoted. Content that does not fit a slide continues on the next one.
//! The user may choose which of these go in and in what order
//! ([`SlideChoice`]); the title slide always opens the deck.

mod clean;
mod model;
mod notes;
mod slides;
mod text;
pub mod typeset;
pub mod words;

pub use cc_data::calendar::today;
pub use clean::{clean, is_bidi_control};
pub use model::*;
pub use text::{default_title, note_mark, short_name, shorten};

use notes::{Cites, Notes, end_section};
use slides::*;
use text::*;

pub use typst_layout::PagedDocument;

use std::collections::BTreeMap;

use cc_core::compare::{Cell, Comparison, Row};
use cc_core::format;
use cc_core::tokens::{self, slide_type};
use cc_data::model::{Category, Cluster, Dataset, Lang, Qualifier};

/// Builds the deck of `cmp` (built from `d`).
pub fn build(d: &Dataset, cmp: &Comparison, opts: &DeckOptions) -> Deck {
    build_dated(d, cmp, opts, &today())
}

/// [`build`] with a given date (tests and reproducible output).
pub fn build_dated(d: &Dataset, cmp: &Comparison, opts: &DeckOptions, date: &str) -> Deck {
    let lang = cmp.lang;
    let colours = tokens::colours(opts.dark);
    let clusters: Vec<&Cluster> = cmp
        .columns
        .iter()
        .filter_map(|c| d.cluster(&c.id))
        .collect();
    let shorts: Vec<String> = clusters.iter().map(|c| short_name(c, lang)).collect();
    let color = |i: usize| colours.series[i % colours.series.len()].hex();
    let swatches: Vec<Swatch> = shorts
        .iter()
        .enumerate()
        .map(|(i, s)| Swatch {
            text: s.clone(),
            color: color(i),
            detail: String::new(),
        })
        .collect();

    let mut slides = Vec::new();

    // 1. Title.
    let heading = opts
        .title
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| shorten(s, 120))
        .unwrap_or_else(|| default_title(&shorts, lang));
    slides.push(Slide {
        title: heading.clone(),
        subtitle: String::new(),
        body: Body::Title {
            heading,
            data_title: shorten_words(data_title(d, lang), 120),
            date: data_dates(d, &clusters, date, lang),
            clusters: clusters
                .iter()
                .enumerate()
                .map(|(i, c)| Swatch {
                    text: shorten(c.name.get(lang), 200),
                    color: color(i),
                    detail: shorten(
                        &format!(
                            "{}{}{}{}",
                            c.provinces
                                .iter()
                                .map(|p| p.get(lang))
                                .collect::<Vec<_>>()
                                .join(crate::words::LIST_COMMA.get(lang)),
                            sep(lang),
                            c.industry.get(lang),
                            yours_detail(d, &c.id, lang)
                        ),
                        200,
                    ),
                })
                .collect(),
        },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: String::new(),
        cited: Vec::new(),
        kind: None,
    });

    let kinds = opts.choice.kinds(opts.context);
    let style = BarStyle {
        sort: opts.choice.sort_bars,
        highlight: opts
            .choice
            .highlight
            .as_deref()
            .and_then(|h| cmp.columns.iter().position(|c| c.id == h)),
    };

    // The charts: the chosen metric, firm counts, and every other headline
    // metric that two or more clusters have; a chart the user listed on
    // its own (output, firms) is not drawn again among the others.
    let chosen = opts
        .metric
        .as_deref()
        .filter(|k| cmp.row(k).is_some())
        .or_else(|| cmp.default_chart_key());
    let mut charted: Vec<&str> = Vec::new();
    if let Some(k) = chosen {
        charted.push(k);
    }
    if cmp.row("firms").is_some() && !charted.contains(&"firms") {
        charted.push("firms");
    }
    for r in &cmp.rows {
        if r.headline && r.coverage() >= 2 && !charted.contains(&r.key.as_str()) {
            charted.push(&r.key);
        }
    }
    let own: Vec<&str> = kinds.iter().filter_map(|k| k.chart_key()).collect();
    charted.retain(|k| !own.contains(k));

    // The slides the user chose, in their order; a notes slide closes each
    // part of the deck.
    let mut section = slides.len();
    let mut part = None;
    for &kind in &kinds {
        if part.is_some_and(|p| p != kind.section()) {
            end_section(&mut slides, &mut section, lang);
        }
        part = Some(kind.section());
        let first = slides.len();
        match kind {
            SlideKind::Overview => slides.push(overview(d, cmp, &swatches, lang)),
            SlideKind::Output | SlideKind::Firms => {
                if let Some(row) = kind.chart_key().and_then(|k| cmp.row(k)) {
                    slides.push(bars_slide(d, row, &shorts, colours, style, lang));
                }
            }
            SlideKind::Charts => {
                for key in &charted {
                    if let Some(row) = cmp.row(key) {
                        slides.push(bars_slide(d, row, &shorts, colours, style, lang));
                    }
                }
            }
            SlideKind::Series => {
                slides.extend(series_slides(d, cmp, &shorts, colours, opts.page, lang))
            }
            SlideKind::Figures => {
                let mut none = Vec::new();
                for (i, c) in clusters.iter().enumerate() {
                    if c.metrics.is_empty() {
                        none.push((*c, &swatches[i]));
                    } else {
                        slides.push(figures_slide(d, c, &swatches[i], lang));
                    }
                }
                // Said once for all the clusters without figures.
                if !none.is_empty() {
                    slides.push(no_figures_slide(&none, lang));
                }
            }
            SlideKind::Targets => {
                if cmp.columns.iter().any(|c| !c.targets.is_empty()) {
                    slides.push(targets_slide(d, cmp, &shorts, colours, style, lang));
                }
            }
            SlideKind::Policies => {
                slides.push(matrix_slide(d, cmp, &swatches, lang));
                if cmp
                    .columns
                    .iter()
                    .any(|c| c.policies.iter().any(|p| !p.1.is_empty()))
                {
                    slides.push(policy_list_slide(d, cmp, &swatches, lang));
                }
            }
            SlideKind::Map => slides.push(map_slide(d, opts.dark, lang)),
            SlideKind::Context => slides.extend(competition_slides(d, colours, lang)),
            SlideKind::Sources => slides.push(sources_slide(
                d,
                &clusters,
                kinds.contains(&SlideKind::Map),
                kinds.contains(&SlideKind::Context),
                lang,
            )),
        }
        for s in &mut slides[first..] {
            s.kind = Some(kind);
        }
    }
    end_section(&mut slides, &mut section, lang);

    // Without the sources appendix, each slide's line names its sources
    // without pointing to it.
    if !kinds.contains(&SlideKind::Sources) {
        for s in &mut slides {
            if !s.cited.is_empty() {
                s.sources = Cites {
                    d,
                    lang,
                    ids: s.cited.clone(),
                }
                .line_alone();
            }
        }
    }

    let (width, height) = opts.page.size_pt();
    let mut deck = Deck {
        lang: lang.code(),
        page: Page { width, height },
        style: Style {
            bg: colours.panel_bg.hex(),
            text: colours.text.hex(),
            muted: colours.text_weak.hex(),
            rule: colours.border.hex(),
            card: colours.card_bg.hex(),
            accent: colours.accent.hex(),
            warn: colours.warn.hex(),
            context: colours.context.hex(),
            title: slide_type::TITLE,
            deck_title: slide_type::DECK_TITLE,
            subtitle: slide_type::SUBTITLE,
            body: slide_type::BODY,
            label: slide_type::LABEL,
            note: slide_type::NOTE,
            source: slide_type::SOURCE,
            margin: slide_type::MARGIN,
        },
        labels: Labels {
            continued: crate::words::CONTINUED.get(lang).to_owned(),
            sources: crate::words::SOURCES.get(lang).to_owned(),
            none: crate::words::DASH.get(lang).to_owned(),
            further_notes: crate::words::FURTHER_NOTES_SLIDE.get(lang).to_owned(),
        },
        slides,
    };
    clean::clean_deck(&mut deck);
    // The last slide's foot says how to cite the deck (cleaned on its own,
    // so a long source line cannot crowd it out).
    if let Some(last) = deck.slides.last_mut() {
        let cite = clean(&cc_core::cite::line(d, lang, date), false);
        last.sources = if last.sources.is_empty() {
            cite
        } else {
            format!("{}\n{cite}", last.sources)
        };
    }
    deck
}

/// ` · 你的数据（mine.xlsx）` after a cluster's line where it (or some of
/// its figures) comes from the user's own file laid over the register.
pub(crate) fn yours_detail(d: &Dataset, id: &str, lang: Lang) -> String {
    match (d.yours_in(id), d.yours_file()) {
        (Some(w), Some(f)) => format!(
            "{}{}{}{f}{}",
            sep(lang),
            cc_data::yours::label(lang, w),
            crate::words::OPEN_PAREN.get(lang),
            crate::words::CLOSE_PAREN.get(lang)
        ),
        _ => String::new(),
    }
}

/// The note a figure from the user's own file is marked with:
/// `来自你的文件：mine.xlsx`.
pub(crate) fn yours_note(d: &Dataset, lang: Lang) -> String {
    cc_data::yours::from_file(lang, d.yours_file().unwrap_or_default())
}

/// The dataset's title for the title slide: its first part, before a colon
/// (what the data is, not how it was gathered).
fn data_title(d: &Dataset, lang: Lang) -> &str {
    let title = d.title.get(lang).trim();
    let cut = title
        .find('：')
        .or_else(|| title.find(": "))
        .unwrap_or(title.len());
    let head = title[..cut].trim();
    if head.is_empty() { title } else { head }
}

/// When the data is from: the first and last dates of the sources the
/// compared clusters cite, and the day the deck was made.
fn data_dates(d: &Dataset, clusters: &[&Cluster], made: &str, lang: Lang) -> String {
    let mut cited: Vec<&str> = Vec::new();
    for c in clusters {
        let ids = c
            .metrics
            .iter()
            .map(|m| &m.source.source)
            .chain(c.targets.iter().map(|x| &x.source.source))
            .chain(c.policies.iter().map(|p| &p.source.source))
            .chain(c.designation.iter().map(|x| &x.source.source));
        for id in ids {
            if let Some(s) = d.sources.iter().find(|s| s.id == *id) {
                cited.push(s.date.as_str());
            }
        }
    }
    cited.sort_unstable();
    let made = match lang {
        Lang::Zh => format!("制作于{made}"),
        Lang::En => format!("deck made {made}"),
    };
    match (cited.first(), cited.last()) {
        (Some(a), Some(b)) if a == b => match lang {
            Lang::Zh => format!("数据日期：{a}（来源发表日期）· {made}"),
            Lang::En => format!("Data as published {a} · {made}"),
        },
        (Some(a), Some(b)) => match lang {
            Lang::Zh => format!("数据日期：{a} 至 {b}（来源发表日期）· {made}"),
            Lang::En => format!("Data as published {a} to {b} · {made}"),
        },
        _ => made,
    }
}
