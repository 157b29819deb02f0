//! National and provincial context: the 2019/2020 competition winners by
//! industry and by province, provincial cluster systems, national industry
//! figures and the policy timeline.

use egui::{RichText, Ui};

use super::charts::{Layout, Series, grouped_bars};
use super::i18n::{self, tr};
use super::widgets::{self, with_source};
use super::{ViewCtx, theme};
use crate::format;
use crate::model::{Count, Lang, Metric};
use crate::units::Quantity;

pub struct ContextView<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

fn counts_chart(ui: &mut Ui, id: &str, counts: &[Count], lang: Lang, hover_note: &str) {
    let mut sorted: Vec<&Count> = counts.iter().collect();
    sorted.sort_by_key(|c| c.count);
    let unit = tr(lang, "个", "clusters");
    let series = vec![Series {
        name: tr(lang, "胜出集群", "Winning clusters").to_owned(),
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
    let Some(q) = Quantity::new(m.value, &m.unit) else {
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
        ui.label(RichText::new(format::figure(&q, m.qualifier, lang)).strong());
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
        m.as_of.note.as_deref(),
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
            widgets::section(
                ui,
                tr(lang, "全国先进制造业集群竞赛", "MIIT cluster competition"),
            );
            for r in &comp.rounds {
                let resp = ui.label(format!(
                    "{} · {} · {}{}",
                    r.name.get(lang),
                    r.launched,
                    r.winners,
                    tr(lang, "个集群胜出", "winning clusters")
                ));
                with_source(resp, cx.dataset, &r.source, lang, None);
            }
            widgets::weak(ui, comp.breakdown_scope.get(lang));
            let note = format!("“{}”", comp.source.quote);
            ui.columns(2, |cols| {
                widgets::section(&mut cols[0], tr(lang, "按行业", "By industry"));
                counts_chart(&mut cols[0], "ctx-industry", &comp.by_industry, lang, &note);
                widgets::section(&mut cols[1], tr(lang, "按省份", "By province"));
                counts_chart(&mut cols[1], "ctx-province", &comp.by_province, lang, &note);
            });
        }
        if !ctx.provincial_systems.is_empty() {
            widgets::section(ui, tr(lang, "省级集群体系", "Provincial cluster systems"));
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
                                tr(lang, "数据集中的集群：", "Clusters in this dataset: "),
                                names.join(tr(lang, "、", ", "))
                            ),
                        );
                    }
                });
                ui.add_space(theme::GAP_SMALL);
            }
        }
        if !ctx.national_figures.is_empty() {
            widgets::section(ui, tr(lang, "全国产业数据", "National industry figures"));
            for f in &ctx.national_figures {
                ui.label(RichText::new(f.industry.get(lang)).strong());
                for m in &f.metrics {
                    metric_line(ui, cx, m);
                }
                ui.add_space(theme::GAP_SMALL);
            }
        }
        if !ctx.timeline.is_empty() {
            widgets::section(ui, tr(lang, "政策时间线", "Policy timeline"));
            let mut events: Vec<_> = ctx.timeline.iter().collect();
            events.sort_by(|a, b| a.date.cmp(&b.date));
            egui::Grid::new("timeline").striped(true).show(ui, |ui| {
                for e in events {
                    ui.label(RichText::new(&e.date).monospace());
                    let r = ui.add(egui::Label::new(e.title.get(lang)).wrap());
                    with_source(r, cx.dataset, &e.source, lang, None);
                    widgets::weak(ui, e.scope.as_ref().map_or("", |s| s.get(lang)));
                    ui.end_row();
                }
            });
        }
    }
}
