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
            ui.heading(tr(lang, "覆盖文件？", "Overwrite the file?"));
            ui.label(path.display().to_string());
            ui.horizontal(|ui| {
                if ui.button(tr(lang, "覆盖", "Overwrite")).clicked() {
                    go = true;
                }
                if ui.button(tr(lang, "取消", "Cancel")).clicked() {
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
                    tr(lang, "正在加载", "Loading"),
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
                        tr(lang, "条警告", "warnings")
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
                tr(
                    lang,
                    "个错误；显示的是内置数据集",
                    "error(s); the embedded dataset is shown instead",
                )
            } else {
                tr(
                    lang,
                    "个错误；仍显示之前的数据",
                    "error(s); the data shown before stays",
                )
            };
            ui.label(
                RichText::new(format!(
                    "{} {} — {} {}",
                    tr(lang, "无法加载", "Could not load"),
                    err.file,
                    errors,
                    what_is_shown
                ))
                .strong()
                .color(p.bad),
            );
            if ui.button(tr(lang, "关闭 (Esc)", "Dismiss (Esc)")).clicked() {
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
