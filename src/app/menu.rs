//! The menu bar: File, Edit (undo, redo), Export, View (presentation mode,
//! named views), Help, the language and the theme.

use egui::Ui;

use super::notice::{PathPrompt, Purpose};
use super::{App, COPY_TABLE, OPEN, SAVE};
use crate::deck::PageShape;
use crate::export::Format;
use crate::model::Lang;
use cc_ui::i18n::tr;

impl App {
    /// The slides part of the Export menu: title, page shape, context, and
    /// the deck as PDF, as PNG slides, or the current slide as an image.
    fn slides_menu(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.label(egui::RichText::new(tr(lang, "幻灯片", "Slides")).strong());
        ui.horizontal(|ui| {
            ui.label(tr(lang, "标题", "Title"));
            ui.add(
                egui::TextEdit::singleline(&mut self.settings.deck.title)
                    .hint_text(tr(
                        lang,
                        "默认：集群简称",
                        "default: the clusters' short names",
                    ))
                    .desired_width(220.0),
            );
        });
        ui.horizontal(|ui| {
            for shape in [PageShape::Wide, PageShape::Standard] {
                ui.selectable_value(&mut self.settings.deck.page, shape, shape.label());
            }
            ui.checkbox(
                &mut self.settings.deck.context,
                tr(lang, "含全国背景", "with national context"),
            );
        });
        if ui
            .button(tr(lang, "幻灯片 PDF…", "Slides as PDF…"))
            .clicked()
        {
            self.export_deck_dialog(Format::Pdf);
        }
        if ui
            .button(tr(
                lang,
                "幻灯片 PNG（每页一张）…",
                "Slides as PNG, one per slide…",
            ))
            .clicked()
        {
            self.export_deck_dialog(Format::Png);
        }
        if ui
            .button(tr(
                lang,
                "复制当前幻灯片为图片",
                "Copy the current slide as an image",
            ))
            .clicked()
        {
            self.copy_slide(ui.ctx());
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr(lang, "文件", "File"), |ui| {
                if ui
                    .add(
                        egui::Button::new(tr(lang, "打开…", "Open…"))
                            .shortcut_text(ui.ctx().format_shortcut(&OPEN)),
                    )
                    .clicked()
                {
                    self.open_dialog();
                }
                if ui.button(tr(lang, "打开路径…", "Open path…")).clicked() {
                    self.path_prompt = Some(PathPrompt {
                        purpose: Purpose::OpenData,
                        text: String::new(),
                    });
                }
                if ui
                    .button(tr(lang, "使用内置数据", "Use the embedded dataset"))
                    .clicked()
                {
                    self.use_embedded();
                }
                ui.menu_button(tr(lang, "最近打开", "Recent files"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(tr(lang, "（无）", "(none)"));
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.open(&p);
                        }
                    }
                });
            });
            self.edit_menu(ui);
            ui.menu_button(tr(lang, "导出", "Export"), |ui| {
                for (f, label) in [
                    (Format::Xlsx, "XLSX…"),
                    (Format::Csv, "CSV…"),
                    (Format::Md, "Markdown…"),
                    (Format::Html, "HTML…"),
                ] {
                    let mut b = egui::Button::new(label);
                    if f == Format::Xlsx {
                        b = b.shortcut_text(ui.ctx().format_shortcut(&SAVE));
                    }
                    if ui.add(b).clicked() {
                        self.export_dialog(f, 1.0);
                    }
                }
                ui.separator();
                self.slides_menu(ui);
                ui.separator();
                ui.label(
                    egui::RichText::new(tr(lang, "当前视图截图", "Picture of the current view"))
                        .strong(),
                );
                if ui.button("PNG 1×…").clicked() {
                    self.export_dialog(Format::Png, 1.0);
                }
                if ui.button("PNG 2×…").clicked() {
                    self.export_dialog(Format::Png, 2.0);
                }
                ui.separator();
                if ui
                    .add(
                        egui::Button::new(tr(lang, "复制对比表", "Copy comparison table"))
                            .shortcut_text(ui.ctx().format_shortcut(&COPY_TABLE)),
                    )
                    .clicked()
                {
                    self.copy_table(ui.ctx());
                }
            });
            ui.menu_button(tr(lang, "视图", "View"), |ui| {
                if ui
                    .add(
                        egui::Button::new(tr(lang, "演示模式", "Presentation mode"))
                            .shortcut_text("F11"),
                    )
                    .clicked()
                {
                    self.presenter.reset();
                    self.presentation = true;
                }
                ui.separator();
                self.views_menu(ui);
            });
            self.help_menu(ui);
            ui.separator();
            for (l, label) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                ui.selectable_value(&mut self.settings.lang, l, label);
            }
            ui.separator();
            let dark = self.settings.dark;
            let theme_label = if dark {
                tr(lang, "浅色主题", "Light theme")
            } else {
                tr(lang, "深色主题", "Dark theme")
            };
            if ui.button(theme_label).clicked() {
                self.settings.dark = !dark;
            }
        });
    }
}
