//! The menu bar: File, Edit (undo, redo), Export, View (presentation mode,
//! named views), Help, the language and the theme. Every item is a
//! [`Command`]: its label, hover text and shortcut come from there, and a
//! click sends it to the queue the app drains after drawing.

use egui::Ui;

use super::App;
use super::commands::{Change, Command, Menu};
use crate::deck::{self, PageShape};
use crate::model::Lang;

impl App {
    /// A menu item for `cmd`; true when clicked (the command is sent).
    pub(super) fn command_item(&mut self, ui: &mut Ui, cmd: Command) -> bool {
        let lang = self.settings.lang;
        let mut b = egui::Button::new(self.command_label(cmd));
        if let Some(s) = cmd.shortcuts().first() {
            b = b.shortcut_text(ui.ctx().format_shortcut(s));
        }
        let enabled = self.command_enabled(cmd);
        let clicked = ui
            .add_enabled(enabled, b)
            .on_hover_text(cmd.tooltip(lang))
            .clicked();
        if clicked {
            self.send(Change::Run(cmd));
        }
        clicked
    }

    /// Whether a command can run now (undo with nothing to undo cannot).
    pub(super) fn command_enabled(&self, cmd: Command) -> bool {
        match cmd {
            Command::Undo => self.history.can_undo(),
            Command::Redo => self.history.can_redo(),
            _ => true,
        }
    }

    /// A command's menu text as it reads now.
    pub(super) fn command_label(&self, cmd: Command) -> String {
        let label = cmd.label(self.settings.lang);
        let what = match cmd {
            Command::Undo => self.undo_text(false),
            Command::Redo => self.undo_text(true),
            _ => None,
        };
        match what.filter(|w| !w.is_empty()) {
            Some(w) => format!("{label}{}{w}", crate::words::COLON.get(self.settings.lang)),
            None => label,
        }
    }

    /// The button before the tabs that hides or shows the cluster list.
    pub(super) fn sidebar_toggle(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let cmd = Command::ToggleSidebar;
        let (sym, what) = if self.settings.sidebar {
            ("«", crate::words::HIDE_THE_CLUSTER_LIST.get(lang))
        } else {
            ("»", crate::words::SHOW_THE_CLUSTER_LIST.get(lang))
        };
        let keys = cmd
            .shortcuts()
            .first()
            .map(|s| ui.ctx().format_shortcut(s))
            .unwrap_or_default();
        let b = ui
            .small_button(sym)
            .on_hover_text(format!("{what} ({keys})"));
        b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, what));
        if b.clicked() {
            self.send(Change::Run(cmd));
        }
    }

    /// The slides part of the Export menu: title, page shape, context, and
    /// the deck as PDF, as PNG slides, or the current slide as an image.
    fn slides_menu(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.label(egui::RichText::new(crate::words::SLIDES.get(lang)).strong());
        let before = self.settings.deck.clone();
        ui.horizontal(|ui| {
            ui.label(crate::words::TITLE.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.settings.deck.title)
                    .hint_text(crate::words::DEFAULT_THE_CLUSTERS_SHORT_NAMES.get(lang))
                    .desired_width(220.0),
            );
        });
        ui.horizontal(|ui| {
            for shape in [PageShape::Wide, PageShape::Standard] {
                ui.selectable_value(&mut self.settings.deck.page, shape, shape.label());
            }
            ui.checkbox(
                &mut self.settings.deck.context,
                crate::words::WITH_NATIONAL_CONTEXT.get(lang),
            );
        });
        if self.settings.deck.context != before.context {
            let context = self.settings.deck.context;
            if let Some(kinds) = self.settings.deck.choice.slides.as_mut() {
                set_context(kinds, context);
            }
        }
        ui.menu_button(crate::words::CHOOSE_SLIDES.get(lang), |ui| {
            self.choose_slides(ui)
        });
        if self.settings.deck != before {
            self.send(Change::Touched);
        }
        for c in [
            Command::SlidesPdf,
            Command::SlidesPptx,
            Command::SlidesPng,
            Command::CopySlide,
        ] {
            self.command_item(ui, c);
        }
    }

    /// Which slides go in (checkboxes, in the deck's order; ↑ moves one
    /// up), how sources are named, sorted bars, a highlighted cluster.
    fn choose_slides(&mut self, ui: &mut Ui) {
        use deck::{SlideChoice, SlideKind, SourcesMode};
        let lang = self.settings.lang;
        let context = self.settings.deck.context;
        let names: Vec<(String, String)> = self
            .settings
            .compare
            .iter()
            .filter_map(|id| {
                let c = self.loaded.dataset.cluster(id)?;
                Some((id.clone(), deck::short_name(c, lang)))
            })
            .collect();
        let choice = &mut self.settings.deck.choice;
        let mut kinds = choice
            .slides
            .clone()
            .unwrap_or_else(|| SlideChoice::default_kinds(context));
        let before = kinds.clone();
        ui.label(crate::words::AFTER_THE_TITLE_IN_THIS_ORDER.get(lang));
        for (i, k) in before.iter().enumerate() {
            ui.horizontal(|ui| {
                let mut on = true;
                if ui.checkbox(&mut on, k.label(lang)).changed() && !on {
                    kinds.retain(|x| x != k);
                }
                if i > 0
                    && ui
                        .small_button("↑")
                        .on_hover_text(crate::words::MOVE_UP.get(lang))
                        .clicked()
                {
                    kinds.swap(i - 1, i);
                }
            });
        }
        for k in SlideKind::ALL.into_iter().filter(|k| !before.contains(k)) {
            let mut on = false;
            if ui.checkbox(&mut on, k.label(lang)).changed() && on {
                // In before the sources appendix, which stays last.
                let at = kinds
                    .iter()
                    .position(|x| *x == SlideKind::Sources)
                    .unwrap_or(kinds.len());
                kinds.insert(at, k);
            }
        }
        if kinds != before {
            choice.slides = Some(kinds);
        }
        if choice.slides.is_some()
            && ui
                .button(crate::words::BACK_TO_THE_WHOLE_DECK.get(lang))
                .clicked()
        {
            choice.slides = None;
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(crate::words::SOURCES.get(lang));
            ui.radio_value(
                &mut choice.sources,
                SourcesMode::Appendix,
                crate::words::IN_FULL_APPENDIX.get(lang),
            );
            ui.radio_value(
                &mut choice.sources,
                SourcesMode::Line,
                crate::words::A_LINE_PER_SLIDE.get(lang),
            );
        });
        ui.checkbox(
            &mut choice.sort_bars,
            crate::words::BARS_SORTED_BY_VALUE.get(lang),
        );
        let shown = choice
            .highlight
            .as_ref()
            .and_then(|h| names.iter().find(|(id, _)| id == h))
            .map_or_else(
                || crate::words::NONE.get(lang).to_owned(),
                |(_, n)| n.clone(),
            );
        egui::ComboBox::from_label(crate::words::HIGHLIGHT.get(lang))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice.highlight, None, crate::words::NONE.get(lang));
                for (id, name) in &names {
                    ui.selectable_value(&mut choice.highlight, Some(id.clone()), name);
                }
            });
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(Menu::File.label(lang), |ui| {
                for c in [
                    Command::Open,
                    Command::OpenFolder,
                    Command::OpenPath,
                    Command::UseEmbedded,
                ] {
                    self.command_item(ui, c);
                }
                ui.separator();
                for c in [Command::NewFromTemplate, Command::SaveData] {
                    self.command_item(ui, c);
                }
                ui.separator();
                ui.menu_button(crate::words::RECENT_FILES.get(lang), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(crate::words::NONE_2.get(lang));
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.send(Change::OpenRecent(p));
                        }
                    }
                });
            });
            ui.menu_button(Menu::Edit.label(lang), |ui| {
                for c in [Command::Undo, Command::Redo] {
                    self.command_item(ui, c);
                }
            });
            ui.menu_button(Menu::Export.label(lang), |ui| {
                for f in Command::SHEETS {
                    self.command_item(ui, Command::Export(f));
                }
                ui.separator();
                self.slides_menu(ui);
                ui.separator();
                ui.label(
                    egui::RichText::new(crate::words::PICTURE_OF_THE_CURRENT_VIEW.get(lang))
                        .strong(),
                );
                for c in [Command::Picture1x, Command::Picture2x] {
                    self.command_item(ui, c);
                }
                ui.separator();
                self.command_item(ui, Command::CopyTable);
            });
            ui.menu_button(Menu::View.label(lang), |ui| {
                for c in [Command::Presentation, Command::ToggleSidebar, Command::Find] {
                    self.command_item(ui, c);
                }
                ui.separator();
                self.views_menu(ui);
            });
            self.help_menu(ui);
            ui.separator();
            for (l, label) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                if ui
                    .selectable_label(self.settings.lang == l, label)
                    .clicked()
                {
                    self.send(Change::Lang(l));
                }
            }
            ui.separator();
            let dark = self.settings.dark;
            let theme_label = if dark {
                crate::words::LIGHT_THEME.get(lang)
            } else {
                crate::words::DARK_THEME.get(lang)
            };
            if ui.button(theme_label).clicked() {
                self.send(Change::Dark(!dark));
            }
        });
    }
}

/// The context slides (map, competition winners) in or out of a chosen list:
/// in before the sources appendix.
fn set_context(kinds: &mut Vec<deck::SlideKind>, on: bool) {
    use deck::SlideKind;
    let pair = [SlideKind::Map, SlideKind::Context];
    if !on {
        kinds.retain(|k| !pair.contains(k));
        return;
    }
    let mut at = kinds
        .iter()
        .position(|k| *k == SlideKind::Sources)
        .unwrap_or(kinds.len());
    for k in pair {
        if !kinds.contains(&k) {
            kinds.insert(at, k);
            at += 1;
        }
    }
}
