//! The app: state persisted with serde, file handling (open, drop, recent,
//! reload on change), the menu, keyboard shortcuts, and the layout that places
//! the views. File I/O happens here, never in views.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use egui::{Key, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

mod chrome;
pub mod commands;
mod drain;
pub mod error;
mod files;
pub mod help;
pub mod history;
pub mod loader;
pub mod menu;
mod native;
pub mod notice;
pub mod prompt;
mod settings;
mod slides;
pub mod tasks;
pub mod views_saved;

pub use settings::{DeckSettings, Settings, Startup, from_ron, to_ron};

/// A status line in both languages.
pub type Status = crate::model::Text;

/// A status line written once for each language.
pub fn both(f: impl Fn(Lang) -> String) -> Status {
    Status::new(f(Lang::Zh), f(Lang::En))
}

use std::process::ExitCode;

use crate::cli::Cli;
use crate::compare::Comparison;
use crate::deck::{self, DeckOptions, PageShape};
use crate::export::{self, Format};
use crate::load::{self, LoadError, Loaded, Severity};
use crate::model::{Dataset, Lang};
use cc_ui::charts::Charts;
use cc_ui::picker::Picker;
use cc_ui::present::{PresentAction, Presenter};
use cc_ui::table::TableView;
use cc_ui::view::{ComparisonView, Tab};
use cc_ui::{Action, DataGen, MAX_PANELS, ViewCtx, theme, widgets};
use commands::{Change, Command};
use files::modified;
use help::Page;
use history::History;
use loader::{Done, Loader, Purpose as LoadPurpose, Source};
use notice::{Notice, PathPrompt, Picked, Purpose, run_dialog};
use views_saved::{SavedView, ViewsUi};

/// The clusters compared when nothing else is asked for.
pub const DEFAULT_COMPARE: [&str; 2] = ["shenzhen-battery-materials", "guangdong-six-city-nev"];

/// A question the app is waiting on.
enum Dialog {
    Overwrite {
        path: PathBuf,
        format: Format,
        scale: f32,
    },
}

/// The comparison, kept until the data, the language, the ids or the baseline change.
type ComparisonMemo = cc_ui::Memo<(Vec<String>, Option<usize>), Comparison>;

/// The cached comparison, rebuilt when the dataset or selection changed. A
/// free function so callers can borrow other fields of the app alongside.
fn cached<'a>(slot: &'a mut ComparisonMemo, d: &Dataset, s: &Settings, g: u64) -> &'a Comparison {
    let data = DataGen {
        dataset: g,
        lang: s.lang,
    };
    let key = (s.compare.clone(), s.baseline);
    slot.get_or_compute(data, &key, || {
        Comparison::build(d, &s.compare, s.baseline, s.lang)
    })
}

/// The app: what persists across runs ([`Settings`], saved when a change
/// marks it dirty) and the state of this run (everything else).
pub struct App {
    /// Persisted. Change it through [`App::send`] (or mark `dirty`), so it is saved.
    pub settings: Settings,
    /// The settings changed since they were last saved.
    dirty: bool,
    /// Changes asked for this frame, made once a frame by [`App::drain`].
    queue: Vec<Change>,
    /// Where views send their changes (handed to them in [`ViewCtx`]).
    sender: cc_ui::Sender,
    pub loaded: Loaded,
    /// The last file that failed to load, with all its problems.
    pub problems: Option<LoadError>,
    pub presentation: bool,
    /// The status line, in both languages: the bar shows the one chosen now.
    pub status: Option<Status>,
    generation: u64,
    comparison: ComparisonMemo,
    watched: Option<(PathBuf, Option<SystemTime>)>,
    last_poll: f64,
    applied_theme: Option<(bool, bool)>,
    dialog: Option<Dialog>,
    started: Option<Instant>,
    /// The window's size in points, for PNG export at the size the user sees.
    screen: egui::Vec2,
    /// Why the last save failed, shown once in the status bar.
    save_failed: Option<String>,
    /// The selection to restore once the saved file loads (it is loading or failed at start).
    pending_selection: Option<(Vec<String>, Option<usize>)>,
    /// Presentation mode: the deck, laid out and drawn off the UI thread.
    pub presenter: Presenter,
    /// Copy the current slide to the clipboard once it is laid out.
    copy_slide_pending: bool,
    /// An export running on a worker thread (one at a time).
    export_task: Option<tasks::Task<tasks::Exported>>,
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
    /// A view file's view asked for at start, opened once the file asked
    /// for (or the one of the last run) has loaded.
    pending_view: Option<SavedView>,
    /// A view file being read off the UI thread.
    view_read: Option<files::ViewRead>,
}

impl App {
    /// The app on already-loaded data (used by `new` and by tests).
    pub fn with_data(loaded: Loaded, settings: Settings) -> Self {
        let status = files::added_status(&loaded);
        let mut app = Self {
            settings,
            dirty: false,
            queue: Vec::new(),
            sender: cc_ui::Sender::default(),
            loaded,
            problems: None,
            presentation: false,
            status,
            generation: 1,
            comparison: ComparisonMemo::default(),
            watched: None,
            last_poll: 0.0,
            applied_theme: None,
            dialog: None,
            started: None,
            screen: egui::vec2(1600.0, 1000.0),
            save_failed: None,
            pending_selection: None,
            presenter: Presenter::default(),
            copy_slide_pending: false,
            export_task: None,
            startup_compare: None,
            history: History::default(),
            help: None,
            notices: Vec::new(),
            path_prompt: None,
            views_ui: ViewsUi::default(),
            loader: Loader::default(),
            ctx: None,
            fallback: false,
            pending_view: None,
            view_read: None,
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
        // What the command line asks for is kept for the next run too.
        let asked = startup.lang.is_some() || !startup.compare.is_empty() || startup.data.is_some();
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
                added: vec![],
            },
        };
        // The selection refers to the file's clusters: keep it for when it loads
        // (or, if it fails, for when it is fixed).
        let keep = settings
            .data_path
            .is_some()
            .then(|| (settings.compare.clone(), settings.baseline));
        let mut app = Self::with_data(embedded, settings);
        app.dirty = asked;
        app.ctx = ctx.cloned();
        if !startup.compare.is_empty() {
            app.startup_compare = Some(startup.compare.clone());
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
        if let Some(v) = &startup.view {
            app.start_view(v);
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

    /// Makes a change a view asked for (undo is recorded by the caller, [`App::drain`]).
    fn apply(&mut self, action: Action) {
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
        self.poll_view_file();
        self.handle_input(&ctx);
        self.poll_file(&ctx);
        self.poll_deck(&ctx);
        let lang = self.settings.lang;
        // Which data the views' caches are of.
        let data = DataGen {
            dataset: self.generation,
            lang,
        };

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
            self.drain(&ctx);
            return;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.problems.is_some() {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(180.0)
                .show(ui, |ui| self.problems_panel(ui));
        }
        self.notice_bar(ui);
        if self.settings.sidebar {
            egui::Panel::left("clusters")
                .resizable(true)
                .default_size(theme::SIDEBAR_WIDTH)
                .show(ui, |ui| {
                    let p = &self.settings.picker;
                    let filters = (p.filters.clone(), p.with_figures);
                    let actions = self.settings.picker.ui(
                        ui,
                        &self.loaded.dataset,
                        data,
                        lang,
                        &self.settings.compare,
                        self.settings.baseline,
                    );
                    let p = &self.settings.picker;
                    if (&p.filters, p.with_figures) != (&filters.0, filters.1) {
                        self.send(Change::Touched);
                    }
                    for a in actions {
                        self.send(Change::View(a));
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                self.sidebar_toggle(ui);
                for t in Tab::ALL {
                    if ui
                        .selectable_label(self.settings.tab == t, t.label(lang))
                        .clicked()
                    {
                        self.send(Change::Tab(t));
                    }
                }
            });
            ui.separator();
            if self.settings.tab == Tab::Table {
                let s = &mut self.settings;
                let before = (
                    s.table.sort.clone(),
                    s.table.mode,
                    s.table.coverage.sort.clone(),
                );
                let actions = s.table.ui(
                    ui,
                    &self.loaded.dataset,
                    data,
                    lang,
                    &s.picker.filters,
                    &s.compare,
                );
                let t = &self.settings.table;
                if (t.sort.clone(), t.mode, t.coverage.sort.clone()) != before {
                    self.send(Change::Touched);
                }
                for a in actions {
                    self.send(Change::View(a));
                }
                return;
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
                send: &self.sender,
            };
            ComparisonView {
                ctx: &cx,
                tab: self.settings.tab,
                charts: &mut self.settings.charts,
                presentation: false,
            }
            .ui(ui);
            if self.settings.charts.metric != metric {
                self.send(Change::Metric { before: metric });
            }
        });
        self.dialogs(&ctx);
        self.drain(&ctx);
    }

    /// Asks for a change; it is made with the others after this frame is drawn.
    pub fn send(&mut self, change: Change) {
        self.queue.push(change);
    }

    /// The shortcuts of every [`Command`], Esc and dropped files.
    fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        for (shortcut, cmd) in commands::key_bindings() {
            // Consumed even when there is nothing to undo: Ctrl+Shift+Z must
            // not fall through to Ctrl+Z.
            if typing && !cmd.while_typing() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.send(Change::Run(cmd));
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
                    Err(e) => self.status = Some(Status::new(e.clone(), e)),
                }
            }
        }
    }

    /// Whether a change since the last save is waiting to be saved.
    pub fn needs_save(&self) -> bool {
        self.dirty
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
        self.dirty = true;
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
        self.status = Some(Status::new(
            "对比表已复制（制表符分隔，可粘贴到电子表格）",
            "Comparison table copied as tab-separated text",
        ));
    }
}

pub use native::{icon, run_native};
