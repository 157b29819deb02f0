//! The window's chrome around the views: dialogs, the status bar and the
//! problems panel.

use super::*;

impl App {
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        self.help_window(ctx);
        self.save_view_window(ctx);
        self.path_prompt_ui(ctx);
        let lang = self.settings.lang;
        let Some(Dialog::Overwrite {
            path,
            format,
            scale,
        }) = &self.dialog
        else {
            return;
        };
        let (path, format, scale) = (path.clone(), *format, *scale);
        let mut close = false;
        let mut go = false;
        egui::Modal::new(egui::Id::unique("overwrite")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(crate::words::OVERWRITE_THE_FILE.get(lang));
            ui.label(path.display().to_string());
            ui.horizontal(|ui| {
                if ui.button(crate::words::OVERWRITE.get(lang)).clicked() {
                    go = true;
                }
                if ui.button(crate::words::CANCEL.get(lang)).clicked() {
                    close = true;
                }
            });
        });
        if go {
            self.dialog = None;
            self.export(&path, format, scale);
        } else if close {
            self.dialog = None;
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.horizontal(|ui| {
            if let Some(p) = self.loader.pending() {
                ui.add(egui::Spinner::new());
                ui.label(format!(
                    "{} {}… {:.0} s",
                    crate::words::LOADING.get(lang),
                    p.label,
                    p.started.elapsed().as_secs_f64()
                ));
                ui.separator();
            }
            let d = &self.loaded.dataset;
            let s = d.summary();
            widgets::weak(
                ui,
                format!(
                    "{} · {} · {} · {}",
                    self.loaded.file,
                    cc_core::format::count(s.clusters, lang, "个集群", "cluster", "clusters"),
                    cc_core::format::count(s.metrics, lang, "项数据", "figure", "figures"),
                    cc_core::format::count(s.sources, lang, "份来源", "source", "sources"),
                ),
            );
            if !self.loaded.warnings.is_empty() {
                let r = widgets::caveat(
                    ui,
                    &format!(
                        "{} {}",
                        self.loaded.warnings.len(),
                        crate::words::WARNINGS.get(lang)
                    ),
                );
                let file = self.loaded.file.clone();
                let warns = self.loaded.warnings.clone();
                r.on_hover_ui(|ui| {
                    for w in &warns {
                        ui.label(w.render_in(&file, lang));
                    }
                });
            }
            if let Some(s) = &self.status {
                ui.separator();
                widgets::weak(ui, s.get(lang));
            }
        });
    }

    pub(super) fn problems_panel(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let Some(err) = &self.problems else {
            return;
        };
        let p = theme::of(ui);
        let mut dismiss = false;
        ui.horizontal(|ui| {
            let errors = err
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let what_is_shown = if self.fallback {
                crate::words::ERROR_S_THE_EMBEDDED_DATASET_IS.get(lang)
            } else {
                crate::words::ERROR_S_THE_DATA_SHOWN_BEFORE.get(lang)
            };
            ui.label(
                RichText::new(format!(
                    "{} {} — {} {}",
                    crate::words::COULD_NOT_LOAD.get(lang),
                    err.file,
                    errors,
                    what_is_shown
                ))
                .strong()
                .color(p.bad),
            );
            if ui.button(crate::words::DISMISS_ESC.get(lang)).clicked() {
                dismiss = true;
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("problems")
            .show(ui, |ui| {
                for pr in &err.problems {
                    let color = match pr.severity {
                        Severity::Error => p.bad,
                        Severity::Warning => p.warn,
                    };
                    let place = pr
                        .pos
                        .map_or(String::new(), |pos| format!("{}:{} ", pos.line, pos.column));
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(place).monospace().color(color));
                        if !pr.path.is_empty() {
                            ui.label(RichText::new(&pr.path).monospace());
                        }
                        ui.label(pr.message_in(lang));
                    });
                }
            });
        if dismiss {
            self.problems = None;
        }
    }
}
