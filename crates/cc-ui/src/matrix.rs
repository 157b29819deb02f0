//! The policy-instrument matrix: compared clusters × instrument categories.
//! Each cell counts the cluster's policies in the category; hover lists them,
//! a click shows only them in the policy lists below (a second click, or
//! "Show all", shows every policy again). "—" marks a cluster the data
//! records no policies for; "0", none in this category.

use egui::{RichText, Sense, Ui};

use super::i18n::{self};
use super::widgets;
use super::{ViewCtx, theme};
use cc_data::model::Category;

/// Where the matrix keeps the cell the policy lists are narrowed to: the
/// cluster's id and the category (for the session, never persisted).
pub fn focus_id() -> egui::Id {
    egui::Id::unique("policy-matrix-focus")
}

/// The cell the policy lists are narrowed to, if any.
pub fn focus(ctx: &egui::Context) -> Option<(String, Category)> {
    ctx.data(|d| d.get_temp(focus_id()))
}

/// Narrows the policy lists to a cell, or (`None`) shows them all again.
pub fn set_focus(ctx: &egui::Context, f: Option<(String, Category)>) {
    ctx.data_mut(|d| match f {
        Some(f) => {
            d.insert_temp(focus_id(), f);
        }
        None => {
            d.remove::<(String, Category)>(focus_id());
        }
    });
}

pub struct PolicyMatrix<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

impl PolicyMatrix<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let cmp = cx.comparison;
        widgets::section(ui, crate::words::POLICY_INSTRUMENT_MATRIX.get(lang));
        widgets::weak(ui, crate::words::EACH_CELL_COUNTS_THE_CLUSTER_S.get(lang));
        let p = theme::of(ui);
        let cell_w =
            ((ui.available_width() - 220.0) / cmp.columns.len().max(1) as f32).clamp(90.0, 220.0);
        egui::Grid::new("policy-matrix")
            .striped(true)
            .spacing([theme::GAP_SMALL, theme::GAP_SMALL])
            .show(ui, |ui| {
                ui.label("");
                for (i, col) in cmp.columns.iter().enumerate() {
                    // The short name the panels and slides use, wrapped
                    // rather than cut; the full one on hover.
                    let name = cx
                        .dataset
                        .cluster(&col.id)
                        .map_or_else(|| col.name.clone(), |c| cc_deck::short_name(c, lang));
                    ui.vertical(|ui| {
                        ui.set_width(cell_w);
                        ui.add(
                            egui::Label::new(
                                RichText::new(name).strong().color(theme::series(ui, i)),
                            )
                            .wrap(),
                        )
                    })
                    .inner
                    .on_hover_text(&col.name);
                }
                ui.end_row();
                let focused = focus(ui.ctx());
                for (ci, cat) in Category::ALL.iter().enumerate() {
                    ui.label(i18n::category(lang, *cat));
                    for col in &cmp.columns {
                        let pols = &col.policies[ci].1;
                        let n = pols.len();
                        let recorded = col.policies.iter().any(|(_, p)| !p.is_empty());
                        let (rect, resp) =
                            ui.allocate_exact_size(egui::vec2(cell_w, 24.0), Sense::click());
                        let alpha = if n == 0 {
                            0.0
                        } else {
                            0.25 + 0.25 * (n.min(3) as f32)
                        };
                        ui.painter()
                            .rect_filled(rect, 4.0, p.accent.gamma_multiply(alpha));
                        let this = Some((col.id.clone(), *cat));
                        if focused == this {
                            ui.painter().rect_stroke(
                                rect,
                                4.0,
                                egui::Stroke::new(2.0, p.text),
                                egui::StrokeKind::Inside,
                            );
                        }
                        let shown = if !recorded {
                            "—".to_owned()
                        } else {
                            n.to_string()
                        };
                        ui.painter().text(
                            rect.center(),
                            egui::Align2::CENTER_CENTER,
                            &shown,
                            egui::FontId::proportional(theme::SIZE_BODY),
                            if n == 0 { p.text_weak } else { p.text },
                        );
                        let name = cc_core::format::short_name(&col.name);
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("{name} · {}: {shown}", i18n::category(lang, *cat)),
                            )
                        });
                        if resp.clicked() {
                            set_focus(ui.ctx(), if focused == this { None } else { this });
                        }
                        if !recorded {
                            resp.on_hover_text(
                                crate::words::NO_POLICIES_ARE_RECORDED_FOR_THIS.get(lang),
                            );
                        } else if n == 0 {
                            resp.on_hover_text(
                                crate::words::NONE_IN_THIS_CATEGORY_THE_CLUSTER.get(lang),
                            );
                        } else {
                            resp.on_hover_ui(|ui| {
                                ui.set_max_width(420.0);
                                ui.label(
                                    RichText::new(format!(
                                        "{} · {}",
                                        col.name,
                                        i18n::category(lang, *cat)
                                    ))
                                    .strong(),
                                );
                                for pol in pols {
                                    let year =
                                        pol.year.map_or(String::new(), |y| format!(" ({y})"));
                                    ui.label(format!("· {}{year}", pol.title.get(lang)));
                                    let src = cx
                                        .dataset
                                        .source(&pol.source.source)
                                        .map_or("", |s| s.publisher.get(lang));
                                    widgets::weak(
                                        ui,
                                        format!(
                                            "{} · {src} · “{}”",
                                            pol.issuer.get(lang),
                                            pol.source.quote
                                        ),
                                    );
                                }
                            });
                        }
                    }
                    ui.end_row();
                }
            });
    }
}
