//! Files: opening and loading (in the background), watching the open file,
//! exports on a worker thread, and view files.

use super::*;
use error::AppError;

pub(super) fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl App {
    /// Loads a file in the background. Until it is in, the data shown stays
    /// usable; on failure it stays and every problem is listed.
    pub fn open(&mut self, path: &Path) {
        self.loader.start(
            self.ctx.as_ref(),
            Source::Path(path.to_owned()),
            LoadPurpose::Open,
        );
    }

    /// Loads bytes (a dropped file without a path) the same way.
    pub fn open_bytes(&mut self, name: &str, bytes: &[u8]) {
        self.loader.start(
            self.ctx.as_ref(),
            Source::Bytes {
                name: name.to_owned(),
                bytes: bytes.to_vec(),
            },
            LoadPurpose::Open,
        );
    }

    /// The file being loaded in the background, if any.
    pub fn loading(&self) -> Option<&str> {
        self.loader.pending().map(|p| p.label.as_str())
    }

    /// Blocks until the load under way (if any) is done and applies it. For
    /// tests and scripted use; the app itself never waits.
    pub fn wait_for_loading(&mut self) {
        if let Some(done) = self.loader.wait(Duration::from_secs(120)) {
            self.finish_load(done);
        }
    }

    /// Holds background loads until the guard is dropped (tests use it to see
    /// the app while a file is loading).
    pub fn hold_loading(&self) -> loader::Hold {
        self.loader.hold()
    }

    pub(super) fn finish_load(&mut self, done: Done) {
        match done.result {
            Ok(l) => {
                self.fallback = false;
                self.replace_data(l, done.path.as_deref());
            }
            Err(e) => {
                self.problems = Some(e);
                if let Some(p) = done.path
                    && self.settings.data_path.as_deref() == Some(p.as_path())
                    && self.watched.is_none()
                {
                    self.watched = Some((p.clone(), modified(&p)));
                }
                // The view asked for at start goes on the data shown instead.
                self.open_pending_view();
            }
        }
    }

    pub(super) fn replace_data(&mut self, l: Loaded, path: Option<&Path>) {
        // Undo steps name clusters of the data they were taken on: another
        // file (not a reload of the same one) starts a new history.
        if path.map(Path::to_path_buf) != self.settings.data_path {
            self.history.clear();
        }
        self.loaded = l;
        self.problems = None;
        // The slides show the data as it is now.
        self.presenter.reset();
        if let Some((compare, baseline)) = self.pending_selection.take() {
            self.settings.compare = compare;
            self.settings.baseline = baseline;
        }
        self.generation += 1;
        self.comparison.clear();
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
        self.report_startup_compare();
        self.open_pending_view();
        self.status = added_status(&self.loaded);
        self.dirty = true;
    }

    /// Runs an export on a worker thread (slides and pictures take a moment;
    /// the window never waits); its message reaches the status bar. One at a
    /// time: a second waits for the first.
    pub(super) fn export_in_background(
        &mut self,
        req: export::Request,
        format: Format,
        path: PathBuf,
    ) {
        if self.export_task.is_some() {
            self.status = Some(super::Status::new(
                "上一次导出尚未完成，请稍候再试",
                "The previous export is still running; try again when it is done",
            ));
            return;
        }
        let dataset = self.loaded.dataset.clone();
        let shown = path.display().to_string();
        self.status = Some(super::both(|lang| {
            format!("{} {shown}", crate::words::EXPORTING.get(lang))
        }));
        let work = move |sink: &tasks::Sink<tasks::Exported>| {
            let done = match export::export_what(
                &dataset,
                &req,
                format,
                export::What::Comparison,
                &path,
            ) {
                Ok(notes) if notes.is_empty() => tasks::Exported {
                    message: super::both(|lang| {
                        format!("{} {}", crate::words::EXPORTED.get(lang), path.display())
                    }),
                    ok: true,
                },
                Ok(notes) => tasks::Exported {
                    message: super::both(|lang| {
                        format!(
                            "{} {} ({})",
                            crate::words::EXPORTED.get(lang),
                            path.display(),
                            notes.join("; ")
                        )
                    }),
                    ok: true,
                },
                Err(e) => tasks::Exported {
                    message: super::both(|lang| {
                        format!("{} {e}", crate::words::EXPORT_FAILED.get(lang))
                    }),
                    ok: false,
                },
            };
            sink.send(done);
        };
        let failed = |message: String| tasks::Exported {
            message: super::Status::new(message.clone(), message),
            ok: false,
        };
        self.export_task = Some(tasks::Task::spawn(
            "export",
            self.ctx.as_ref(),
            work,
            failed,
        ));
    }

    pub(super) fn request(&self) -> export::Request {
        export::Request {
            ids: self.settings.compare.clone(),
            baseline: self.settings.baseline,
            lang: self.settings.lang,
            png: export::PngOptions::default(),
            ..Default::default()
        }
    }

    /// Reloads the open file when it changes on disk (checked once a second).
    pub(super) fn poll_file(&mut self, ctx: &egui::Context) {
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
        // While another load runs (a file the user opened), a reload would
        // supersede it; look again once it is in.
        if m != seen && self.loader.pending().is_none() {
            self.watched = Some((path.clone(), m));
            self.loader
                .start(Some(ctx), Source::Path(path.clone()), LoadPurpose::Reload);
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }

    pub(super) fn export(&mut self, path: &Path, format: Format, scale: f32) {
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
                    Tab::Table => export::View::Overview,
                },
            };
        }
        self.export_in_background(req, format, path.to_owned());
    }

    /// Writes the current view to `path` as a view file.
    pub fn save_view_file(&mut self, path: &Path) -> Result<(), AppError> {
        let text = views_saved::to_json(&self.current_view(&views_saved::name_of(path)));
        export::write_atomic(path, text.as_bytes()).map_err(|e| AppError::Io(e.to_string()))
    }

    /// Reads a view file on a worker thread and opens its view when it is in
    /// (see [`App::poll_view_file`]); what is wrong with it is named in a
    /// notice. The window keeps drawing while the file is read: a slow disk
    /// or a network share never freezes it. A newer request replaces one
    /// still under way.
    pub fn open_view_file(&mut self, path: &Path) {
        let owned = path.to_owned();
        let task = tasks::Task::spawn(
            "view-file",
            self.ctx.as_ref(),
            move |sink| {
                sink.send(read_view_file(&owned).and_then(|t| views_saved::from_json(&t)));
            },
            |e| Err(AppError::Io(e)),
        );
        self.view_read = Some(ViewRead {
            path: path.to_owned(),
            task,
        });
    }

    /// The view file being read, if any.
    pub fn reading_view_file(&self) -> Option<&Path> {
        self.view_read.as_ref().map(|r| r.path.as_path())
    }

    /// Opens the view file's view (or names its problem) once it is read;
    /// run once a frame.
    pub(super) fn poll_view_file(&mut self) {
        let Some(read) = &mut self.view_read else {
            return;
        };
        let result = match read.task.poll() {
            tasks::Poll::Pending => return,
            tasks::Poll::Ready(r) => Some(r),
            tasks::Poll::Finished => None,
        };
        self.finish_view_read(result);
    }

    /// Opens the view read (or names the file's problem); the read is over.
    fn finish_view_read(&mut self, result: Option<Result<SavedView, AppError>>) {
        let path = self.view_read.take().map(|r| r.path).unwrap_or_default();
        match result {
            Some(Ok(v)) => self.open_view(&v),
            Some(Err(error)) => self.notify(Notice::Failed {
                file: path.display().to_string(),
                error,
            }),
            None => {}
        }
    }

    /// Blocks until the view file being read (if any) is in and opens it.
    /// For tests and scripted use; the app itself never waits.
    pub fn wait_for_view_file(&mut self) {
        if let Some(read) = &mut self.view_read {
            let result = read.task.wait(Duration::from_secs(60));
            self.finish_view_read(result);
        }
    }

    /// A view file asked for at start (`cluster-compare FILE.ccview.json`):
    /// read at once, and opened on the data when the file asked for (or the
    /// last run's) is in, or at once when none is loading. What is wrong
    /// with the file is named in a notice.
    pub fn start_view(&mut self, path: &Path) {
        match read_view_file(path).and_then(|t| views_saved::from_json(&t)) {
            Ok(v) if self.loader.pending().is_some() => self.pending_view = Some(v),
            Ok(v) => self.open_view(&v),
            Err(error) => self.notify(Notice::Failed {
                file: path.display().to_string(),
                error,
            }),
        }
    }

    /// Opens the view asked for at start once the data it is for is shown.
    fn open_pending_view(&mut self) {
        if let Some(v) = self.pending_view.take() {
            self.open_view(&v);
        }
    }

    /// Asks where to put the deck (a PDF file, or a folder for PNG slides)
    /// and writes it on a worker thread.
    pub(super) fn export_deck_dialog(&mut self, format: Format) {
        let lang = self.settings.lang;
        let picked = run_dialog(|| {
            if format == Format::Pdf {
                rfd::FileDialog::new()
                    .set_title(crate::words::EXPORT_THE_SLIDES_AS_PDF.get(lang))
                    .set_file_name("cluster-comparison.pdf")
                    .add_filter("PDF", &["pdf"])
                    .save_file()
            } else if format == Format::Pptx {
                rfd::FileDialog::new()
                    .set_title(crate::words::EXPORT_THE_SLIDES_AS_PPTX_POWERPOINT.get(lang))
                    .set_file_name("cluster-comparison.pptx")
                    .add_filter("PowerPoint", &["pptx"])
                    .save_file()
            } else {
                rfd::FileDialog::new()
                    .set_title(crate::words::CHOOSE_A_FOLDER_FOR_THE_SLIDE.get(lang))
                    .pick_folder()
            }
        });
        match picked {
            Picked::Path(p) => {
                self.remember_folder(Purpose::Slides(format), &p);
                self.export_deck(p, format)
            }
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

    /// Opens what a dialog picked as data; where no dialog could open, the
    /// path is asked for instead.
    fn open_picked(&mut self, picked: Picked) {
        match picked {
            Picked::Path(p) => {
                self.remember_folder(Purpose::OpenData, &p);
                self.open(&p)
            }
            Picked::Unavailable => self.dialog_unavailable(Purpose::OpenData),
            Picked::Cancelled => {}
        }
    }

    pub(super) fn open_folder_dialog(&mut self) {
        let lang = self.settings.lang;
        let picked = run_dialog(|| {
            rfd::FileDialog::new()
                .set_title(crate::words::OPEN_A_FOLDER_OF_THE_DATASET.get(lang))
                .pick_folder()
        });
        self.open_picked(picked);
    }

    pub(super) fn open_dialog(&mut self) {
        let lang = self.settings.lang;
        let picked = run_dialog(|| {
            rfd::FileDialog::new()
                .set_title(crate::words::OPEN_A_CLUSTER_DATASET.get(lang))
                .add_filter("JSON, Excel", &["json", "xlsx"])
                .add_filter("JSON", &["json"])
                .add_filter("Excel", &["xlsx"])
                .pick_file()
        });
        self.open_picked(picked);
    }

    pub(super) fn export_dialog(&mut self, format: Format, scale: f32) {
        let lang = self.settings.lang;
        let name = format!("cluster-comparison.{}", format.extension());
        let picked = run_dialog(|| {
            rfd::FileDialog::new()
                .set_title(crate::words::EXPORT_THE_COMPARISON.get(lang))
                .set_file_name(name)
                .add_filter(format.extension(), &[format.extension()])
                .save_file()
        });
        match picked {
            Picked::Path(p) => {
                self.remember_folder(Purpose::Export(format, scale), &p);
                self.export_checked(p, format, scale)
            }
            Picked::Unavailable => self.dialog_unavailable(Purpose::Export(format, scale)),
            Picked::Cancelled => {}
        }
    }

    /// Asks where to write a dataset workbook to fill in, or the loaded data.
    pub(super) fn data_file_dialog(&mut self, purpose: Purpose) {
        let lang = self.settings.lang;
        let template = purpose == Purpose::Template;
        let picked = run_dialog(|| {
            let d = rfd::FileDialog::new();
            if template {
                d.set_title(crate::words::NEW_DATA_FROM_TEMPLATE_2.get(lang))
                    .set_file_name("my-clusters.xlsx")
                    .add_filter("Excel", &["xlsx"])
                    .save_file()
            } else {
                d.set_title(crate::words::SAVE_THE_DATA_AS_2.get(lang))
                    .set_file_name("clusters.json")
                    .add_filter("JSON", &["json"])
                    .add_filter("Excel", &["xlsx"])
                    .save_file()
            }
        });
        match picked {
            Picked::Path(p) => {
                self.remember_folder(purpose, &p);
                self.write_data_file(purpose, &p)
            }
            Picked::Unavailable => self.dialog_unavailable(purpose),
            Picked::Cancelled => {}
        }
    }

    /// Writes the template (from the loaded data's metric keys) or the
    /// loaded data to `path`; `.xlsx` is the workbook, anything else JSON.
    pub fn write_data_file(&mut self, purpose: Purpose, path: &Path) {
        let d = &self.loaded.dataset;
        let result = if purpose == Purpose::Template {
            export::template::write_template(d, path)
        } else if crate::sheets::xlsx::is_workbook(path) {
            export::template::write_workbook(d, path)
        } else {
            export::write_atomic(path, d.to_json().as_bytes())
        };
        let shown = path.display().to_string();
        match result {
            Ok(()) => {
                self.notices.retain(|n| *n != Notice::NoFileDialog);
                self.status = Some(super::both(|lang| {
                    format!("{} {shown}", crate::words::SAVED_TO.get(lang))
                }));
            }
            Err(e) => self.notify(Notice::Failed {
                file: shown,
                error: AppError::Io(e.to_string()),
            }),
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
}

/// The text of a view file: a regular file (checked before opening it, since
/// opening a FIFO blocks the UI thread until a writer comes), at most
/// [`views_saved::MAX_FILE_BYTES`], without a UTF-8 byte-order mark.
/// A view file being read on a worker thread.
pub(super) struct ViewRead {
    path: PathBuf,
    task: tasks::Task<Result<SavedView, AppError>>,
}

pub(super) fn read_view_file(path: &Path) -> Result<String, AppError> {
    let max = views_saved::MAX_FILE_BYTES;
    let io = |e: std::io::Error| AppError::Io(e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(AppError::IsAFolder(path.to_owned()));
    }
    if !meta.is_file() {
        return Err(AppError::NotARegularFile);
    }
    let too_large = || AppError::TooLarge {
        limit_mib: max >> 20,
    };
    if meta.len() > max {
        return Err(too_large());
    }
    let f = std::fs::File::open(path).map_err(io)?;
    let bytes = crate::load::read_capped(f, max).map_err(|e| match e {
        crate::load::Capped::TooLarge => too_large(),
        crate::load::Capped::Io(e) => io(e),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| AppError::NotUtf8)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// What a file laid over the register added where (`从 mine.json 并入：新增
///集群 …`), for the status bar; `None` for any other data.
pub(super) fn added_status(l: &Loaded) -> Option<super::Status> {
    if l.added.is_empty() {
        return None;
    }
    let file = l.dataset.yours_file().unwrap_or(l.file.as_str());
    Some(super::both(|lang| {
        let lines: Vec<&str> = l.added.iter().map(|a| a.get(lang)).collect();
        match lang {
            Lang::Zh => format!("从 {file} 并入：{}", lines.join("；")),
            Lang::En => format!("Added from {file}: {}", lines.join("; ")),
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("view.json");
        if !std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            return;
        }
        // Opening it would block this thread until a writer came.
        let e = read_view_file(&fifo).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e:?}");
        let e = read_view_file(dir.path()).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e:?}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("view.json");
        std::fs::write(&p, "\u{feff}{\"format\": \"x\"}").unwrap();
        assert_eq!(read_view_file(&p).unwrap(), "{\"format\": \"x\"}");
    }
}
