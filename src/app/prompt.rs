//! The typed-path prompt that stands in for the native file dialog where
//! there is none: it proposes a name from the comparison in the last folder
//! used, adds the format's extension, says "folder" where a folder is
//! needed, and stays open with the error when the path cannot be used.

use std::path::{Path, PathBuf};

use super::App;
use super::error::AppError;
use super::notice::Notice;
use super::views_saved;
use crate::export::Format;
use cc_ui::theme;

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Purpose {
    OpenData,
    Export(Format, f32),
    /// The slide deck: a PDF file, or a folder for PNG slides.
    Slides(Format),
    SaveViewFile,
    OpenViewFile,
    /// A new dataset workbook to fill in (File → New data from template…).
    Template,
    /// The loaded data, as JSON or as the workbook (File → Save the data as…).
    SaveData,
}

impl Purpose {
    /// A folder is asked for (PNG slides, one file per slide).
    pub fn wants_folder(self) -> bool {
        self == Purpose::Slides(Format::Png)
    }

    /// Something is written (else an existing file is read).
    pub fn writes(self) -> bool {
        !matches!(self, Purpose::OpenData | Purpose::OpenViewFile)
    }

    /// The file name ending it writes, without the dot.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Purpose::Slides(Format::Png) => None,
            Purpose::Export(f, _) | Purpose::Slides(f) => Some(f.extension()),
            Purpose::SaveViewFile => Some(views_saved::EXTENSION),
            Purpose::Template => Some("xlsx"),
            Purpose::OpenData | Purpose::OpenViewFile | Purpose::SaveData => None,
        }
    }
}

/// The "Open path…" prompt: a text field for a path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// Why the path last confirmed could not be used.
    pub error: Option<AppError>,
    /// Focus the field with its text selected on the next frame, so typing
    /// replaces the suggestion.
    pub focus: bool,
}

/// `path` with `ext` added when its name has no ending of its own.
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.is_empty()
        || name.ends_with(&format!(".{ext}"))
        || Path::new(&name).extension().is_some()
    {
        return path;
    }
    let mut s = path.into_os_string();
    s.push(format!(".{ext}"));
    PathBuf::from(s)
}

/// Whether `path` can be used for `purpose`; the path to use (with its
/// extension) or why not.
pub fn check(purpose: Purpose, path: PathBuf) -> Result<PathBuf, AppError> {
    // A folder of the dataset's sheets as CSV files opens as data.
    if purpose == Purpose::OpenData && path.is_dir() && crate::sheets::folder::holds_sheets(&path) {
        return Ok(path);
    }
    if !purpose.wants_folder() && path.is_dir() {
        return Err(AppError::IsAFolder(path));
    }
    let path = match purpose.extension() {
        Some(ext) => with_extension(path, ext),
        None => path,
    };
    if !purpose.writes() {
        return if path.is_dir() {
            Err(AppError::IsAFolder(path))
        } else if !path.is_file() {
            Err(AppError::NoSuchFile(path))
        } else {
            Ok(path)
        };
    }
    if purpose.wants_folder() {
        if path.exists() && !path.is_dir() {
            return Err(AppError::NotAFolder(path));
        }
    } else if path.is_dir() {
        return Err(AppError::IsAFolder(path));
    }
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => Err(AppError::NoSuchFolder(dir.to_owned())),
        _ => Ok(path),
    }
}

impl App {
    /// A file name for what the comparison is: its ids.
    fn suggested_stem(&self) -> String {
        let mut stem = self.settings.compare.join("_");
        if stem.is_empty() {
            stem = "cluster-comparison".into();
        }
        // Keep within file name limits (ids are ASCII).
        stem.truncate(120);
        stem
    }

    /// The text the prompt starts with: the last folder used, and for a
    /// file to write a name from the comparison with its extension.
    pub fn suggested_path(&self, purpose: Purpose) -> String {
        let folder = self
            .settings
            .last_folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let name = match purpose {
            Purpose::OpenData | Purpose::OpenViewFile => String::new(),
            Purpose::Slides(Format::Png) => format!("{}-slides", self.suggested_stem()),
            Purpose::Slides(f) => format!("{}-slides.{}", self.suggested_stem(), f.extension()),
            Purpose::Export(f, _) => format!("{}.{}", self.suggested_stem(), f.extension()),
            Purpose::SaveViewFile => {
                format!("{}.{}", self.suggested_stem(), views_saved::EXTENSION)
            }
            Purpose::Template => "my-clusters.xlsx".into(),
            Purpose::SaveData => "clusters.json".into(),
        };
        let mut s = folder.join(name).display().to_string();
        if !purpose.writes() && !s.ends_with(std::path::MAIN_SEPARATOR) {
            s.push(std::path::MAIN_SEPARATOR);
        }
        s
    }

    /// Opens the prompt for `purpose` with a suggested path.
    pub fn prompt_for(&mut self, purpose: Purpose) {
        self.path_prompt = Some(PathPrompt {
            purpose,
            text: self.suggested_path(purpose),
            error: None,
            focus: true,
        });
    }

    /// The prompt, if open (tests fill it in).
    pub fn path_prompt(&mut self) -> Option<&mut PathPrompt> {
        self.path_prompt.as_mut()
    }

    /// Remembers where a file was read or written, for the next prompt.
    pub(super) fn remember_folder(&mut self, purpose: Purpose, path: &Path) {
        let folder = if purpose.wants_folder() {
            path.parent().unwrap_or(path)
        } else {
            path.parent().unwrap_or(Path::new(""))
        };
        if !folder.as_os_str().is_empty() {
            self.settings.last_folder = Some(folder.to_owned());
            self.dirty = true;
        }
    }

    /// Acts on a path typed where the native dialog could not open.
    pub fn typed_path(&mut self, purpose: Purpose, path: PathBuf) {
        self.remember_folder(purpose, &path);
        match purpose {
            Purpose::OpenData => self.open(&path),
            Purpose::Export(format, scale) => self.export_checked(path, format, scale),
            Purpose::Slides(format) => self.export_deck(path, format),
            Purpose::SaveViewFile | Purpose::OpenViewFile => self.view_file(purpose, &path),
            Purpose::Template | Purpose::SaveData => self.write_data_file(purpose, &path),
        }
    }

    /// The typed-path prompt, acting on the path when the user confirms it;
    /// a path that cannot be used keeps it open with the reason.
    pub(super) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some((purpose, path)) = self.path_prompt_window(ctx) else {
            return;
        };
        match check(purpose, path) {
            Ok(path) => {
                self.path_prompt = None;
                self.typed_path(purpose, path);
            }
            Err(e) => {
                if let Some(p) = &mut self.path_prompt {
                    p.error = Some(e);
                }
            }
        }
    }

    fn path_prompt_window(&mut self, ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
        let lang = self.settings.lang;
        let prompt = self.path_prompt.as_mut()?;
        let (title, action) = match prompt.purpose {
            Purpose::OpenData => (
                crate::words::OPEN_PATH_2.get(lang),
                crate::words::OPEN_2.get(lang),
            ),
            Purpose::Slides(Format::Png) => (
                crate::words::EXPORT_THE_SLIDE_PICTURES_TO_A.get(lang),
                crate::words::EXPORT.get(lang),
            ),
            Purpose::Export(..) | Purpose::Slides(..) => (
                crate::words::EXPORT_TO_PATH.get(lang),
                crate::words::EXPORT.get(lang),
            ),
            Purpose::SaveViewFile => (
                crate::words::SAVE_THE_VIEW_TO_PATH.get(lang),
                crate::words::SAVE.get(lang),
            ),
            Purpose::OpenViewFile => (
                crate::words::OPEN_A_VIEW_FROM_PATH.get(lang),
                crate::words::OPEN_2.get(lang),
            ),
            Purpose::Template => (
                crate::words::SAVE_THE_DATA_TEMPLATE_TO_PATH.get(lang),
                crate::words::SAVE.get(lang),
            ),
            Purpose::SaveData => (
                crate::words::SAVE_THE_DATA_TO_PATH_JSON.get(lang),
                crate::words::SAVE.get(lang),
            ),
        };
        let hint = if prompt.purpose.wants_folder() {
            crate::words::FULL_PATH_OF_THE_FOLDER.get(lang)
        } else {
            crate::words::FULL_PATH_OF_THE_FILE.get(lang)
        };
        let mut go = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.set_width(520.0_f32.min(ctx.content_rect().width() - 60.0));
            ui.heading(title);
            ui.label(hint);
            let out = egui::TextEdit::singleline(&mut prompt.text)
                .hint_text(hint)
                .desired_width(f32::INFINITY)
                .show(ui);
            let r = out.response;
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path"));
            if r.changed() {
                prompt.error = None;
            }
            if std::mem::take(&mut prompt.focus) {
                // Focused with the suggestion selected: typing replaces it.
                r.request_focus();
                let mut state = out.state;
                let all = egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(prompt.text.chars().count()),
                );
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), r.id);
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                go = true;
            }
            if let Some(e) = &prompt.error {
                let p = theme::of(ui);
                ui.add(egui::Label::new(egui::RichText::new(e.text(lang)).color(p.bad)).wrap());
            }
            ui.horizontal(|ui| {
                let ok = ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new(action));
                if ok.clicked() {
                    go = true;
                }
                if ui.button(crate::words::CANCEL.get(lang)).clicked() {
                    cancel = true;
                }
            });
        });
        let text = prompt.text.trim().to_owned();
        if go && !text.is_empty() {
            return Some((prompt.purpose, PathBuf::from(text)));
        }
        if cancel {
            self.path_prompt = None;
        }
        None
    }

    /// An export's end: its message, and when it wrote, the banner about
    /// the missing file dialog has done its job.
    pub(super) fn exported(&mut self, done: super::tasks::Exported) {
        if done.ok {
            self.notices.retain(|n| *n != Notice::NoFileDialog);
        }
        self.status = Some(done.message);
    }

    /// Blocks until the export under way (if any) is done and applies it.
    /// For tests and scripted use; the app itself never waits.
    pub fn wait_for_export(&mut self) {
        if let Some(t) = &mut self.export_task {
            let done = t.wait(std::time::Duration::from_secs(120));
            self.export_task = None;
            if let Some(d) = done {
                self.exported(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_only_where_there_is_none() {
        assert_eq!(
            with_extension("a/out".into(), "csv"),
            PathBuf::from("a/out.csv")
        );
        assert_eq!(
            with_extension("a/out.csv".into(), "csv"),
            PathBuf::from("a/out.csv")
        );
        assert_eq!(
            with_extension("a/out.txt".into(), "csv"),
            PathBuf::from("a/out.txt")
        );
        assert_eq!(
            with_extension("team".into(), views_saved::EXTENSION),
            PathBuf::from("team.ccview.json")
        );
    }

    #[test]
    fn a_path_that_cannot_be_used_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder").join("x.csv");
        assert!(matches!(
            check(Purpose::Export(Format::Csv, 1.0), missing),
            Err(AppError::NoSuchFolder(_))
        ));
        assert!(matches!(
            check(Purpose::Export(Format::Csv, 1.0), dir.path().to_owned()),
            Err(AppError::IsAFolder(_))
        ));
        assert!(matches!(
            check(Purpose::OpenData, dir.path().join("none.json")),
            Err(AppError::NoSuchFile(_))
        ));
        // A folder opens as data only where it holds the dataset's sheets.
        assert!(matches!(
            check(Purpose::OpenData, dir.path().to_owned()),
            Err(AppError::IsAFolder(_))
        ));
        std::fs::write(dir.path().join("figures.csv"), "key\n").unwrap();
        assert_eq!(
            check(Purpose::OpenData, dir.path().to_owned()).ok(),
            Some(dir.path().to_owned())
        );
        std::fs::remove_file(dir.path().join("figures.csv")).unwrap();
        let file = dir.path().join("f.pdf");
        std::fs::write(&file, b"x").unwrap();
        assert!(matches!(
            check(Purpose::Slides(Format::Png), file),
            Err(AppError::NotAFolder(_))
        ));
        assert_eq!(
            check(Purpose::Export(Format::Xlsx, 1.0), dir.path().join("out")).unwrap(),
            dir.path().join("out.xlsx")
        );
    }
}
