//! The Overview's compact mode: metrics as rows, the compared clusters as
//! columns, the differences to the baseline in their own columns
//! ([`cc_core::compact`]), and a button that copies it as a table (TSV).

use cc_core::compact::{Compact, Kind};
use egui::{RichText, Ui};

use crate::ViewCtx;
use crate::i18n::tr;
use crate::theme;
use crate::widgets;

/// Widest a column's header and cells grow before they wrap.
const COLUMN_MAX: f32 = 190.0;

fn copied_id() -> egui::Id {
    egui::Id::unique("compact-overview-copied")
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    let t = Compact::build(cx.dataset, cx.comparison);
    ui.horizontal(|ui| {
        let copy = ui
            .button(tr(lang, "复制为表格", "Copy as table"))
            .on_hover_text(tr(
                lang,
                "以制表符分隔的文本复制到剪贴板，可直接粘贴到电子表格",
                "Copies the table as tab-separated text, to paste into a spreadsheet",
            ));
        let now = ui.input(|i| i.time);
        if copy.clicked() {
            ui.ctx().copy_text(t.tsv());
            ui.ctx().data_mut(|d| d.insert_temp(copied_id(), now));
        }
        let at: Option<f64> = ui.ctx().data(|d| d.get_temp(copied_id()));
        if let Some(at) = at.filter(|at| now - at < 3.0) {
            widgets::weak(ui, tr(lang, "已复制", "Copied"));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(3.0 - (now - at)));
        }
        widgets::weak(
            ui,
            tr(
                lang,
                "数值按来源原文写法，附年份；“约”表示来源未写明年份",
                "Values as the sources write them, with their year; “c.” marks a year the source does not state",
            ),
        );
    });
    ui.add_space(theme::GAP_SMALL);
    if t.rows.is_empty() {
        widgets::weak(
            ui,
            tr(
                lang,
                "来源未给出所选集群整体的数字",
                "The sources give no cluster-wide figures for these clusters",
            ),
        );
        return;
    }
    let p = theme::of(ui);
    egui::Grid::new("compact-overview")
        .striped(true)
        .spacing(egui::vec2(theme::GAP_LARGE, theme::GAP))
        .show(ui, |ui| {
            ui.label(RichText::new(&t.first).strong());
            for h in &t.columns {
                let color = match h.kind {
                    Kind::Value(i) => theme::series(ui, i),
                    Kind::Diff(_) => p.text_weak,
                };
                ui.vertical(|ui| {
                    ui.set_max_width(COLUMN_MAX);
                    ui.add(egui::Label::new(RichText::new(&h.text).strong().color(color)).wrap())
                        .on_hover_text(&h.full);
                });
            }
            ui.end_row();
            for r in &t.rows {
                ui.vertical(|ui| {
                    ui.set_max_width(COLUMN_MAX);
                    ui.add(egui::Label::new(&r.metric).wrap());
                });
                for c in &r.cells {
                    ui.vertical(|ui| {
                        ui.set_max_width(COLUMN_MAX);
                        let text = if c.muted {
                            RichText::new(&c.text).color(p.text_weak)
                        } else {
                            RichText::new(&c.text)
                        };
                        let resp = ui.add(egui::Label::new(text).wrap());
                        if !c.hover.is_empty() {
                            resp.on_hover_text(&c.hover);
                        }
                    });
                }
                ui.end_row();
            }
        });
}
