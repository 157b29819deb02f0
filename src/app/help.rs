//! The Help menu: keyboard shortcuts, the data format on one page, where the
//! loaded data comes from, and About (version and licences). Each page is a
//! modal window that Esc or its Close button closes.

use egui::{RichText, Ui};

use super::App;
use super::commands::{Command, Menu};
use crate::model::{Dataset, Lang};
use cc_ui::i18n::colon;
use cc_ui::{theme, widgets};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Shortcuts,
    Format,
    Sources,
    About,
}

impl Page {
    pub const ALL: [Page; 4] = [Page::Shortcuts, Page::Format, Page::Sources, Page::About];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Page::Shortcuts => crate::words::KEYBOARD_SHORTCUTS.get(lang),
            Page::Format => crate::words::THE_DATA_FORMAT.get(lang),
            Page::Sources => crate::words::WHERE_THE_DATA_COMES_FROM.get(lang),
            Page::About => crate::words::ABOUT.get(lang),
        }
    }
}

/// The main crates the app is built on, with the licences their manifests state.
pub const CRATES: [(&str, &str); 12] = [
    ("egui, eframe, egui_plot", "MIT OR Apache-2.0"),
    ("wgpu", "MIT OR Apache-2.0"),
    ("rfd", "MIT"),
    ("serde, serde_json", "MIT OR Apache-2.0"),
    ("serde_path_to_error", "MIT OR Apache-2.0"),
    ("schemars", "MIT"),
    ("clap", "MIT OR Apache-2.0"),
    ("thiserror", "MIT OR Apache-2.0"),
    ("rust_xlsxwriter", "MIT OR Apache-2.0"),
    ("csv", "Unlicense OR MIT"),
    ("tempfile", "MIT OR Apache-2.0"),
    ("image", "MIT OR Apache-2.0"),
];

/// The shortcuts page: every command that has keys (from [`Command`]), the
/// presentation keys (from the presenter's own list), Esc and dropping a file.
pub fn shortcuts(ctx: &egui::Context, lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Command::all()
        .into_iter()
        .filter(|c| !c.shortcuts().is_empty())
        .map(|c| {
            let keys: Vec<String> = c
                .shortcuts()
                .iter()
                .map(|s| ctx.format_shortcut(s))
                .collect();
            (keys.join(" / "), c.tooltip(lang).to_owned())
        })
        .collect();
    rows.push((
        "Esc".into(),
        crate::words::CLOSE_A_WINDOW_OR_DIALOG_LEAVE
            .get(lang)
            .into(),
    ));
    for (keys, step) in cc_ui::present::KEYS {
        let names: Vec<&str> = keys.iter().map(|k| k.name()).collect();
        rows.push((names.join(" / "), step.describe(lang).to_owned()));
    }
    rows.push((
        crate::words::DROP_A_FILE.get(lang).into(),
        crate::words::OPEN_A_JSON_FILE_DROPPED_ONTO.get(lang).into(),
    ));
    rows
}

/// Two columns, the second wrapping: a key column of fixed width, so the
/// layout is known on the first frame (a grid of wrapped text keeps resizing).
fn table(ui: &mut Ui, id: &str, rows: &[(String, String)]) {
    let key_w = (ui.available_width() * 0.42).min(300.0);
    ui.push_id(id, |ui| {
        for (k, v) in rows {
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(key_w, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(key_w);
                        ui.add(egui::Label::new(RichText::new(k).monospace()).wrap());
                    },
                );
                ui.add(egui::Label::new(v).wrap());
            });
            ui.add_space(theme::GAP_SMALL);
        }
    });
}

fn format_page(ui: &mut Ui, lang: Lang) {
    ui.label(crate::words::A_DATASET_IS_ONE_JSON_FILE.get(lang));
    widgets::section(ui, crate::words::REQUIRED_FIELDS.get(lang));
    let rows: Vec<(String, String)> = [
        (
            "format_version, sources, metric_keys, clusters",
            crate::words::THE_TOP_LEVEL_OF_THE_FILE.get(lang),
        ),
        (
            "sources[]: id, title, publisher, date",
            crate::words::EACH_SOURCE_DOCUMENT_DATE_AS_2024.get(lang),
        ),
        (
            "metric_keys[]: key, name",
            crate::words::EACH_KIND_OF_FIGURE_ITS_KEY.get(lang),
        ),
        (
            "clusters[]: id, name, level, provinces, industry",
            crate::words::ID_IN_LOWER_CASE_WITH_HYPHENS.get(lang),
        ),
        (
            "metrics[]: key, value, unit, as_of, source",
            crate::words::VALUE_AND_UNIT_AS_THE_SOURCE.get(lang),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    table(ui, "help-format", &rows);
    widgets::section(ui, crate::words::CHECKING_A_FILE.get(lang));
    let cmds: Vec<(String, String)> = vec![
        (
            "cluster-compare check FILE".into(),
            crate::words::LISTS_EVERY_PROBLEM_LINE_COLUMN_AND
                .get(lang)
                .into(),
        ),
        (
            "cluster-compare schema".into(),
            crate::words::PRINTS_THE_JSON_SCHEMA_FOR_COMPLETION
                .get(lang)
                .into(),
        ),
    ];
    table(ui, "help-check", &cmds);
    ui.add_space(theme::GAP);
    widgets::weak(ui, crate::words::THE_README_S_THE_DATA_FORMAT.get(lang));
}

fn sources_page(ui: &mut Ui, d: &Dataset, file: &str, lang: Lang) {
    let title = d.title.get(lang);
    ui.label(RichText::new(if title.is_empty() { file } else { title }).strong());
    widgets::weak(
        ui,
        format!(
            "{}{}{file} · {} {}",
            crate::words::FILE.get(lang),
            colon(lang),
            d.sources.len(),
            crate::words::SOURCE_DOCUMENTS.get(lang)
        ),
    );
    ui.add_space(theme::GAP);
    for s in &d.sources {
        theme::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(s.title.get(lang)).strong()).wrap());
            let mut line = format!("{} · {}", s.publisher.get(lang), s.date);
            if s.date_approximate {
                line.push_str(crate::words::DATE_INFERRED.get(lang));
            }
            if let Some(a) = &s.author {
                line.push_str(&format!(" · {}", a.get(lang)));
            }
            ui.label(line);
            if let Some(n) = &s.date_note {
                widgets::weak(ui, n.get(lang));
            }
            widgets::weak(ui, s.id.clone());
        });
        ui.add_space(theme::GAP_SMALL);
    }
}

fn about_page(ui: &mut Ui, lang: Lang, loaded: &crate::load::Loaded) {
    use crate::about::{self, DataInfo};
    ui.label(
        RichText::new("Cluster Compare · 集群对比")
            .strong()
            .size(theme::SIZE_HEADING),
    );
    ui.label(format!(
        "{} {}",
        crate::words::VERSION.get(lang),
        about::VERSION
    ));
    // The embedded data (what `--version` names), and the file shown when it is another.
    let embedded = about::embedded();
    let data = |ui: &mut Ui, what: &str, info: &DataInfo| {
        ui.add(egui::Label::new(format!("{what}{}{}", colon(lang), info.title_both())).wrap());
        widgets::weak(ui, info.details(lang));
    };
    data(ui, crate::words::EMBEDDED_DATA.get(lang), embedded);
    if loaded.file != crate::load::EMBEDDED_NAME {
        let shown = DataInfo::of(&loaded.dataset);
        let what = format!("{} {}", crate::words::DATA_SHOWN.get(lang), loaded.file);
        data(ui, &what, &shown);
    }
    ui.add(
        egui::Label::new(crate::words::CHINA_S_NATIONAL_ADVANCED_MANUFACTURING_CLUSTERS.get(lang))
            .wrap(),
    );
    widgets::section(ui, crate::words::LICENCES.get(lang));
    let mut rows: Vec<(String, String)> = vec![
        (
            crate::words::THIS_APP.get(lang).into(),
            "MIT (LICENSE)".into(),
        ),
        (
            crate::words::BUNDLED_FONT_NOTO_SANS_CJK_SC.get(lang).into(),
            "SIL Open Font License 1.1 (assets/fonts/LICENSE-OFL.txt)".into(),
        ),
    ];
    rows.extend(
        CRATES
            .iter()
            .map(|(c, l)| ((*c).to_owned(), (*l).to_owned())),
    );
    table(ui, "help-licences", &rows);
}

impl App {
    /// Opens a help page; the shortcuts page again closes it (F1).
    pub(super) fn toggle_help(&mut self, page: Page) {
        self.help = if self.help == Some(page) {
            None
        } else {
            Some(page)
        };
    }

    /// Opens a help page.
    pub fn show_help(&mut self, page: Page) {
        self.help = Some(page);
    }

    /// The Help menu.
    pub(super) fn help_menu(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.menu_button(Menu::Help.label(lang), |ui| {
            for p in Page::ALL {
                if self.command_item(ui, Command::Help(p)) {
                    ui.close();
                }
            }
        });
    }

    /// The open help page, as a modal window.
    pub(super) fn help_window(&mut self, ctx: &egui::Context) {
        let Some(page) = self.help else {
            return;
        };
        let lang = self.settings.lang;
        let screen = ctx.content_rect().size();
        let mut close = false;
        let r = egui::Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
            ui.set_width((screen.x - 80.0).clamp(280.0, 720.0));
            ui.horizontal(|ui| {
                ui.heading(page.title(lang));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(crate::words::CLOSE_ESC.get(lang)).clicked() {
                        close = true;
                    }
                });
            });
            ui.separator();
            // A modal's content is laid out in little height; when the page is
            // longer, give the scroll area the window's height.
            let h = (screen.y - 180.0).clamp(160.0, 760.0);
            egui::ScrollArea::vertical()
                .max_height(h)
                .min_scrolled_height(h)
                .auto_shrink([false, true])
                .show(ui, |ui| match page {
                    Page::Shortcuts => {
                        table(ui, "help-keys", &shortcuts(ctx, lang));
                    }
                    Page::Format => format_page(ui, lang),
                    Page::Sources => {
                        sources_page(ui, &self.loaded.dataset, &self.loaded.file, lang)
                    }
                    Page::About => about_page(ui, lang, &self.loaded),
                });
        });
        if close || r.should_close() {
            self.help = None;
        }
    }
}
