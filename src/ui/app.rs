//! The app: state persisted with serde, file handling (open, drop, recent,
//! reload on change), the menu, keyboard shortcuts, and the layout that places
//! the views. File I/O happens here, never in views.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::charts::Charts;
use super::i18n::tr;
use super::picker::Picker;
use super::view::{ComparisonView, Tab};
use super::{Action, MAX_PANELS, ViewCtx, theme, widgets};
use crate::compare::Comparison;
use crate::export::{self, Format};
use crate::load::{self, LoadError, Loaded, Severity};
use crate::model::{Dataset, Lang};

/// The clusters compared when nothing else is asked for.
pub const DEFAULT_COMPARE: [&str; 2] = ["shenzhen-battery-materials", "guangdong-six-city-nev"];

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const COPY_TABLE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// What persists across runs.
#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub compare: Vec<String>,
    pub baseline: Option<usize>,
    pub lang: Lang,
    pub dark: bool,
    pub data_path: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub tab: Tab,
    pub charts: Charts,
    pub picker: Picker,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            compare: DEFAULT_COMPARE.iter().map(|s| (*s).to_owned()).collect(),
            baseline: None,
            lang: Lang::Zh,
            dark: false,
            data_path: None,
            recent: Vec::new(),
            tab: Tab::Overview,
            charts: Charts::default(),
            picker: Picker::default(),
        }
    }
}

/// What the command line asks for at start.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub data: Option<PathBuf>,
    pub compare: Vec<String>,
    pub lang: Option<Lang>,
}

impl Startup {
    pub fn from_cli(cli: &crate::cli::Cli) -> Self {
        Self {
            data: cli.data.clone(),
            compare: cli.compare.clone(),
            lang: cli.lang.map(Into::into),
        }
    }
}

/// A question the app is waiting on.
enum Dialog {
    Overwrite {
        path: PathBuf,
        format: Format,
        scale: f32,
    },
}

/// The comparison and what it was built from: dataset generation, ids, baseline, language.
struct Cached {
    key: (u64, Vec<String>, Option<usize>, Lang),
    comparison: Comparison,
}

/// The cached comparison, rebuilt when the dataset or selection changed. A
/// free function so callers can borrow other fields of the app alongside.
fn cached<'a>(slot: &'a mut Option<Cached>, d: &Dataset, s: &Settings, g: u64) -> &'a Comparison {
    let fresh = slot.as_ref().is_some_and(|c| {
        c.key.0 == g && c.key.1 == s.compare && c.key.2 == s.baseline && c.key.3 == s.lang
    });
    if !fresh {
        *slot = None;
    }
    &slot
        .get_or_insert_with(|| Cached {
            key: (g, s.compare.clone(), s.baseline, s.lang),
            comparison: Comparison::build(d, &s.compare, s.baseline, s.lang),
        })
        .comparison
}

pub struct App {
    pub settings: Settings,
    pub loaded: Loaded,
    /// The last file that failed to load, with all its problems.
    pub problems: Option<LoadError>,
    pub presentation: bool,
    pub status: Option<String>,
    generation: u64,
    comparison: Option<Cached>,
    watched: Option<(PathBuf, Option<SystemTime>)>,
    last_poll: f64,
    applied_theme: Option<(bool, bool)>,
    dialog: Option<Dialog>,
    started: Option<Instant>,
    /// The window's size in points, for PNG export at the size the user sees.
    screen: egui::Vec2,
    /// The settings as last saved, to know when a save is due.
    saved: Option<String>,
    /// The selection to restore once the saved file loads (it failed at start).
    pending_selection: Option<(Vec<String>, Option<usize>)>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl App {
    /// The app on already-loaded data (used by `new` and by tests).
    pub fn with_data(loaded: Loaded, settings: Settings) -> Self {
        let mut app = Self {
            settings,
            loaded,
            problems: None,
            presentation: false,
            status: None,
            generation: 1,
            comparison: None,
            watched: None,
            last_poll: 0.0,
            applied_theme: None,
            dialog: None,
            started: None,
            screen: egui::vec2(1600.0, 1000.0),
            saved: None,
            pending_selection: None,
        };
        app.sanitise_selection();
        app
    }

    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, started: Instant) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(l) = startup.lang {
            settings.lang = l;
        }
        if !startup.compare.is_empty() {
            settings.compare = startup.compare.clone();
            settings.baseline = None;
        }
        if startup.data.is_some() {
            settings.data_path = startup.data.clone();
        }
        // The asked-for file first, so the selection is checked against it;
        // the embedded dataset when there is none or it fails to load.
        let mut failed = None;
        let from_file = settings
            .data_path
            .as_deref()
            .and_then(|p| load::load_path(p).map_err(|e| failed = Some(e)).ok());
        let loaded = from_file.unwrap_or_else(|| match load::load_embedded() {
            Ok(l) => l,
            Err(e) => Loaded {
                file: e.file.clone(),
                dataset: Default::default(),
                warnings: e.problems,
            },
        });
        let path = settings.data_path.clone().filter(|_| failed.is_none());
        // A saved file that fails keeps its selection for when it is fixed.
        let keep = failed
            .is_some()
            .then(|| (settings.compare.clone(), settings.baseline));
        let mut app = Self::with_data(loaded, settings);
        app.problems = failed;
        app.pending_selection = keep;
        if let Some(p) = path {
            app.watched = Some((p.clone(), modified(&p)));
        } else if let Some(p) = app.settings.data_path.clone() {
            // Keep watching a file that failed, so fixing it loads it.
            app.watched = Some((p.clone(), modified(&p)));
        }
        app.started = Some(started);
        app
    }

    /// Loads a file. On failure the data already shown stays and every problem is listed.
    pub fn open(&mut self, path: &Path) {
        match load::load_path(path) {
            Ok(l) => self.replace_data(l, Some(path)),
            Err(e) => {
                self.problems = Some(e);
                if self.settings.data_path.as_deref() == Some(path) && self.watched.is_none() {
                    self.watched = Some((path.to_owned(), modified(path)));
                }
            }
        }
    }

    /// Loads bytes (a dropped file without a path) the same way.
    pub fn open_bytes(&mut self, name: &str, bytes: &[u8]) {
        match load::load_bytes(name, bytes) {
            Ok(l) => self.replace_data(l, None),
            Err(e) => self.problems = Some(e),
        }
    }

    fn replace_data(&mut self, l: Loaded, path: Option<&Path>) {
        self.loaded = l;
        self.problems = None;
        if let Some((compare, baseline)) = self.pending_selection.take() {
            self.settings.compare = compare;
            self.settings.baseline = baseline;
        }
        self.generation += 1;
        self.comparison = None;
        if path.is_none() {
            // Dropped bytes have no file: stop watching (and reopening) the previous one.
            self.settings.data_path = None;
            self.watched = None;
        }
        if let Some(p) = path {
            self.settings.data_path = Some(p.to_owned());
            self.settings.recent.retain(|r| r != p);
            self.settings.recent.insert(0, p.to_owned());
            self.settings.recent.truncate(8);
            self.watched = Some((p.to_owned(), modified(p)));
        }
        self.sanitise_selection();
        self.status = None;
    }

    /// Drops ids the dataset does not have; keeps 1 to 6 panels where possible.
    fn sanitise_selection(&mut self) {
        let d = &self.loaded.dataset;
        let s = &mut self.settings;
        // The baseline is an index: keep it on its cluster, not its position.
        let base_id = s.baseline.and_then(|b| s.compare.get(b).cloned());
        let mut seen = std::collections::HashSet::new();
        s.compare
            .retain(|id| d.cluster(id).is_some() && seen.insert(id.clone()));
        s.compare.truncate(MAX_PANELS);
        s.baseline = base_id.and_then(|id| s.compare.iter().position(|c| *c == id));
        if s.compare.is_empty() {
            s.compare = DEFAULT_COMPARE
                .iter()
                .filter(|id| d.cluster(id).is_some())
                .map(|s| (*s).to_owned())
                .collect();
            if s.compare.is_empty() {
                s.compare.extend(d.clusters.first().map(|c| c.id.clone()));
            }
        }
    }

    pub fn apply(&mut self, action: Action) {
        let s = &mut self.settings;
        match action {
            Action::Add(id) => {
                if s.compare.len() < MAX_PANELS && !s.compare.contains(&id) {
                    s.compare.push(id);
                }
            }
            Action::Remove(i) if i < s.compare.len() => {
                s.compare.remove(i);
                s.baseline = match s.baseline {
                    Some(b) if b == i => None,
                    Some(b) if b > i => Some(b - 1),
                    b => b,
                };
            }
            Action::Move(i, delta) => {
                let j = i as i64 + delta as i64;
                if i < s.compare.len() && j >= 0 && (j as usize) < s.compare.len() {
                    let j = j as usize;
                    s.compare.swap(i, j);
                    s.baseline = match s.baseline {
                        Some(b) if b == i => Some(j),
                        Some(b) if b == j => Some(i),
                        b => b,
                    };
                }
            }
            Action::Baseline(b) => s.baseline = b.filter(|&b| b < s.compare.len()),
            Action::FilterProvince(p) => {
                let f = &mut s.picker.filters.province;
                *f = if f.as_deref() == Some(p.as_str()) {
                    None
                } else {
                    Some(p)
                };
            }
            Action::Remove(_) => {}
        }
    }

    /// The comparison of the current selection, rebuilt only when it changes.
    pub fn comparison(&mut self) -> &Comparison {
        cached(
            &mut self.comparison,
            &self.loaded.dataset,
            &self.settings,
            self.generation,
        )
    }

    fn request(&self) -> export::Request {
        export::Request {
            ids: self.settings.compare.clone(),
            baseline: self.settings.baseline,
            lang: self.settings.lang,
            png: export::PngOptions::default(),
        }
    }

    /// Whole app UI, inside whatever `ui` it is given (a window or a test harness).
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.screen = ctx.content_rect().size();
        if self.applied_theme != Some((self.settings.dark, self.presentation)) {
            theme::apply(&ctx, self.settings.dark, self.presentation);
            self.applied_theme = Some((self.settings.dark, self.presentation));
            // This frame's root Ui predates the change; draw the next one at once.
            ctx.request_repaint();
        }
        self.handle_input(&ctx);
        self.poll_file(&ctx);
        let lang = self.settings.lang;

        if !self.presentation {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
            if self.problems.is_some() {
                egui::Panel::bottom("problems")
                    .resizable(true)
                    .default_size(180.0)
                    .show(ui, |ui| self.problems_panel(ui));
            }
            let generation = self.generation ^ (lang as u64) << 40;
            egui::Panel::left("clusters")
                .resizable(true)
                .default_size(theme::SIDEBAR_WIDTH)
                .show(ui, |ui| {
                    let actions = self.settings.picker.ui(
                        ui,
                        &self.loaded.dataset,
                        generation,
                        lang,
                        &self.settings.compare,
                        self.settings.baseline,
                    );
                    for a in actions {
                        self.apply(a);
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if !self.presentation {
                ui.horizontal(|ui| {
                    for t in Tab::ALL {
                        ui.selectable_value(&mut self.settings.tab, t, t.label(lang));
                    }
                });
                ui.separator();
            }
            let cmp = cached(
                &mut self.comparison,
                &self.loaded.dataset,
                &self.settings,
                self.generation,
            );
            let cx = ViewCtx {
                dataset: &self.loaded.dataset,
                comparison: cmp,
                lang,
            };
            ComparisonView {
                ctx: &cx,
                tab: self.settings.tab,
                charts: &mut self.settings.charts,
                presentation: self.presentation,
            }
            .ui(ui);
        });
        for a in super::take_actions(&ctx) {
            self.apply(a);
        }
        self.dialogs(&ctx);
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN)) {
            self.open_dialog();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&FIND)) {
            self.presentation = false;
            self.settings.picker.focus_search = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SAVE)) {
            self.export_dialog(Format::Xlsx, 1.0);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&COPY_TABLE)) {
            self.copy_table(ctx);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F11)) {
            self.presentation = !self.presentation;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            if self.dialog.is_some() {
                self.dialog = None;
            } else if self.presentation {
                self.presentation = false;
            } else {
                self.problems = None;
            }
        }
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(f) = dropped.into_iter().next() {
            let path = f.path().to_owned();
            if path.is_file() {
                self.open(&path);
            } else {
                match f.bytes() {
                    Ok(bytes) => self.open_bytes(&path.display().to_string(), &bytes),
                    Err(e) => self.status = Some(e),
                }
            }
        }
    }

    /// Reloads the open file when it changes on disk (checked once a second).
    fn poll_file(&mut self, ctx: &egui::Context) {
        let Some((path, seen)) = self.watched.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if now - self.last_poll < 1.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
            return;
        }
        self.last_poll = now;
        let m = modified(&path);
        if m != seen {
            self.watched = Some((path.clone(), m));
            self.open(&path);
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }

    fn open_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .set_title("Open a cluster dataset")
            .add_filter("JSON", &["json"])
            .pick_file();
        if let Some(p) = picked {
            self.open(&p);
        }
    }

    fn export_dialog(&mut self, format: Format, scale: f32) {
        let name = format!("cluster-comparison.{}", format.extension());
        let picked = rfd::FileDialog::new()
            .set_title("Export the comparison")
            .set_file_name(name)
            .add_filter(format.extension(), &[format.extension()])
            .save_file();
        if let Some(path) = picked {
            // Native save dialogs ask before overwriting; ask again where they do not.
            if path.exists() {
                self.dialog = Some(Dialog::Overwrite {
                    path,
                    format,
                    scale,
                });
            } else {
                self.export(&path, format, scale);
            }
        }
    }

    fn export(&mut self, path: &Path, format: Format, scale: f32) {
        let mut req = self.request();
        if format == Format::Png {
            req.png = export::PngOptions {
                width: (self.screen.x.round() as u32).clamp(200, 8000),
                height: (self.screen.y.round() as u32).clamp(200, 8000),
                scale,
                dark: self.settings.dark,
                view: match self.settings.tab {
                    Tab::Overview => export::View::Overview,
                    Tab::Charts => export::View::Charts,
                    Tab::Policies => export::View::Policies,
                    Tab::Context => export::View::Context,
                },
            };
        }
        let lang = self.settings.lang;
        self.status = Some(
            match export::export_to(&self.loaded.dataset, &req, format, path) {
                Ok(()) => format!("{} {}", tr(lang, "已导出", "Exported"), path.display()),
                Err(e) => format!("{} {e}", tr(lang, "导出失败：", "Export failed:")),
            },
        );
    }

    fn copy_table(&mut self, ctx: &egui::Context) {
        let cmp = cached(
            &mut self.comparison,
            &self.loaded.dataset,
            &self.settings,
            self.generation,
        );
        let tsv = export::tsv(&self.loaded.dataset, cmp);
        ctx.copy_text(tsv);
        self.status = Some(
            tr(
                self.settings.lang,
                "对比表已复制（制表符分隔，可粘贴到电子表格）",
                "Comparison table copied as tab-separated text",
            )
            .to_owned(),
        );
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
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

    fn menu_bar(&mut self, ui: &mut Ui) {
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
                if ui
                    .button(tr(lang, "使用内置数据", "Use the embedded dataset"))
                    .clicked()
                {
                    if let Ok(l) = load::load_embedded() {
                        self.replace_data(l, None);
                    }
                    self.settings.data_path = None;
                    self.watched = None;
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
                    self.presentation = true;
                }
            });
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

    fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.horizontal(|ui| {
            let d = &self.loaded.dataset;
            let s = d.summary();
            widgets::weak(
                ui,
                format!(
                    "{} · {} {} · {} {} · {} {}",
                    self.loaded.file,
                    s.clusters,
                    tr(lang, "个集群", "clusters"),
                    s.metrics,
                    tr(lang, "项数据", "figures"),
                    s.sources,
                    tr(lang, "份来源", "sources")
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
                        ui.label(w.render(&file));
                    }
                });
            }
            if let Some(s) = &self.status {
                ui.separator();
                widgets::weak(ui, s.clone());
            }
        });
    }

    fn problems_panel(&mut self, ui: &mut Ui) {
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
            ui.label(
                RichText::new(format!(
                    "{} {} — {} {}",
                    tr(lang, "无法加载", "Could not load"),
                    err.file,
                    errors,
                    tr(
                        lang,
                        "个错误；仍显示之前的数据",
                        "error(s); the data shown before stays"
                    )
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
                        ui.label(&pr.message);
                    });
                }
            });
        if dismiss {
            self.problems = None;
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let _ = frame;
        let was = self.presentation;
        App::ui(self, ui);
        if was != self.presentation {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presentation));
        }
        // eframe saves only during a frame; an idle app draws none. When the
        // settings changed since the last save, wake up once the save is due.
        let now = serde_json::to_string(&self.settings).ok();
        if now != self.saved {
            ui.ctx().request_repaint_after(
                self.auto_save_interval() + std::time::Duration::from_millis(200),
            );
        }
        if let Some(t) = self.started.take()
            && std::env::var_os("CLUSTER_COMPARE_TIMING").is_some()
        {
            eprintln!(
                "cluster-compare: first frame after {:.0} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        self.saved = serde_json::to_string(&self.settings).ok();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}
