//! The comparison view: panels side by side, charts, the policy matrix and
//! national context, as tabs. The app draws it in its window; the PNG export
//! draws the very same view headless.

use egui::{RichText, Ui};

use super::charts::{self, Charts};
use super::context::ContextView;
use super::matrix::PolicyMatrix;
use super::panel::ClusterPanel;
use super::policies::{PolicyLists, PolicySearch};
use super::widgets;
use super::{ViewCtx, theme};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Charts,
    Policies,
    Context,
    /// Every cluster of the dataset in one sortable table (drawn by the app,
    /// which owns its state; see [`super::table`]).
    Table,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Table,
        Tab::Charts,
        Tab::Policies,
        Tab::Context,
    ];

    pub fn label(self, lang: cc_data::model::Lang) -> &'static str {
        match self {
            Tab::Overview => crate::words::OVERVIEW.get(lang),
            Tab::Charts => crate::words::CHARTS.get(lang),
            Tab::Policies => crate::words::POLICY_MATRIX.get(lang),
            Tab::Context => crate::words::NATIONAL_CONTEXT.get(lang),
            Tab::Table => crate::words::TABLE.get(lang),
        }
    }
}

pub struct ComparisonView<'a> {
    pub ctx: &'a ViewCtx<'a>,
    pub tab: Tab,
    pub charts: &'a mut Charts,
    /// Presentation mode: a title on top and the sources at the foot.
    pub presentation: bool,
}

/// Where a presentation-style view records whether its content fitted.
pub fn fit_id() -> egui::Id {
    egui::Id::unique("comparison-view-fits")
}

impl ComparisonView<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        if self.presentation {
            self.title(ui);
        }
        let sources = if self.tab == Tab::Context {
            cx.dataset.sources.len()
        } else {
            cx.comparison.cited_sources.len()
        };
        let line = ui.text_style_height(&egui::TextStyle::Small) + ui.spacing().item_spacing.y;
        let footer_h = if self.presentation {
            12.0 + line * sources as f32
        } else {
            0.0
        };
        let body_h = (ui.available_height() - footer_h).max(100.0);
        // The overview's chart on a slide takes what is left of this height.
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique("view-body-height"), body_h));
        // The panels share the width less a scroll bar's, whether one shows
        // or not: a bar that comes and goes must not change how many fit.
        let s = &ui.spacing().scroll;
        let body_w = ui.available_width() - (s.bar_width + s.bar_inner_margin + s.bar_outer_margin);
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique("view-body-width"), body_w));
        // Solid scroll bars: with more panels than fit, the sideways bar
        // must be visible before the pointer finds it.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        let out = egui::ScrollArea::both()
            .id_salt(("view", self.tab as u8))
            .max_height(body_h)
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                // The Table tab is the app's (it adds clusters); slides show the overview.
                Tab::Overview | Tab::Table => self.overview(ui),
                Tab::Charts => self.charts.ui(ui, cx),
                Tab::Policies => {
                    PolicyMatrix { ctx: cx }.ui(ui);
                    if !self.presentation {
                        PolicySearch { ctx: cx }.ui(ui);
                    }
                    PolicyLists { ctx: cx }.ui(ui);
                }
                Tab::Context => ContextView { ctx: cx }.ui(ui),
            });
        if self.presentation {
            // A picture of the view must not cut anything off: say whether
            // the content fitted, for the PNG export to check.
            let fits = out.content_size.x <= out.inner_rect.width() + 1.0
                && out.content_size.y <= out.inner_rect.height() + 1.0;
            ui.ctx().data_mut(|d| d.insert_temp(fit_id(), fits));
        }
        if self.presentation {
            self.footer(ui);
        }
        let _ = lang;
    }

    fn title(&self, ui: &mut Ui) {
        let cx = self.ctx;
        let names: Vec<_> = cx
            .comparison
            .columns
            .iter()
            .map(|c| cc_core::format::short_name(&c.name))
            .collect();
        ui.label(
            RichText::new(names.join("  ·  "))
                .size(theme::SIZE_HEADING * theme::PRESENTATION_SCALE * 1.15)
                .strong(),
        );
        widgets::weak(
            ui,
            format!(
                "{} · {}",
                crate::words::ADVANCED_MANUFACTURING_CLUSTERS_COMPARED.get(cx.lang),
                self.tab.label(cx.lang)
            ),
        );
        ui.add_space(theme::GAP);
    }

    fn footer(&self, ui: &mut Ui) {
        let cx = self.ctx;
        ui.separator();
        // The context view draws on the whole dataset; the others on the compared clusters.
        let ids: Vec<&str> = if self.tab == Tab::Context {
            cx.dataset.sources.iter().map(|s| s.id.as_str()).collect()
        } else {
            cx.comparison
                .cited_sources
                .iter()
                .map(String::as_str)
                .collect()
        };
        for id in ids {
            if let Some(s) = cx.dataset.source(id) {
                let author = s
                    .author
                    .as_ref()
                    .map_or(String::new(), |a| format!(" · {}", a.get(cx.lang)));
                // One line per source: publisher and date first, so a long title is what gets cut.
                let p = theme::of(ui);
                let line = format!(
                    "{}{} · {} · {}",
                    crate::words::SOURCE.get(cx.lang),
                    s.publisher.get(cx.lang),
                    s.date,
                    s.title.get(cx.lang)
                );
                ui.add(
                    egui::Label::new(RichText::new(&line).small().color(p.text_weak)).truncate(),
                )
                .on_hover_text(format!("{line}{author}"));
            }
        }
    }

    fn overview(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        if cx.comparison.columns.is_empty() {
            ui.add_space(theme::GAP_LARGE);
            ui.label(crate::words::ADD_CLUSTERS_FROM_THE_LIST_ON.get(lang));
            return;
        }
        if !self.presentation {
            ui.horizontal(|ui| {
                let c = &mut self.charts.overview_compact;
                ui.selectable_value(c, false, crate::words::PANELS.get(lang));
                ui.selectable_value(c, true, crate::words::COMPACT_TABLE.get(lang));
            });
            ui.add_space(theme::GAP_SMALL);
            if self.charts.overview_compact {
                crate::compact::ui(ui, cx);
                return;
            }
        }
        let n = cx.comparison.columns.len();
        // Panels share the width; past what fits at a readable width, they scroll sideways.
        let body_w = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(egui::Id::unique("view-body-width")))
            .unwrap_or_else(|| ui.available_width());
        let share = (body_w - n as f32 * (2.0 * theme::GAP_LARGE + theme::GAP)) / n as f32;
        let width = if self.presentation {
            share.clamp(theme::PANEL_WIDTH * 0.8, theme::PANEL_WIDTH * 1.6)
        } else {
            share.clamp(theme::PANEL_WIDTH * 0.75, theme::PANEL_WIDTH * 1.4)
        };
        ui.horizontal_top(|ui| {
            for i in 0..n {
                theme::panel_frame(ui).show(ui, |ui| {
                    ui.set_width(width);
                    ui.vertical(|ui| {
                        ClusterPanel {
                            ctx: cx,
                            index: i,
                            compact: self.presentation,
                        }
                        .ui(ui)
                    });
                });
            }
        });
        if let Some(key) = cx.comparison.default_chart_key()
            && let Some(row) = cx.comparison.row(key)
        {
            let w = if self.presentation {
                ui.available_width()
            } else {
                // As wide as the panels above it, so it never makes the
                // view scroll where the panels fit.
                (width + 2.0 * theme::GAP_LARGE + theme::GAP) * n as f32 - theme::GAP
            };
            // On a slide the chart takes what is left of the page.
            let h = if self.presentation {
                // Inside the scroll area the height is unbounded: what is
                // left is the body's height less what the panels took.
                let body_h = ui
                    .ctx()
                    .data(|d| d.get_temp::<f32>(egui::Id::unique("view-body-height")))
                    .unwrap_or(theme::CHART_HEIGHT * 2.0);
                let left = body_h - ui.min_rect().height() - theme::GAP_LARGE;
                // Never a strip: a chart too tall for what is left makes the
                // picture draw smaller (see the PNG export) rather than flat.
                (left - 90.0 - 22.0 * row.caveats.len() as f32)
                    .clamp(theme::CHART_HEIGHT * 0.6, theme::CHART_HEIGHT)
            } else {
                theme::CHART_HEIGHT
            };
            ui.allocate_ui(egui::vec2(w.max(600.0), h + 80.0), |ui| {
                charts::metric_chart(ui, cx, row, "overview-chart", h);
            });
        }
    }
}
