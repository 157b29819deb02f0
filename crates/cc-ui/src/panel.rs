//! One cluster's panel: headline cards, the chain with its lead firms, the
//! promotion organisation and cities, targets with progress, policies by
//! category, and what the sources leave out. Every figure shows its source on hover.

use egui::{RichText, Ui};

use super::i18n::{self};
use super::widgets::{self, with_source};
use super::{ViewCtx, theme};
use cc_core::compare::Column;
use cc_core::format;
use cc_core::series::{self, Series};
use cc_data::model::{Cluster, Lang, Metric, Stage};

/// The series of `m`'s key and definition among a column's series: the
/// one whose growth a card of `m` shows.
pub fn series_of_figure<'a>(col: &'a Column, m: &Metric) -> Option<&'a Series> {
    col.series.iter().find(|s| {
        s.key == m.key
            && s.points
                .iter()
                .any(|p| cc_core::compare::same_definition(&p.metric, m))
    })
}

/// The panel of the `index`-th compared cluster.
pub struct ClusterPanel<'a> {
    pub ctx: &'a ViewCtx<'a>,
    pub index: usize,
    /// Presentation: header, headline cards and targets only.
    pub compact: bool,
}

impl ClusterPanel<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let (lang, d) = (cx.lang, cx.dataset);
        let Some(col) = cx.comparison.columns.get(self.index) else {
            return;
        };
        let Some(c) = d.cluster(&col.id) else {
            return;
        };
        let color = theme::series(ui, self.index);
        let is_baseline = cx.comparison.baseline == Some(self.index);

        // Header.
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 6.0, color);
            // The short name the slides use, wrapping at word boundaries;
            // the full name on hover.
            let name = cc_deck::short_name(c, lang);
            let r = ui.add(egui::Label::new(RichText::new(&name).heading().strong()).wrap());
            if name != col.name {
                r.on_hover_text(&col.name);
            }
        });
        ui.horizontal_wrapped(|ui| {
            widgets::yours_chip(ui, d, &c.id, lang);
            widgets::chip(ui, i18n::level(lang, c.level));
            if c.designation.is_none() {
                // The level names who runs the cluster; without a list it is no official rank.
                widgets::chip(ui, crate::words::NO_DESIGNATION_IN_THE_SOURCES.get(lang));
            }
            if let Some(des) = &c.designation {
                let mut t = des.programme.get(lang).to_owned();
                if let Some(y) = des.year {
                    t = format!("{t} {}", format::year(y, des.year_approximate, lang));
                }
                let r = widgets::chip(ui, &t);
                with_source(r, d, &des.source, lang, Some(des.body.get(lang)));
            }
            if is_baseline {
                let p = theme::of(ui);
                ui.label(
                    RichText::new(crate::words::BASELINE.get(lang))
                        .small()
                        .strong()
                        .color(p.accent),
                );
            }
        });
        let provinces: Vec<&str> = c.provinces.iter().map(|p| p.get(lang)).collect();
        widgets::weak(
            ui,
            format!(
                "{} · {}",
                c.industry.get(lang),
                provinces.join(crate::words::LIST_COMMA.get(lang))
            ),
        );

        self.headline_cards(ui, c);
        if self.compact {
            self.targets(ui);
            return;
        }
        self.other_figures(ui, c);
        self.growth(ui);
        self.chain(ui, c);
        self.organisation_and_places(ui, c);
        self.targets(ui);
        self.policies(ui);

        if !col.missing.is_empty() {
            ui.add_space(theme::GAP);
            let items: Vec<&str> = col.missing.iter().map(|m| i18n::missing(lang, m)).collect();
            widgets::caveat(
                ui,
                &format!(
                    "{}{}",
                    crate::words::NOT_IN_THE_SOURCES.get(lang),
                    items.join(crate::words::LIST_COMMA.get(lang))
                ),
            );
        }
        for n in &c.notes {
            widgets::weak(ui, n.get(lang));
        }
    }

    fn headline_cards(&self, ui: &mut Ui, _c: &Cluster) {
        let cx = self.ctx;
        let lang = cx.lang;
        let cards: Vec<_> = cx
            .comparison
            .rows
            .iter()
            .filter(|r| r.headline)
            .filter_map(|r| r.cells.get(self.index)?.as_ref().map(|cell| (r, cell)))
            .collect();
        if cards.is_empty() {
            return;
        }
        ui.add_space(theme::GAP);
        let width = (ui.available_width() - theme::GAP) / 2.0;
        egui::Grid::new(("cards", self.index))
            .num_columns(2)
            .spacing([theme::GAP, theme::GAP])
            .show(ui, |ui| {
                for (i, (row, cell)) in cards.iter().enumerate() {
                    let resp = theme::card_frame(ui)
                        .show(ui, |ui| {
                            ui.set_width(width - 20.0);
                            ui.set_min_height(78.0);
                            ui.vertical(|ui| {
                                widgets::weak(ui, &row.name);
                                ui.label(
                                    RichText::new(&cell.written)
                                        .size(theme::figure_size(ui))
                                        .strong(),
                                );
                                let mut sub = cell.year.clone();
                                if let Some(s) = &cell.metric.scope {
                                    sub = format!("{sub} · {}", s.get(lang));
                                }
                                widgets::weak(ui, sub);
                                // Growth between the first and latest actual
                                // figure of this definition, never across.
                                let col = &cx.comparison.columns[self.index];
                                if let Some(g) = series_of_figure(col, &cell.metric)
                                    .and_then(Series::overall_growth)
                                {
                                    // An open growth says "growth cannot be told" itself.
                                    let open = g.bound == cc_core::compare::RatioBound::Open;
                                    let lead = if open {
                                        ""
                                    } else {
                                        crate::words::GROWTH.get(lang)
                                    };
                                    widgets::weak(
                                        ui,
                                        format!("{lead}{}", series::growth_text(&g, lang)),
                                    );
                                }
                                if let (Some(r), Some(diff)) =
                                    (cell.vs_baseline, cell.baseline_diff(lang))
                                {
                                    let p = theme::of(ui);
                                    // Neutral: larger is not better for every metric.
                                    let c = p.accent;
                                    let r2 = ui.label(
                                        RichText::new(format!(
                                            "{diff} {}{}",
                                            crate::words::VS_BASELINE.get(lang),
                                            if cell.baseline_points.is_some() {
                                                String::new()
                                            } else {
                                                format!(
                                                    " ({})",
                                                    format::bounded(
                                                        cell.baseline_bound.symbol(),
                                                        &format::ratio(r, lang)
                                                    )
                                                )
                                            },
                                        ))
                                        .small()
                                        .color(c),
                                    );
                                    let why = cell.baseline_bound.describe(lang);
                                    if !why.is_empty() {
                                        r2.on_hover_text(why);
                                    }
                                } else if let Some(n) = &cell.not_comparable {
                                    // No ratio across definitions: say so, naming both.
                                    let p = theme::of(ui);
                                    ui.label(
                                        RichText::new(format!("⚠ {}", n.short(lang)))
                                            .small()
                                            .color(p.warn),
                                    )
                                    .on_hover_text(n.describe(lang));
                                }
                            });
                        })
                        .response;
                    let resp = resp.interact(egui::Sense::hover());
                    with_source(resp, cx.dataset, &cell.metric.source, lang, None);
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
    }

    fn other_figures(&self, ui: &mut Ui, c: &Cluster) {
        let cx = self.ctx;
        let lang = cx.lang;
        let rows: Vec<_> = cx
            .comparison
            .rows
            .iter()
            .filter(|r| !r.headline)
            .filter_map(|r| r.cells.get(self.index)?.as_ref().map(|cell| (r, cell)))
            .collect();
        let subjects: Vec<_> = c.metrics.iter().filter(|m| m.subject.is_some()).collect();
        if rows.is_empty() && subjects.is_empty() {
            return;
        }
        widgets::section(ui, crate::words::OTHER_FIGURES.get(lang));
        for (row, cell) in rows {
            let r = ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}{}", row.name, i18n::colon(lang)));
                ui.label(RichText::new(&cell.written).strong());
                widgets::weak(ui, &cell.year);
            });
            with_source(r.response, cx.dataset, &cell.metric.source, lang, None);
        }
        for m in subjects {
            let Some(figure) = format::metric(m, lang) else {
                continue;
            };
            let name = cx
                .dataset
                .metric_key(&m.key)
                .map_or(m.key.as_str(), |k| k.name.get(lang));
            let subject = m.subject.as_ref().map_or("", |s| s.get(lang));
            let r = ui.horizontal_wrapped(|ui| {
                ui.label(format!("{subject} · {name}{}", i18n::colon(lang)));
                ui.label(RichText::new(figure).strong());
                widgets::weak(ui, format::as_of(&m.as_of, lang));
                // The scope says what the figure is (e.g. an expected full-year value).
                if let Some(s) = &m.scope {
                    widgets::weak(ui, s.get(lang));
                }
            });
            with_source(
                r.response,
                cx.dataset,
                &m.source,
                lang,
                Some(crate::words::A_FIGURE_FOR_ONE_FIRM_OR.get(lang)),
            );
        }
    }

    /// Every series of the cluster with its average annual growth, by
    /// metric and definition.
    fn growth(&self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let col = &cx.comparison.columns[self.index];
        let shown: Vec<_> = col
            .series
            .iter()
            .filter_map(|s| Some((s, s.overall_growth()?)))
            .collect();
        if shown.is_empty() {
            return;
        }
        widgets::section(ui, crate::words::GROWTH_OVER_THE_YEARS.get(lang));
        for (s, g) in shown {
            let name = cx
                .dataset
                .metric_key(&s.key)
                .map_or(s.key.as_str(), |k| k.name.get(lang));
            let def = series::definition_name(cx.dataset, s, lang);
            let years: Vec<String> = s
                .points
                .iter()
                .map(|p| {
                    format!(
                        "{} {}",
                        format::as_of(&p.metric.as_of, lang),
                        format::metric(&p.metric, lang).unwrap_or_default()
                    )
                })
                .collect();
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{name}{}", i18n::colon(lang)));
                ui.label(RichText::new(series::growth_text(&g, lang)).strong());
                widgets::weak(ui, def);
            })
            .response
            .on_hover_text(years.join("\n"));
        }
    }

    fn chain(&self, ui: &mut Ui, c: &Cluster) {
        let cx = self.ctx;
        let lang = cx.lang;
        if c.chain.is_empty() && c.lead_firms.is_empty() {
            return;
        }
        widgets::section(ui, crate::words::CHAIN_AND_LEAD_FIRMS.get(lang));
        for stage in Stage::ALL {
            let segs: Vec<_> = c.chain.iter().filter(|s| s.stage == stage).collect();
            if segs.is_empty() {
                continue;
            }
            ui.label(RichText::new(i18n::stage(lang, stage)).small().strong());
            for seg in segs {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(theme::GAP);
                    widgets::weak(ui, format!("{}{}", seg.name.get(lang), i18n::colon(lang)));
                    let firms: Vec<_> = c
                        .lead_firms
                        .iter()
                        .filter(|f| f.segment == seg.key)
                        .collect();
                    if firms.is_empty() {
                        widgets::weak(ui, "—");
                    }
                    for f in firms {
                        let r = ui.label(f.name.get(lang));
                        let note = f.note.as_ref().map(|n| n.get(lang));
                        with_source(r, cx.dataset, &f.source, lang, note);
                    }
                });
            }
        }
    }

    fn organisation_and_places(&self, ui: &mut Ui, c: &Cluster) {
        let cx = self.ctx;
        let lang = cx.lang;
        if let Some(o) = &c.promotion_org {
            widgets::section(ui, crate::words::PROMOTION_ORGANISATION_2.get(lang));
            let mut text = o.name.get(lang).to_owned();
            if let Some(y) = o.founded {
                text = format!(
                    "{text}{}",
                    crate::words::FOUNDED
                        .get(lang)
                        .replace("{}", &y.to_string())
                );
            }
            let r = ui.label(text);
            with_source(
                r,
                cx.dataset,
                &o.source,
                lang,
                o.role.as_ref().map(|r| r.get(lang)),
            );
        }
        if !c.places.is_empty() {
            widgets::section(ui, crate::words::CITIES_AND_ROLES.get(lang));
            for pl in &c.places {
                let r = ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(pl.name.get(lang)).strong());
                    if let Some(role) = &pl.role {
                        widgets::weak(ui, role.get(lang));
                    }
                });
                if let Some(s) = &pl.source {
                    with_source(r.response, cx.dataset, s, lang, None);
                }
            }
        }
    }

    fn targets(&self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let col = &cx.comparison.columns[self.index];
        if col.targets.is_empty() {
            return;
        }
        // On a slide, only the targets whose progress can be shown.
        let shown: Vec<_> = col
            .targets
            .iter()
            .filter(|t| !self.compact || t.fraction.is_some())
            .collect();
        if shown.is_empty() {
            return;
        }
        widgets::section(ui, crate::words::TARGETS_AND_PROGRESS.get(lang));
        for t in shown {
            let year = t.year.map_or_else(
                || crate::words::NO_YEAR_SET.get(lang).to_owned(),
                |y| y.to_string(),
            );
            let r = ui.vertical(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}{}", t.name, i18n::colon(lang)));
                    ui.label(RichText::new(&t.display).strong());
                    widgets::weak(ui, format!("({year})"));
                });
                match (&t.actual, t.fraction) {
                    (Some(a), Some(f)) => {
                        let p = theme::of(ui);
                        let color = if f >= 1.0 { p.good } else { p.accent };
                        let text = t
                            .progress_text(lang)
                            .unwrap_or_else(|| format::progress(f, lang));
                        widgets::progress(ui, f, color, &text);
                        let gap = t.gap.clone().unwrap_or_default();
                        widgets::weak(
                            ui,
                            format!(
                                "{} {} ({}) · {} {}",
                                crate::words::ACTUAL.get(lang),
                                a.written,
                                a.year,
                                crate::words::GAP.get(lang),
                                gap
                            ),
                        );
                    }
                    (Some(a), None) if t.scope_note.is_some() => {
                        // Different scopes are never put in a ratio.
                        widgets::weak(
                            ui,
                            match lang {
                                Lang::Zh => format!(
                                    "现值 {}（{}）；目标口径与之不同，不计算进度",
                                    a.written, a.year
                                ),
                                Lang::En => format!(
                                    "Actual {} ({}); the target's scope differs, so no progress is computed",
                                    a.written, a.year
                                ),
                            },
                        );
                    }
                    _ => {
                        // A forecast is never progress: say so where only one exists.
                        let only_forecast = cx
                            .dataset
                            .cluster(&col.id)
                            .is_some_and(|c| c.metrics_of(&t.target.key).any(|m| m.forecast));
                        widgets::weak(
                            ui,
                            if only_forecast {
                                crate::words::ONLY_A_FORECAST_EXISTS_IT_DOES.get(lang)
                            } else {
                                crate::words::NO_ACTUAL_FIGURE_OF_THIS_KIND.get(lang)
                            },
                        );
                    }
                }
                // On track? The growth needed beside the growth so far, in
                // words, only for a target of a series' definition.
                if let Some(line) = &t.on_track {
                    widgets::weak(ui, line);
                }
                if let Some(s) = &t.scope_note {
                    widgets::caveat(
                        ui,
                        &format!("{}{s}", crate::words::TARGET_COVERS.get(lang)),
                    );
                }
            });
            with_source(
                r.response,
                cx.dataset,
                &t.target.source,
                lang,
                t.policy_title.as_deref(),
            );
            ui.add_space(theme::GAP_SMALL);
        }
    }

    fn policies(&self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let col = &cx.comparison.columns[self.index];
        if col.policies.iter().all(|(_, p)| p.is_empty()) {
            return;
        }
        widgets::section(ui, crate::words::POLICIES_AND_INSTRUMENTS.get(lang));
        for (cat, pols) in &col.policies {
            if pols.is_empty() {
                continue;
            }
            ui.label(RichText::new(i18n::category(lang, *cat)).small().strong());
            for p in pols {
                let mut text = format!("· {}", p.title.get(lang));
                if let Some(y) = p.year {
                    text = format!("{text} ({y})");
                }
                let r = ui.add(egui::Label::new(text).wrap());
                let note = format!(
                    "{}{}",
                    p.issuer.get(lang),
                    p.summary
                        .as_ref()
                        .map(|s| format!(" — {}", s.get(lang)))
                        .unwrap_or_default()
                );
                with_source(r, cx.dataset, &p.source, lang, Some(&note));
            }
        }
    }
}
