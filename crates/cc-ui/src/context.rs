//! National and provincial context: the 2019/2020 competition winners by
//! industry and by province, provincial cluster systems, national industry
//! figures and the policy timeline.

use egui::{RichText, Ui};

use super::charts::{Layout, Series, grouped_bars};
use super::i18n::{self};
use super::widgets::{self, with_source};
use super::{ViewCtx, theme};
use cc_core::format;
use cc_data::model::{Count, Lang, Metric, TimelineEvent};

pub struct ContextView<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

fn counts_chart(ui: &mut Ui, id: &str, counts: &[Count], lang: Lang, hover_note: &str) {
    let mut sorted: Vec<&Count> = counts.iter().collect();
    sorted.sort_by_key(|c| c.count);
    let unit = crate::words::CLUSTERS.get(lang);
    let series = vec![Series {
        name: crate::words::WINNING_CLUSTERS.get(lang).to_owned(),
        color: theme::of(ui).accent,
        values: sorted.iter().map(|c| Some(c.count as f64)).collect(),
        labels: sorted.iter().map(|c| c.count.to_string()).collect(),
        hovers: sorted
            .iter()
            .map(|c| format!("{}: {} {unit}\n{hover_note}", c.name.get(lang), c.count))
            .collect(),
    }];
    let cats: Vec<String> = sorted.iter().map(|c| c.name.get(lang).to_owned()).collect();
    let h = 60.0 + 30.0 * cats.len() as f32;
    grouped_bars(ui, id, &cats, &series, unit, Layout::Horizontal, h);
}

fn metric_line(ui: &mut Ui, cx: &ViewCtx<'_>, m: &Metric) {
    let lang = cx.lang;
    let Some(figure) = format::metric(m, lang) else {
        return;
    };
    let name = cx
        .dataset
        .metric_key(&m.key)
        .map_or(m.key.as_str(), |k| k.name.get(lang));
    let r = ui.horizontal_wrapped(|ui| {
        if let Some(s) = &m.subject {
            ui.label(format!("{} · {name}{}", s.get(lang), i18n::colon(lang)));
        } else {
            ui.label(format!("{name}{}", i18n::colon(lang)));
        }
        ui.label(RichText::new(figure).strong());
        widgets::weak(ui, format::as_of(&m.as_of, lang));
        if let Some(s) = &m.scope {
            widgets::weak(ui, s.get(lang));
        }
    });
    with_source(
        r.response,
        cx.dataset,
        &m.source,
        lang,
        m.as_of.note.as_ref().map(|n| n.get(lang)),
    );
}

impl ContextView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let ctx = &cx.dataset.context;
        super::map::MapView {
            ctx: cx,
            presentation: false,
            mode: None,
        }
        .ui(ui);
        if let Some(comp) = &ctx.competition {
            widgets::section(ui, crate::words::MIIT_CLUSTER_COMPETITION.get(lang));
            for r in &comp.rounds {
                let resp = ui.label(format!(
                    "{} · {} · {}{}",
                    r.name.get(lang),
                    r.launched,
                    r.winners,
                    crate::words::WINNING_CLUSTERS_2.get(lang)
                ));
                with_source(resp, cx.dataset, &r.source, lang, None);
            }
            widgets::weak(ui, comp.breakdown_scope.get(lang));
            let note = format!("“{}”", comp.source.quote);
            ui.columns(2, |cols| {
                widgets::section(&mut cols[0], crate::words::BY_INDUSTRY.get(lang));
                counts_chart(&mut cols[0], "ctx-industry", &comp.by_industry, lang, &note);
                widgets::section(&mut cols[1], crate::words::BY_PROVINCE.get(lang));
                counts_chart(&mut cols[1], "ctx-province", &comp.by_province, lang, &note);
            });
        }
        if !ctx.provincial_systems.is_empty() {
            widgets::section(ui, crate::words::PROVINCIAL_CLUSTER_SYSTEMS.get(lang));
            for ps in &ctx.provincial_systems {
                theme::card_frame(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(ps.province.get(lang)).strong());
                    ui.add(egui::Label::new(ps.summary.get(lang)).wrap());
                    for p in &ps.policies {
                        let year = p.year.map_or(String::new(), |y| format!(" ({y})"));
                        let r = ui.label(format!("· {}{year}", p.title.get(lang)));
                        with_source(
                            r,
                            cx.dataset,
                            &p.source,
                            lang,
                            p.summary.as_ref().map(|s| s.get(lang)),
                        );
                    }
                    for m in &ps.metrics {
                        metric_line(ui, cx, m);
                    }
                    if !ps.clusters.is_empty() {
                        let names: Vec<&str> = ps
                            .clusters
                            .iter()
                            .filter_map(|id| cx.dataset.cluster(id))
                            .map(|c| c.name.get(lang))
                            .collect();
                        widgets::weak(
                            ui,
                            format!(
                                "{}{}",
                                crate::words::CLUSTERS_IN_THIS_DATASET.get(lang),
                                names.join(crate::words::LIST_COMMA.get(lang))
                            ),
                        );
                    }
                });
                ui.add_space(theme::GAP_SMALL);
            }
        }
        if !ctx.national_figures.is_empty() {
            widgets::section(ui, crate::words::NATIONAL_INDUSTRY_FIGURES.get(lang));
            for f in &ctx.national_figures {
                ui.label(RichText::new(f.industry.get(lang)).strong());
                for m in &f.metrics {
                    metric_line(ui, cx, m);
                }
                ui.add_space(theme::GAP_SMALL);
            }
        }
        if !ctx.timeline.is_empty() {
            widgets::section(ui, crate::words::POLICY_TIMELINE.get(lang));
            let mut events: Vec<_> = ctx.timeline.iter().collect();
            events.sort_by(|a, b| a.date.cmp(&b.date));
            timeline(ui, cx, &events);
        }
    }
}

/// The policy timeline as a table (date | event | scope). The event column
/// takes what the date and scope leave, so titles wrap at word boundaries
/// (at characters for Chinese) at every window width.
fn timeline(ui: &mut Ui, cx: &ViewCtx<'_>, events: &[&TimelineEvent]) {
    let lang = cx.lang;
    let p = theme::of(ui);
    let gap = theme::GAP;
    let avail = ui.available_width();
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    // The date column fits the longest date; the scope column a short phrase.
    let date_w = events
        .iter()
        .map(|e| {
            ui.painter()
                .layout_no_wrap(
                    format::event_date(&e.date, e.date_approximate, lang),
                    mono.clone(),
                    p.text,
                )
                .size()
                .x
        })
        .fold(40.0_f32, f32::max)
        + gap;
    let scope_w = (avail * 0.22).clamp(90.0, 220.0);
    // Lines longer than ~60 characters read poorly; on wide windows the scope stays near its event.
    let event_w = (avail - date_w - scope_w - 2.0 * gap).clamp(160.0, 720.0);
    let cell = |ui: &mut Ui, w: f32, add: &mut dyn FnMut(&mut Ui)| {
        ui.allocate_ui_with_layout(
            egui::vec2(w, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(w);
                add(ui);
            },
        );
    };
    let row = |ui: &mut Ui, stripe: bool, add: &mut dyn FnMut(&mut Ui)| {
        let bg = ui.painter().add(egui::Shape::Noop);
        let r = ui
            .horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                add(ui);
            })
            .response;
        if stripe {
            let rect = r.rect.expand2(egui::vec2(gap / 2.0, 2.0));
            ui.painter()
                .set(bg, egui::Shape::rect_filled(rect, 2.0, p.card_bg));
        }
    };
    row(ui, false, &mut |ui| {
        for (w, h) in [
            (date_w, crate::words::DATE.get(lang)),
            (event_w, crate::words::EVENT.get(lang)),
            (scope_w, crate::words::SCOPE.get(lang)),
        ] {
            cell(ui, w, &mut |ui| {
                ui.label(RichText::new(h).strong());
            });
        }
    });
    ui.separator();
    for (i, e) in events.iter().enumerate() {
        row(ui, i % 2 == 1, &mut |ui| {
            cell(ui, date_w, &mut |ui| {
                ui.label(
                    RichText::new(format::event_date(&e.date, e.date_approximate, lang))
                        .monospace(),
                )
                .on_hover_text(e.date_note.as_ref().map_or("", |n| n.get(lang)));
            });
            cell(ui, event_w, &mut |ui| {
                let r = ui.add(egui::Label::new(e.title.get(lang)).wrap());
                with_source(r, cx.dataset, &e.source, lang, None);
            });
            cell(ui, scope_w, &mut |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(e.scope.as_ref().map_or("", |s| s.get(lang)))
                            .small()
                            .color(p.text_weak),
                    )
                    .wrap(),
                );
            });
        });
        ui.add_space(2.0);
    }
}
