//! The one place where changes are made: the queue of [`Change`]s that menus,
//! keys and views sent during a frame, drained once after it is drawn. Undo
//! is recorded here, the slides are reset when the comparison they show
//! changed, and the settings are marked for saving.

use super::*;

impl App {
    /// Makes every change sent this frame, oldest first.
    pub(super) fn drain(&mut self, ctx: &egui::Context) {
        let sent = self.sender.take();
        self.queue.extend(sent.into_iter().map(Change::View));
        if self.queue.is_empty() {
            return;
        }
        // A change may send another (a command that opens a dialog's fallback):
        // keep going until the queue is empty, within reason.
        for _ in 0..8 {
            let changes = std::mem::take(&mut self.queue);
            if changes.is_empty() {
                break;
            }
            for change in changes {
                self.make_recorded(ctx, change);
            }
        }
        // What was drawn this frame predates the changes.
        ctx.request_repaint();
    }

    fn make_recorded(&mut self, ctx: &egui::Context, change: Change) {
        self.dirty |= change.touches_settings();
        let undoing = matches!(change, Change::Run(Command::Undo | Command::Redo));
        let before = self.undo_state();
        let look = (self.settings.lang, self.settings.dark);
        self.make(ctx, change);
        let changed = self.undo_state() != before;
        if changed && !undoing {
            self.history.record(before);
        }
        if changed || look != (self.settings.lang, self.settings.dark) {
            // The slides show the comparison as it is now.
            self.presenter.reset();
        }
    }

    fn make(&mut self, ctx: &egui::Context, change: Change) {
        match change {
            Change::Run(c) => self.run(ctx, c),
            Change::View(a) => self.apply(a),
            Change::Lang(l) => self.set_lang(l),
            Change::Dark(d) => self.settings.dark = d,
            Change::Tab(t) => self.settings.tab = t,
            Change::Metric { before } => self.record_metric_change(before),
            Change::OpenRecent(p) => self.open(&p),
            Change::OpenView(v) => self.open_view(&v),
            Change::DeleteView(i) => {
                if i < self.settings.views.len() {
                    self.settings.views.remove(i);
                }
            }
            Change::Touched => {}
        }
    }

    /// Runs a command from a menu or a key.
    fn run(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::Open => self.open_dialog(),
            Command::OpenFolder => self.open_folder_dialog(),
            Command::OpenPath => self.prompt_for(Purpose::OpenData),
            Command::UseEmbedded => self.use_embedded(),
            Command::NewFromTemplate => self.data_file_dialog(Purpose::Template),
            Command::SaveData => self.data_file_dialog(Purpose::SaveData),
            Command::Undo => {
                self.undo();
            }
            Command::Redo => {
                self.redo();
            }
            Command::Export(f) => self.export_dialog(f, 1.0),
            Command::SlidesPdf => self.export_deck_dialog(Format::Pdf),
            Command::SlidesPptx => self.export_deck_dialog(Format::Pptx),
            Command::SlidesPng => self.export_deck_dialog(Format::Png),
            Command::CopySlide => self.copy_slide(ctx),
            Command::Picture1x => self.export_dialog(Format::Png, 1.0),
            Command::Picture2x => self.export_dialog(Format::Png, 2.0),
            Command::CopyTable => self.copy_table(ctx),
            Command::Presentation => {
                self.presentation = !self.presentation;
                if self.presentation {
                    // Always present the comparison as it is now.
                    self.presenter.reset();
                }
            }
            Command::Find => {
                self.presentation = false;
                self.settings.sidebar = true;
                self.settings.picker.focus_search = true;
            }
            Command::ToggleSidebar => self.settings.sidebar = !self.settings.sidebar,
            Command::SaveView => self.name_view(),
            Command::SaveViewFile => self.view_file_dialog(Purpose::SaveViewFile),
            Command::OpenViewFile => self.view_file_dialog(Purpose::OpenViewFile),
            Command::Help(p) => self.toggle_help(p),
        }
    }

    /// Shows the app in another language. The filters stay on what they
    /// were on: a province or industry is named as the data writes it there.
    pub(super) fn set_lang(&mut self, to: Lang) {
        let from = self.settings.lang;
        if from != to {
            self.settings.picker.relabel(&self.loaded.dataset, from, to);
            self.settings.lang = to;
        }
    }
}
