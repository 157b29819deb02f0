//! The policy-instrument matrix: compared clusters × instrument categories.
//! Each cell counts the cluster's policies in the category; hover lists them.

use egui::{RichText, Sense, Ui};

use super::i18n::{self, tr};
use super::widgets;
use super::{ViewCtx, theme};
use cc_data::model::Category;

pub struct PolicyMatrix<'a> {
    pub ctx: &'a ViewCtx<'a>,
}

impl PolicyMatrix<'_> {
    pub fn ui(&mut self, ui: &mut Ui) {
        let cx = self.ctx;
        let lang = cx.lang;
        let cmp = cx.comparison;
        widgets::section(ui, tr(lang, "政策工具矩阵", "Policy-instrument matrix"));
        widgets::weak(
            ui,
            tr(
                lang,
                "每格为该集群在此类别下的政策数（“—”：数据中没有）；悬停查看政策与来源。",
                "Each cell counts the cluster's policies in the category (—: none in the data); hover for the policies and sources.",
            ),
        );
        let p = theme::of(ui);
        let cell_w =
            ((ui.available_width() - 220.0) / cmp.columns.len().max(1) as f32).clamp(90.0, 220.0);
        egui::Grid::new("policy-matrix")
            .striped(true)
            .spacing([theme::GAP_SMALL, theme::GAP_SMALL])
            .show(ui, |ui| {
                ui.label("");
                for (i, col) in cmp.columns.iter().enumerate() {
                    ui.add_sized(
                        [cell_w, 20.0],
                        egui::Label::new(
                            RichText::new(&col.name)
                                .strong()
                                .color(theme::series(ui, i)),
                        )
                        .truncate(),
                    )
                    .on_hover_text(&col.name);
                }
                ui.end_row();
                for (ci, cat) in Category::ALL.iter().enumerate() {
                    ui.label(i18n::category(lang, *cat));
                    for col in &cmp.columns {
                        let pols = &col.policies[ci].1;
                        let n = pols.len();
                        let (rect, resp) =
                            ui.allocate_exact_size(egui::vec2(cell_w, 24.0), Sense::hover());
                        let alpha = if n == 0 {
                            0.0
                        } else {
                            0.25 + 0.25 * (n.min(3) as f32)
                        };
                        ui.painter()
                            .rect_filled(rect, 4.0, p.accent.gamma_multiply(alpha));
                        ui.painter().text(
                            rect.center(),
                            egui::Align2::CENTER_CENTER,
                            if n == 0 {
                                "—".to_owned()
                            } else {
                                n.to_string()
                            },
                            egui::FontId::proportional(theme::SIZE_BODY),
                            p.text,
                        );
                        if n > 0 {
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
