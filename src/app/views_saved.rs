//! Named views: the comparison (clusters, baseline, chart metric, tab,
//! language) saved under a name with the app's settings, and the same as a
//! small `.ccview.json` file to send to a colleague. This module builds and
//! reads the file's text; the app does the file I/O.

use serde::{Deserialize, Serialize};

use super::App;
use super::commands::{Change, Command};
use super::error::AppError;
use super::notice::{self, Notice, Purpose};
use crate::deck::SlideChoice;
use crate::model::Lang;
use cc_ui::view::Tab;

/// The file name ending of a view file.
pub const EXTENSION: &str = "ccview.json";
/// What the `format` field of a view file says.
pub const FORMAT: &str = "cluster-compare-view";
/// The newest view file version this build reads and the one it writes.
pub const VERSION: u32 = 1;
/// A view file is a few hundred bytes; refuse anything much larger.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// A saved comparison. The baseline is kept by id, so it survives reordering
/// and datasets where the clusters sit in another order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    pub compare: Vec<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    #[serde(default)]
    pub metric: Option<String>,
    /// A tab this build does not know opens the overview (see [`from_json`]).
    #[serde(default)]
    pub tab: Tab,
    #[serde(default)]
    pub lang: Option<ViewLang>,
    /// The slides chosen for the deck; a view file without it (or with a
    /// choice this build cannot read) gives the whole deck.
    #[serde(default)]
    pub slides: SlideChoice,
}

/// The language as a view file writes it (`"zh"`, `"en"`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewLang {
    #[serde(alias = "Zh")]
    Zh,
    #[serde(alias = "En")]
    En,
}

impl From<Lang> for ViewLang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Zh => ViewLang::Zh,
            Lang::En => ViewLang::En,
        }
    }
}

impl From<ViewLang> for Lang {
    fn from(l: ViewLang) -> Self {
        match l {
            ViewLang::Zh => Lang::Zh,
            ViewLang::En => Lang::En,
        }
    }
}

/// A view file whose tab or language this build does not know: those
/// fields are dropped (the overview, the app's language) and the rest read.
/// Done on the JSON of a view file only; the settings (RON) read strictly, so
/// a saved view keeps its tab through a restart.
fn lenient_view(text: &str) -> Option<ViewFile> {
    let mut v: serde_json::Value = serde_json::from_str(text).ok()?;
    let o = v.as_object_mut()?;
    if o.get("tab").is_some_and(|t| Tab::deserialize(t).is_err()) {
        o.remove("tab");
    }
    if o.get("lang")
        .is_some_and(|l| Option::<ViewLang>::deserialize(l).is_err())
    {
        o.remove("lang");
    }
    if o.get("slides")
        .is_some_and(|c| SlideChoice::deserialize(c).is_err())
    {
        o.remove("slides");
    }
    serde_json::from_value(v).ok()
}

/// A view file: the format's name and version, then the view.
#[derive(Serialize, Deserialize)]
struct ViewFile {
    format: String,
    version: u32,
    #[serde(flatten)]
    view: SavedView,
}

/// The text of a view file.
pub fn to_json(v: &SavedView) -> String {
    let f = ViewFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        view: v.clone(),
    };
    serde_json::to_string_pretty(&f).unwrap_or_default() + "\n"
}

/// Reads a view file's text; the error says what is wrong.
pub fn from_json(text: &str) -> Result<SavedView, AppError> {
    let f: ViewFile = match serde_json::from_str(text) {
        Ok(f) => f,
        Err(e) => lenient_view(text).ok_or_else(|| AppError::NotAViewFile(e.to_string()))?,
    };
    if f.format != FORMAT {
        return Err(AppError::OtherFormat(f.format));
    }
    if f.version > VERSION {
        return Err(AppError::NewerViewFile {
            version: f.version,
            reads: VERSION,
        });
    }
    Ok(f.view)
}

/// A view's name from its file name: `team.ccview.json` gives `team`.
pub fn name_of(path: &std::path::Path) -> String {
    let n = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    n.split('.').next().unwrap_or_default().to_owned()
}

/// The transient state of the views menu.
#[derive(Default)]
pub struct ViewsUi {
    /// The name being typed in the "Save view" window.
    pub naming: Option<String>,
    /// Focus the name field on the next frame.
    pub focus: bool,
}

impl App {
    /// The current comparison as a view named `name`.
    pub fn current_view(&self, name: &str) -> SavedView {
        let s = &self.settings;
        SavedView {
            name: name.to_owned(),
            compare: s.compare.clone(),
            baseline: s.baseline.and_then(|b| s.compare.get(b).cloned()),
            metric: s.charts.metric.clone(),
            tab: s.tab,
            lang: Some(s.lang.into()),
            slides: s.deck.choice.clone(),
        }
    }

    /// Saves the current comparison under `name`, replacing a view of that name.
    pub fn save_view(&mut self, name: &str) {
        let v = self.current_view(name.trim());
        let views = &mut self.settings.views;
        match views.iter_mut().find(|w| w.name == v.name) {
            Some(w) => *w = v,
            None => views.push(v),
        }
        self.dirty = true;
    }

    /// Opens a view: its clusters found in the data, its baseline, metric,
    /// tab and language. Ids the data lacks are named in a notice.
    pub fn open_view(&mut self, v: &SavedView) {
        let d = &self.loaded.dataset;
        let from = notice::From::View(v.name.clone());
        let problem = notice::dropped(d, &v.compare, from);
        let mut seen = std::collections::HashSet::new();
        let mut ids: Vec<String> = v
            .compare
            .iter()
            .filter(|id| d.cluster(id).is_some() && seen.insert(id.as_str()))
            .cloned()
            .collect();
        ids.truncate(cc_ui::MAX_PANELS);
        if let Some(n) = problem {
            self.notify(n);
        }
        if ids.is_empty() {
            return;
        }
        let before = self.undo_state();
        let s = &mut self.settings;
        s.baseline = v
            .baseline
            .as_ref()
            .and_then(|b| ids.iter().position(|id| id == b));
        s.compare = ids;
        s.charts.metric = v.metric.clone();
        s.tab = v.tab;
        s.deck.choice = v.slides.clone();
        if let Some(l) = v.lang {
            self.set_lang(l.into());
        }
        self.record_change(before);
        self.presenter.reset();
        self.dirty = true;
    }

    /// The named-view items of the View menu: save, the saved views, view files.
    pub(super) fn views_menu(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        {
            self.command_item(ui, Command::SaveView);
            ui.separator();
            if self.settings.views.is_empty() {
                ui.label(crate::words::NO_SAVED_VIEWS_YET.get(lang));
            }
            let mut open = None;
            let mut delete = None;
            for (i, v) in self.settings.views.iter().enumerate() {
                ui.horizontal(|ui| {
                    let del = ui
                        .small_button("×")
                        .on_hover_text(crate::words::DELETE.get(lang));
                    del.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("{} {}", crate::words::DELETE_VIEW.get(lang), v.name),
                        )
                    });
                    if del.clicked() {
                        delete = Some(i);
                    }
                    let b = ui.button(&v.name).on_hover_text(v.compare.join("\n"));
                    if b.clicked() {
                        open = Some(v.clone());
                    }
                });
            }
            if let Some(i) = delete {
                self.send(Change::DeleteView(i));
            }
            if let Some(v) = open {
                self.send(Change::OpenView(v));
                ui.close();
            }
            ui.separator();
            for c in [Command::SaveViewFile, Command::OpenViewFile] {
                self.command_item(ui, c);
            }
        }
    }

    /// Opens the "Save view" window with a proposed name.
    pub(super) fn name_view(&mut self) {
        let n = self.settings.views.len() + 1;
        let lang = self.settings.lang;
        self.views_ui.naming = Some(format!("{} {n}", crate::words::VIEW.get(lang)));
        self.views_ui.focus = true;
    }

    /// Saves or opens a view file through the native dialog.
    pub(super) fn view_file_dialog(&mut self, purpose: Purpose) {
        let d = rfd::FileDialog::new().add_filter("Cluster Compare view", &["json"]);
        let picked = notice::run_dialog(|| match purpose {
            Purpose::SaveViewFile => d
                .set_file_name(format!("comparison.{EXTENSION}"))
                .save_file(),
            _ => d.pick_file(),
        });
        match picked {
            notice::Picked::Path(p) => {
                self.remember_folder(purpose, &p);
                self.view_file(purpose, &p)
            }
            notice::Picked::Unavailable => self.dialog_unavailable(purpose),
            notice::Picked::Cancelled => {}
        }
    }

    /// Saves the current view to `path` (saying how it went) or opens the
    /// view in it (read in the background).
    pub fn view_file(&mut self, purpose: Purpose, path: &std::path::Path) {
        let shown = path.display().to_string();
        if purpose == Purpose::OpenViewFile {
            self.open_view_file(path);
            return;
        }
        match self.save_view_file(path) {
            Ok(()) => {
                self.notices.retain(|n| *n != Notice::NoFileDialog);
                self.status = Some(super::both(|lang| {
                    format!("{} {shown}", crate::words::VIEW_SAVED_TO.get(lang))
                }));
            }
            Err(error) => self.notify(Notice::Failed { file: shown, error }),
        }
    }

    /// The "Save view" window: a name, Save or Cancel.
    pub(super) fn save_view_window(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let focus = std::mem::take(&mut self.views_ui.focus);
        let Some(name) = self.views_ui.naming.as_mut() else {
            return;
        };
        let mut save = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("save-view")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading(crate::words::SAVE_VIEW.get(lang));
            ui.label(crate::words::KEEPS_THE_CLUSTERS_BASELINE_CHART_METRIC.get(lang));
            let out = egui::TextEdit::singleline(name)
                .desired_width(f32::INFINITY)
                .show(ui);
            let r = out.response;
            if focus {
                // Focused with the proposed name selected: typing replaces it.
                r.request_focus();
                let mut state = out.state;
                let all = egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(name.chars().count()),
                );
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), r.id);
            }
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    crate::words::VIEW_NAME.get(lang),
                )
            });
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                save = true;
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        !name.trim().is_empty(),
                        egui::Button::new(crate::words::SAVE.get(lang)),
                    )
                    .clicked()
                {
                    save = true;
                }
                if ui.button(crate::words::CANCEL.get(lang)).clicked() {
                    cancel = true;
                }
            });
        });
        let name = name.trim().to_owned();
        if save && !name.is_empty() {
            self.views_ui.naming = None;
            self.save_view(&name);
            self.status = Some(super::both(|lang| {
                format!("{} “{name}”", crate::words::SAVED_VIEW.get(lang))
            }));
        } else if cancel {
            self.views_ui.naming = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_file_reads_back_as_written() {
        let v = SavedView {
            name: "电池 vs 汽车".into(),
            compare: vec!["a".into(), "b".into()],
            baseline: Some("b".into()),
            metric: Some("output_value".into()),
            tab: Tab::Charts,
            lang: Some(ViewLang::En),
            slides: SlideChoice::default(),
        };
        let text = to_json(&v);
        assert!(text.contains("\"version\": 1"), "{text}");
        assert!(text.contains("\"lang\": \"en\""), "{text}");
        assert_eq!(from_json(&text), Ok(v));
    }

    #[test]
    fn the_chosen_slides_travel_in_the_view_file_and_old_files_give_the_whole_deck() {
        use crate::deck::{SlideKind, SourcesMode};
        let v = SavedView {
            name: "briefing".into(),
            compare: vec!["a".into(), "b".into()],
            baseline: None,
            metric: None,
            tab: Tab::Overview,
            lang: None,
            slides: SlideChoice {
                slides: Some(vec![
                    SlideKind::Targets,
                    SlideKind::Overview,
                    SlideKind::Firms,
                ]),
                sources: SourcesMode::Line,
                sort_bars: true,
                highlight: Some("b".into()),
            },
        };
        let text = to_json(&v);
        assert!(
            text.contains("\"targets\"") && text.contains("\"line\""),
            "{text}"
        );
        assert_eq!(from_json(&text), Ok(v));
        // A file written before the choice existed opens with the whole deck.
        let old = from_json(
            r#"{"format":"cluster-compare-view","version":1,"name":"x","compare":["a"]}"#,
        )
        .unwrap();
        assert_eq!(old.slides, SlideChoice::default());
        assert_eq!(old.slides.kinds(false), SlideChoice::default_kinds(false));
        // A slide this build does not know: the rest of the view still opens.
        let newer = from_json(
            r#"{"format":"cluster-compare-view","version":1,"name":"x","compare":["a"],"slides":{"slides":["hologram"]}}"#,
        )
        .unwrap();
        assert_eq!(newer.compare, vec!["a".to_owned()]);
        assert_eq!(newer.slides, SlideChoice::default());
    }

    #[test]
    fn unknown_tabs_open_the_overview_and_newer_versions_are_refused() {
        let v = from_json(
            r#"{"format":"cluster-compare-view","version":1,"name":"x","compare":["a"],"tab":"Galaxy"}"#,
        )
        .unwrap();
        assert_eq!(v.tab, Tab::Overview);
        let err = from_json(
            r#"{"format":"cluster-compare-view","version":9,"name":"x","compare":["a"]}"#,
        )
        .unwrap_err();
        assert!(matches!(err, AppError::NewerViewFile { version: 9, .. }));
        assert!(from_json(r#"{"format_version":1,"clusters":[]}"#).is_err());
    }
}
