//! The Help menu: keyboard shortcuts, the data format on one page, where the
//! loaded data comes from, and About (version and licences). Each page is a
//! modal window that Esc or its Close button closes.

use egui::{RichText, Ui};

use super::App;
use super::commands::{Command, Menu};
use crate::model::{Dataset, Lang};
use cc_ui::i18n::{colon, tr};
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
            Page::Shortcuts => tr(lang, "键盘快捷键", "Keyboard shortcuts"),
            Page::Format => tr(lang, "数据格式", "The data format"),
            Page::Sources => tr(lang, "数据来源", "Where the data comes from"),
            Page::About => tr(lang, "关于", "About"),
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
        tr(
            lang,
            "关闭窗口或对话框，退出演示模式",
            "Close a window or dialog; leave presentation mode",
        )
        .into(),
    ));
    for (keys, step) in cc_ui::present::KEYS {
        let names: Vec<&str> = keys.iter().map(|k| k.name()).collect();
        rows.push((names.join(" / "), step.describe(lang).to_owned()));
    }
    rows.push((
        tr(lang, "拖放文件", "Drop a file").into(),
        tr(
            lang,
            "打开拖到窗口上的 JSON 文件",
            "Open a JSON file dropped onto the window",
        )
        .into(),
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
    ui.label(tr(
        lang,
        "数据集是一个 JSON 文件（UTF-8，最大 64 MiB）：来源文献、指标名称、集群及其数据，以及可选的全国背景。每个数字都引用来源文献并照录原文措辞。",
        "A dataset is one JSON file (UTF-8, at most 64 MiB): the source documents, the names of the metrics, the clusters with their figures, and optional national context. Every figure cites a document and quotes the phrase as written.",
    ));
    widgets::section(ui, tr(lang, "必填字段", "Required fields"));
    let rows: Vec<(String, String)> = [
        (
            "format_version, sources, metric_keys, clusters",
            tr(lang, "文件顶层", "the top level of the file"),
        ),
        (
            "sources[]: id, title, publisher, date",
            tr(
                lang,
                "每份来源文献；date 写作 2024、2024-05 或 2024-05-17",
                "each source document; date as 2024, 2024-05 or 2024-05-17",
            ),
        ),
        (
            "metric_keys[]: key, name",
            tr(lang, "每种指标的键和中英文名称", "each kind of figure: its key and names"),
        ),
        (
            "clusters[]: id, name, level, provinces, industry",
            tr(
                lang,
                "id 用小写字母和连字符；level 为 national、provincial、municipal 或 county",
                "id in lower case with hyphens; level is national, provincial, municipal or county",
            ),
        ),
        (
            "metrics[]: key, value, unit, as_of, source",
            tr(
                lang,
                "数值和单位按原文（5700 与 亿元）；qualifier 记“超过”“约”等；source 为来源 id 和原文引语",
                "value and unit as the source writes them (5700 with 亿元); qualifier for 超过, 约…; source is the document id and the quote",
            ),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    table(ui, "help-format", &rows);
    widgets::section(ui, tr(lang, "检查文件", "Checking a file"));
    let cmds: Vec<(String, String)> = vec![
        (
            "cluster-compare check FILE".into(),
            tr(
                lang,
                "列出每个问题（行:列与 JSON 路径），无误时显示 ok",
                "lists every problem (line:column and JSON path), or says ok",
            )
            .into(),
        ),
        (
            "cluster-compare schema".into(),
            tr(
                lang,
                "输出 JSON Schema，供编辑器补全和检查",
                "prints the JSON Schema, for completion and checking in an editor",
            )
            .into(),
        ),
    ];
    table(ui, "help-check", &cmds);
    ui.add_space(theme::GAP);
    widgets::weak(
        ui,
        tr(
            lang,
            "完整说明和示例见 README 的“数据格式”一节；内置数据 seeds/clusters.json 可作为模板。",
            "The README's \"The data format\" section has the full description and an example; the embedded seeds/clusters.json is a template.",
        ),
    );
}

fn sources_page(ui: &mut Ui, d: &Dataset, file: &str, lang: Lang) {
    let title = d.title.get(lang);
    ui.label(RichText::new(if title.is_empty() { file } else { title }).strong());
    widgets::weak(
        ui,
        format!(
            "{}{}{file} · {} {}",
            tr(lang, "文件", "File"),
            colon(lang),
            d.sources.len(),
            tr(lang, "份来源文献", "source documents")
        ),
    );
    ui.add_space(theme::GAP);
    for s in &d.sources {
        theme::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(s.title.get(lang)).strong()).wrap());
            let mut line = format!("{} · {}", s.publisher.get(lang), s.date);
            if s.date_approximate {
                line.push_str(tr(lang, "（推断日期）", " (date inferred)"));
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
        tr(lang, "版本", "Version"),
        about::VERSION
    ));
    // The embedded data (what `--version` names), and the file shown when it is another.
    let embedded = about::embedded();
    let data = |ui: &mut Ui, what: &str, info: &DataInfo| {
        ui.add(egui::Label::new(format!("{what}{}{}", colon(lang), info.title_both())).wrap());
        widgets::weak(ui, info.details(lang));
    };
    data(ui, tr(lang, "内置数据", "Embedded data"), embedded);
    if loaded.file != crate::load::EMBEDDED_NAME {
        let shown = DataInfo::of(&loaded.dataset);
        let what = format!("{} {}", tr(lang, "当前数据", "Data shown"), loaded.file);
        data(ui, &what, &shown);
    }
    ui.add(
        egui::Label::new(tr(
            lang,
            "并排对比中国国家先进制造业集群：数据、目标、政策与来源。",
            "China's national advanced manufacturing clusters side by side: figures, targets, policies and their sources.",
        ))
        .wrap(),
    );
    widgets::section(ui, tr(lang, "许可证", "Licences"));
    let mut rows: Vec<(String, String)> = vec![
        (
            tr(lang, "本应用", "This app").into(),
            "MIT (LICENSE)".into(),
        ),
        (
            tr(
                lang,
                "内置字体 Noto Sans CJK SC（子集）",
                "Bundled font Noto Sans CJK SC (subset)",
            )
            .into(),
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
                    if ui.button(tr(lang, "关闭 (Esc)", "Close (Esc)")).clicked() {
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
