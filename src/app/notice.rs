//! Dismissible notices above the views (ids a `--compare` or a view file
//! asked for that are not in the data, a file dialog that cannot open), and
//! telling a cancelled native file dialog from one that never opened.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::App;
use super::error::AppError;
pub use super::prompt::{PathPrompt, Purpose};
use crate::model::{Dataset, Lang};
use cc_ui::{MAX_PANELS, theme};

/// What the app tells the user until they dismiss it. Kept structured, so
/// it is written in the language shown at the time.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Ids asked for (on the command line or in a view) that were left out.
    Dropped {
        /// `--compare` or the view's name.
        from: From,
        unknown: Vec<String>,
        duplicate: Vec<String>,
        /// Known ids past the 6 panels.
        over: Vec<String>,
        /// Nothing asked for was usable: what is shown is something else.
        fallback: bool,
    },
    /// The native file dialog returned at once without asking the user.
    NoFileDialog,
    /// An error while saving or opening a file (a view file).
    Failed { file: String, error: AppError },
}

#[derive(Clone, Debug, PartialEq)]
pub enum From {
    CommandLine,
    View(String),
}

/// How a native file dialog ended.
#[derive(Debug, PartialEq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// It returned nothing faster than anyone can press Cancel: it never opened.
    Unavailable,
}

/// A dialog that returns nothing within this time did not open (no portal or GTK).
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(50);

/// Runs a native file dialog and tells a cancel from a dialog that could not open.
pub fn run_dialog(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let t = Instant::now();
    let picked = dialog();
    classify(picked, t.elapsed())
}

pub fn classify(picked: Option<PathBuf>, took: Duration) -> Picked {
    match picked {
        Some(p) => Picked::Path(p),
        None if took < NO_DIALOG_WITHIN => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// What became of ids asked for: `None` when every one is compared.
pub fn dropped(d: &Dataset, asked: &[String], from: From) -> Option<Notice> {
    let mut seen = std::collections::HashSet::new();
    let (mut unknown, mut duplicate, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    for id in asked {
        if d.cluster(id).is_none() {
            unknown.push(id.clone());
        } else if !seen.insert(id.as_str()) {
            duplicate.push(id.clone());
        } else {
            kept.push(id.clone());
        }
    }
    let over = kept.split_off(kept.len().min(MAX_PANELS));
    if unknown.is_empty() && duplicate.is_empty() && over.is_empty() {
        return None;
    }
    Some(Notice::Dropped {
        from,
        unknown,
        duplicate,
        over,
        fallback: kept.is_empty(),
    })
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        let list = |v: &[String]| v.join(", ");
        match self {
            Notice::Dropped {
                from,
                unknown,
                duplicate,
                over,
                fallback,
            } => {
                let mut parts = Vec::new();
                let mut s = match from {
                    From::View(name) => format!("{} “{name}”", crate::words::VIEW.get(lang)),
                    From::CommandLine => "--compare".to_owned(),
                };
                s.push_str(crate::words::COLON.get(lang));
                if !unknown.is_empty() {
                    parts.push(format!(
                        "{}{}",
                        crate::words::IDS_NOT_FOUND_IN_THE_DATA.get(lang),
                        list(unknown)
                    ));
                }
                if !duplicate.is_empty() {
                    parts.push(format!(
                        "{}{}",
                        crate::words::REPEATED_IDS.get(lang),
                        list(duplicate)
                    ));
                }
                if !over.is_empty() {
                    parts.push(format!(
                        "{}{}",
                        crate::words::MORE_THAN_6_PANELS_LEFT_OUT.get(lang),
                        list(over)
                    ));
                }
                s.push_str(&parts.join(crate::words::SEMICOLON.get(lang)));
                if *fallback {
                    s.push_str(match from {
                        From::CommandLine => crate::words::NONE_COULD_BE_USED_SO_THE.get(lang),
                        From::View(_) => crate::words::NONE_COULD_BE_USED_SO_THE_2.get(lang),
                    });
                }
                s
            }
            Notice::NoFileDialog => crate::words::THE_SYSTEM_FILE_DIALOG_COULD_NOT
                .get(lang)
                .to_owned(),
            Notice::Failed { file, error } => {
                format!(
                    "{file}{}{}",
                    crate::words::COLON.get(lang),
                    error.text(lang)
                )
            }
        }
    }
}

impl App {
    /// Tells the user which `--compare` ids were not used; call once the
    /// selection has been checked against the dataset the user asked for.
    pub fn note_startup_compare(&mut self, asked: &[String]) {
        if let Some(n) = dropped(&self.loaded.dataset, asked, From::CommandLine) {
            self.notify(n);
        }
    }

    pub fn notify(&mut self, n: Notice) {
        self.notices.retain(|m| *m != n);
        self.notices.push(n);
    }

    /// What to do when a native dialog ended: the path, nothing, or the fallback.
    pub fn dialog_unavailable(&mut self, purpose: Purpose) {
        self.notify(Notice::NoFileDialog);
        self.prompt_for(purpose);
    }

    /// Closes the top-most window; false when none was open (for Esc).
    pub(super) fn close_top(&mut self) -> bool {
        if self.path_prompt.take().is_some() {
            return true;
        }
        if self.help.take().is_some() {
            return true;
        }
        self.views_ui.naming.take().is_some()
    }

    /// The notices, one line each with a dismiss button, above the views.
    pub(super) fn notice_bar(&mut self, ui: &mut Ui) {
        if self.notices.is_empty() {
            return;
        }
        let lang = self.settings.lang;
        let mut dismiss = None;
        let mut prompt = false;
        egui::Panel::top("notices").show(ui, |ui| {
            let p = theme::of(ui);
            for (i, n) in self.notices.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    // The dismiss button first, so it never wraps onto a line of its own.
                    let b = ui
                        .small_button("×")
                        .on_hover_text(crate::words::DISMISS_THIS_NOTICE.get(lang));
                    b.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            crate::words::DISMISS_NOTICE.get(lang),
                        )
                    });
                    if b.clicked() {
                        dismiss = Some(i);
                    }
                    ui.label(RichText::new("⚠").color(p.warn));
                    ui.label(n.text(lang));
                    if *n == Notice::NoFileDialog
                        && ui.button(crate::words::TYPE_A_PATH.get(lang)).clicked()
                    {
                        prompt = true;
                    }
                });
            }
        });
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
        if prompt && self.path_prompt.is_none() {
            self.prompt_for(Purpose::OpenData);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn unknown_repeated_and_extra_ids_are_named() {
        let d = crate::load::load_embedded().unwrap().dataset;
        let known: Vec<String> = d.clusters.iter().map(|c| c.id.clone()).collect();
        assert!(
            known.len() > MAX_PANELS,
            "the seed has more than 6 clusters"
        );
        let mut asked = vec!["no-such-cluster".to_owned(), known[0].clone()];
        asked.push(known[0].clone());
        asked.extend(known[1..=MAX_PANELS].iter().cloned());
        let Some(Notice::Dropped {
            unknown,
            duplicate,
            over,
            fallback,
            ..
        }) = dropped(&d, &asked, From::CommandLine)
        else {
            panic!("expected a notice");
        };
        assert_eq!(unknown, ["no-such-cluster"]);
        assert_eq!(duplicate, [known[0].clone()]);
        assert_eq!(over, [known[MAX_PANELS].clone()]);
        assert!(!fallback);
        assert_eq!(dropped(&d, &known[..2], From::CommandLine), None);
        let all_bad = dropped(&d, &ids(&["x", "y"]), From::CommandLine).unwrap();
        let text = all_bad.text(Lang::En);
        assert!(
            text.contains("x, y") && text.contains("default comparison"),
            "{text}"
        );
    }

    #[test]
    fn a_dialog_that_returns_at_once_did_not_open() {
        assert_eq!(
            classify(None, Duration::from_millis(3)),
            Picked::Unavailable
        );
        assert_eq!(classify(None, Duration::from_secs(2)), Picked::Cancelled);
        assert_eq!(
            classify(Some("a.json".into()), Duration::from_millis(1)),
            Picked::Path("a.json".into())
        );
    }
}
