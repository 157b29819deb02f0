//! The app: state persisted with serde, file handling (open, drop, recent,
//! reload on change), the menu, keyboard shortcuts, and the layout that places
//! the views. File I/O happens here, never in views.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

mod chrome;
mod files;
pub mod help;
pub mod history;
pub mod loader;
pub mod menu;
pub mod notice;
mod settings;
mod slides;
pub mod views_saved;

pub use settings::{DeckSettings, Settings, Startup, from_ron, to_ron};

use std::process::ExitCode;

use crate::cli::Cli;
use crate::compare::Comparison;
use crate::deck::{self, DeckOptions, PageShape};
use crate::export::{self, Format};
use crate::load::{self, LoadError, Loaded, Severity};
use crate::model::{Dataset, Lang};
use cc_ui::charts::Charts;
use cc_ui::i18n::tr;
use cc_ui::picker::Picker;
use cc_ui::present::{PresentAction, Presenter};
use cc_ui::table::TableView;
use cc_ui::view::{ComparisonView, Tab};
use cc_ui::{Action, MAX_PANELS, ViewCtx, theme, widgets};
use files::modified;
use help::Page;
use history::History;
use loader::{Done, Loader, Purpose as LoadPurpose, Source};
use notice::{Notice, PathPrompt, Picked, Purpose, run_dialog};
use views_saved::{SavedView, ViewsUi};

/// The clusters compared when nothing else is asked for.
pub const DEFAULT_COMPARE: [&str; 2] = ["shenzhen-battery-materials", "guangdong-six-city-nev"];

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const COPY_TABLE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

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
    /// Why the last save failed, shown once in the status bar.
    save_failed: Option<String>,
    /// The selection to restore once the saved file loads (it is loading or failed at start).
    pending_selection: Option<(Vec<String>, Option<usize>)>,
    /// Presentation mode: the deck, laid out and drawn off the UI thread.
    pub presenter: Presenter,
    /// Copy the current slide to the clipboard once it is laid out.
    copy_slide_pending: bool,
    /// A deck export running on a worker thread: its result message.
    deck_export: Option<std::sync::mpsc::Receiver<String>>,
    /// `--compare` ids to report on once the asked-for file has loaded.
    startup_compare: Option<Vec<String>>,
    pub(super) history: History,
    pub(super) help: Option<Page>,
    pub(super) notices: Vec<Notice>,
    pub(super) path_prompt: Option<PathPrompt>,
    pub(super) views_ui: ViewsUi,
    /// Loads files off the UI thread.
    loader: Loader,
    /// The context, so background loads can ask for a repaint when done.
    ctx: Option<egui::Context>,
    /// The embedded dataset is shown in place of a file asked for at start
    /// (still loading, or it failed), not because it was chosen.
    fallback: bool,
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
            save_failed: None,
            pending_selection: None,
            presenter: Presenter::default(),
            copy_slide_pending: false,
            deck_export: None,
            startup_compare: None,
            history: History::default(),
            help: None,
            notices: Vec::new(),
            path_prompt: None,
            views_ui: ViewsUi::default(),
            loader: Loader::default(),
            ctx: None,
            fallback: false,
        };
        app.sanitise_selection();
        app
    }

    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, started: Instant) -> Self {
        cc_ui::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::start(startup, settings, Some(&cc.egui_ctx));
        app.started = Some(started);
        app
    }

    /// The app at start: the embedded dataset at once, and the asked-for (or
    /// saved) file loading in the background; it replaces the embedded data
    /// when it loads. `ctx` is asked to repaint when the load is done.
    pub fn start(startup: Startup, mut settings: Settings, ctx: Option<&egui::Context>) -> Self {
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
        let embedded = match load::load_embedded() {
            Ok(l) => l,
            Err(e) => Loaded {
                file: e.file.clone(),
                dataset: Default::default(),
                warnings: e.problems,
            },
        };
        // The selection refers to the file's clusters: keep it for when it loads
        // (or, if it fails, for when it is fixed).
        let keep = settings
            .data_path
            .is_some()
            .then(|| (settings.compare.clone(), settings.baseline));
        let mut app = Self::with_data(embedded, settings);
        app.ctx = ctx.cloned();
        if !startup.compare.is_empty() {
            app.startup_compare = Some(startup.compare);
        }
        if app.settings.data_path.is_none() {
            app.report_startup_compare();
        }
        if let Some(p) = app.settings.data_path.clone() {
            app.pending_selection = keep;
            app.fallback = true;
            // Keep watching a file that fails, so fixing it loads it.
            app.watched = Some((p.clone(), modified(&p)));
            app.loader.start(ctx, Source::Path(p), LoadPurpose::Startup);
        }
        app
    }

    fn report_startup_compare(&mut self) {
        if let Some(asked) = self.startup_compare.take() {
            self.note_startup_compare(&asked);
        }
    }

    /// Drops ids the dataset does not have and repeated ids (the rule the
    /// command line follows too: [`crate::selection::check`]); keeps 1 to 6
    /// panels where possible, the baseline on its cluster.
    pub(super) fn sanitise_selection(&mut self) {
        let d = &self.loaded.dataset;
        let s = &mut self.settings;
        let checked = crate::selection::check(d, &s.compare, s.baseline);
        s.compare = checked.ids;
        s.compare.truncate(MAX_PANELS);
        s.baseline = checked.baseline.filter(|&b| b < s.compare.len());
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

    /// Makes a change to the comparison; undo can take it back.
    pub fn apply(&mut self, action: Action) {
        let before = self.undo_state();
        self.apply_unrecorded(action);
        self.record_change(before);
    }

    fn apply_unrecorded(&mut self, action: Action) {
        // The slides show the comparison as it is now.
        self.presenter.reset();
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

    /// Copies the current slide (laying the deck out first when needed).
    pub(super) fn copy_slide(&mut self, ctx: &egui::Context) {
        if !self.presentation || !self.presenter.is_started() {
            // The slide of the comparison as it is now.
            self.presenter.reset();
            self.start_presenter(ctx);
        }
        self.copy_slide_pending = true;
    }

    /// Asks where to put the deck (a PDF file, or a folder for PNG slides)
    /// and writes it on a worker thread.
    pub(super) fn export_deck_dialog(&mut self, format: Format) {
        let lang = self.settings.lang;
        let picked = run_dialog(|| {
            if format == Format::Pdf {
                rfd::FileDialog::new()
                    .set_title(tr(lang, "导出幻灯片（PDF）", "Export the slides as PDF"))
                    .set_file_name("cluster-comparison.pdf")
                    .add_filter("PDF", &["pdf"])
                    .save_file()
            } else {
                rfd::FileDialog::new()
                    .set_title(tr(
                        lang,
                        "选择存放幻灯片图片的文件夹",
                        "Choose a folder for the slide pictures",
                    ))
                    .pick_folder()
            }
        });
        match picked {
            Picked::Path(p) => self.export_deck(p, format),
            Picked::Unavailable => self.dialog_unavailable(Purpose::Slides(format)),
            Picked::Cancelled => {}
        }
    }

    pub(super) fn export_deck(&mut self, path: PathBuf, format: Format) {
        let mut req = self.request();
        req.deck = self.deck_options();
        req.slides = format == Format::Png;
        req.png.width = 1920;
        self.export_in_background(req, format, path);
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
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        if let Some(done) = self.loader.poll() {
            self.finish_load(done);
        }
        self.handle_input(&ctx);
        self.poll_file(&ctx);
        self.poll_deck(&ctx);
        let lang = self.settings.lang;
        // Changes whenever the dataset or the language changes (views cache on it).
        let generation = self.generation ^ (lang as u64) << 40;

        if self.presentation {
            if !self.presenter.is_started() {
                self.start_presenter(&ctx);
            }
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    if self.presenter.ui(ui, lang) == PresentAction::Leave {
                        self.presentation = false;
                    }
                });
            self.dialogs(&ctx);
            return;
        }

        if !self.presentation {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
            if self.problems.is_some() {
                egui::Panel::bottom("problems")
                    .resizable(true)
                    .default_size(180.0)
                    .show(ui, |ui| self.problems_panel(ui));
            }
            self.notice_bar(ui);
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
                if self.settings.tab == Tab::Table {
                    let s = &mut self.settings;
                    let actions = s.table.ui(
                        ui,
                        &self.loaded.dataset,
                        generation,
                        lang,
                        &s.picker.filters,
                        &s.compare,
                    );
                    for a in actions {
                        self.apply(a);
                    }
                    return;
                }
            }
            let metric = self.settings.charts.metric.clone();
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
            self.record_metric_change(metric);
        });
        for a in cc_ui::take_actions(&ctx) {
            self.apply(a);
        }
        self.dialogs(&ctx);
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        self.undo_keys(ctx);
        self.help_keys(ctx);
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
            if self.presentation {
                // Always present the comparison as it is now.
                self.presenter.reset();
            }
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            if self.dialog.is_some() {
                self.dialog = None;
            } else if self.close_top() {
                // A help page, the save-view window or the path prompt closed.
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

    pub(super) fn open_dialog(&mut self) {
        let picked = run_dialog(|| {
            rfd::FileDialog::new()
                .set_title("Open a cluster dataset")
                .add_filter("JSON", &["json"])
                .pick_file()
        });
        match picked {
            Picked::Path(p) => self.open(&p),
            Picked::Unavailable => self.dialog_unavailable(Purpose::OpenData),
            Picked::Cancelled => {}
        }
    }

    pub(super) fn export_dialog(&mut self, format: Format, scale: f32) {
        let name = format!("cluster-comparison.{}", format.extension());
        let picked = run_dialog(|| {
            rfd::FileDialog::new()
                .set_title("Export the comparison")
                .set_file_name(name)
                .add_filter(format.extension(), &[format.extension()])
                .save_file()
        });
        match picked {
            Picked::Path(p) => self.export_checked(p, format, scale),
            Picked::Unavailable => self.dialog_unavailable(Purpose::Export(format, scale)),
            Picked::Cancelled => {}
        }
    }

    /// Asks before overwriting, then exports.
    pub(super) fn export_checked(&mut self, path: PathBuf, format: Format, scale: f32) {
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

    /// Replaces the data with the embedded dataset and stops watching a file.
    pub(super) fn use_embedded(&mut self) {
        // The seed is small and already in memory: no thread needed.
        self.loader.cancel();
        if let Ok(l) = load::load_embedded() {
            self.fallback = false;
            self.replace_data(l, None);
        }
        self.settings.data_path = None;
        self.watched = None;
    }

    pub(super) fn copy_table(&mut self, ctx: &egui::Context) {
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
        // eframe's own `set_value` drops a value RON cannot write and only
        // logs it; written here, a failure reaches the user.
        match settings::to_ron(&self.settings) {
            Ok(text) => {
                storage.set_string(eframe::APP_KEY, text);
                self.save_failed = None;
            }
            Err(e) => {
                if self.save_failed.as_deref() != Some(e.as_str()) {
                    let (zh, en) = (
                        format!("设置未能保存：{e}"),
                        format!("The settings could not be saved: {e}"),
                    );
                    self.status = Some(self.settings.lang.pick(&zh, &en).to_owned());
                }
                self.save_failed = Some(e);
            }
        }
        self.saved = serde_json::to_string(&self.settings).ok();
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}

/// Starts the native app window; returns the process exit code.
pub fn run_native(cli: &Cli) -> ExitCode {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Cluster Compare · 集群对比")
            .with_inner_size([1480.0, 920.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let startup = Startup::from_cli(cli);
    let result = eframe::run_native(
        "cluster-compare",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, startup, started)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-compare: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}
