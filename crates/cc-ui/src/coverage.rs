//! The Table tab's Coverage mode: every national cluster (and every cluster
//! of the user's own file) against every metric, each cell the years the
//! record holds figures for, with the counts of metrics, years, targets and
//! sources, whose the figures are, and the clusters with none. Sortable by
//! any column; rows virtualised like the figures table.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::widgets;
use super::{Action, DataGen, MAX_PANELS, Memo, theme};
use cc_core::coverage::{Coverage, CoverageKey};
use cc_data::model::{Dataset, Lang};

/// The Coverage mode's state: its sort persists; the coverage is cached per
/// dataset and language.
#[derive(Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CoverageView {
    /// The column and whether descending.
    pub sort: Option<(CoverageKey, bool)>,
    #[serde(skip)]
    cache: Memo<(), Coverage>,
}

impl CoverageView {
    /// Sorts by `key`: names ascending first, counts descending first; a
    /// second click on the same column reverses.
    pub fn click(&mut self, key: CoverageKey) {
        self.sort = Some(match self.sort.take() {
            Some((k, desc)) if k == key => (k, !desc),
            _ => {
                let desc = key != CoverageKey::Name;
                (key, desc)
            }
        });
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        d: &Dataset,
        data: DataGen,
        lang: Lang,
        compared: &[String],
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let c = self
            .cache
            .get_or_compute(data, &(), || Coverage::build(d, lang));
        let order = c.order(self.sort.as_ref());
        ui.horizontal_wrapped(|ui| {
            widgets::weak(ui, c.summary());
            widgets::weak(ui, crate::words::EACH_CELL_LISTS_THE_YEARS_WITH.get(lang));
        });
        let none: Vec<&str> = c.without_figures().map(|r| r.name.as_str()).collect();
        if !none.is_empty() {
            let head = match lang {
                Lang::Zh => format!("没有数字的集群（{}个）：", none.len()),
                Lang::En => format!("Clusters with no figures ({}): ", none.len()),
            };
            let all = none.join(crate::words::LIST_COMMA.get(lang));
            let shown: String = all.chars().take(240).collect();
            let more = if shown.len() < all.len() { "…" } else { "" };
            widgets::weak(ui, format!("{head}{shown}{more}")).on_hover_text(all);
        }
        ui.add_space(theme::GAP_SMALL);

        let full = compared.len() >= MAX_PANELS;
        let body_h = ui.text_style_height(&egui::TextStyle::Body);
        let row_h = body_h + 10.0;
        let head_h = 3.0 * body_h + 12.0;
        let sort = self.sort.clone();
        let arrow = |key: &CoverageKey| match &sort {
            Some((k, desc)) if k == key => {
                if *desc {
                    " ▼"
                } else {
                    " ▲"
                }
            }
            _ => "",
        };
        let mut clicked: Option<CoverageKey> = None;
        let body_max_h = (ui.available_height() - head_h - 24.0).max(row_h * 3.0);
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("coverage-h")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let mut b = TableBuilder::new(ui)
                    .id_salt("coverage-table")
                    .striped(true)
                    .resizable(true)
                    .auto_shrink([false, true])
                    .max_scroll_height(body_max_h)
                    .cell_layout(Layout::left_to_right(Align::Center))
                    .column(Column::exact(30.0))
                    .column(Column::initial(220.0).at_least(60.0).clip(true))
                    .column(Column::initial(90.0).at_least(40.0).clip(true));
                for _ in 0..4 {
                    b = b.column(Column::initial(64.0).at_least(40.0).clip(true));
                }
                for _ in &c.keys {
                    b = b.column(Column::initial(96.0).at_least(40.0).clip(true));
                }
                let heads: Vec<(Option<CoverageKey>, String)> = [
                    (
                        Some(CoverageKey::Name),
                        crate::words::CLUSTER.get(lang).to_owned(),
                    ),
                    (None, crate::words::WHOSE.get(lang).to_owned()),
                    (
                        Some(CoverageKey::Metrics),
                        crate::words::METRICS_WITH_FIGURES.get(lang).to_owned(),
                    ),
                    (
                        Some(CoverageKey::Years),
                        crate::words::YEARS.get(lang).to_owned(),
                    ),
                    (
                        Some(CoverageKey::Targets),
                        crate::words::TARGETS.get(lang).to_owned(),
                    ),
                    (
                        Some(CoverageKey::Sources),
                        crate::words::SOURCES.get(lang).to_owned(),
                    ),
                ]
                .into_iter()
                .chain(
                    c.keys
                        .iter()
                        .map(|(k, name)| (Some(CoverageKey::Key(k.clone())), name.clone())),
                )
                .collect();
                b.header(head_h, |mut h| {
                    h.col(|_| {});
                    for (key, text) in &heads {
                        h.col(|ui| {
                            let Some(key) = key else {
                                ui.add(egui::Label::new(text.as_str()).wrap());
                                return;
                            };
                            let label = format!("{text}{}", arrow(key));
                            let r = ui
                                .add(
                                    egui::Label::new(label.as_str())
                                        .wrap()
                                        .sense(egui::Sense::click()),
                                )
                                .on_hover_text(crate::words::CLICK_TO_SORT.get(lang));
                            r.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Button,
                                    true,
                                    format!(
                                        "{} {text}{}",
                                        crate::words::SORT_COVERAGE_BY.get(lang),
                                        arrow(key)
                                    ),
                                )
                            });
                            if r.clicked() {
                                clicked = Some(key.clone());
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_h, order.len(), |mut row| {
                        let Some(r) = order.get(row.index()).map(|&i| &c.rows[i]) else {
                            return;
                        };
                        let added = compared.contains(&r.id);
                        row.col(|ui| {
                            let label =
                                format!("{} {}", crate::words::ADD_FROM_COVERAGE.get(lang), r.id);
                            if widgets::add_button(ui, lang, label, added, full) {
                                actions.push(Action::Add(r.id.clone()));
                            }
                        });
                        row.col(|ui| {
                            let mut text = RichText::new(&r.name);
                            if r.figures == 0 {
                                text = text.color(theme::of(ui).text_weak);
                            }
                            ui.add(egui::Label::new(text).truncate())
                                .on_hover_text(format!("{}\n{}", r.name, r.id));
                        });
                        row.col(|ui| {
                            if widgets::yours_chip(ui, d, &r.id, lang).is_none() {
                                widgets::weak(ui, c.whose(r));
                            }
                        });
                        for n in [r.metrics, r.years, r.targets, r.sources] {
                            row.col(|ui| {
                                right(ui, |ui| {
                                    if n == 0 {
                                        widgets::weak(ui, "0");
                                    } else {
                                        ui.label(n.to_string());
                                    }
                                });
                            });
                        }
                        for k in &r.cells {
                            row.col(|ui| {
                                if k.figures == 0 {
                                    widgets::weak(ui, "—");
                                    return;
                                }
                                let mut text = RichText::new(k.text());
                                if k.yours {
                                    text = text.color(theme::of(ui).accent);
                                }
                                let hover = match lang {
                                    Lang::Zh => format!("{}个数字：{}", k.figures, k.text()),
                                    Lang::En => format!("{} figure(s): {}", k.figures, k.text()),
                                };
                                let hover = match (k.yours, d.yours_file()) {
                                    (true, Some(f)) => {
                                        format!("{hover}\n{}", cc_data::yours::from_file(lang, f))
                                    }
                                    _ => hover,
                                };
                                ui.add(egui::Label::new(text).truncate())
                                    .on_hover_text(hover);
                            });
                        }
                    });
                });
            });
        if let Some(k) = clicked {
            self.click(k);
        }
        actions
    }
}

/// Right-aligns a cell's content (numbers).
fn right(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.with_layout(Layout::right_to_left(Align::Center), add);
}
