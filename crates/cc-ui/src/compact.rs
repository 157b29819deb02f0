//! The Overview's compact mode: metrics as rows, the compared clusters as
//! columns, the differences to the baseline in their own columns
//! ([`cc_core::compact`]), and a button that copies it as a table (TSV).

use cc_core::compact::{Compact, Kind};
use egui::{RichText, Ui};

use crate::ViewCtx;
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
            .button(crate::words::COPY_AS_TABLE.get(lang))
            .on_hover_text(crate::words::COPIES_THE_TABLE_AS_TAB_SEPARATED.get(lang));
        let now = ui.input(|i| i.time);
        if copy.clicked() {
            ui.ctx().copy_text(t.tsv());
            ui.ctx().data_mut(|d| d.insert_temp(copied_id(), now));
        }
        let at: Option<f64> = ui.ctx().data(|d| d.get_temp(copied_id()));
        if let Some(at) = at.filter(|at| now - at < 3.0) {
            widgets::weak(ui, crate::words::COPIED.get(lang));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(3.0 - (now - at)));
        }
        widgets::weak(ui, crate::words::VALUES_AS_THE_SOURCES_WRITE_THEM.get(lang));
    });
    ui.add_space(theme::GAP_SMALL);
    if t.rows.is_empty() {
        widgets::weak(ui, crate::words::THE_SOURCES_GIVE_NO_CLUSTER_WIDE.get(lang));
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
