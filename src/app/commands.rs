//! Every command of the app in one place: its label and tooltip in both
//! languages, its keyboard shortcuts and where it sits in the menus. The menu
//! bar, the keyboard handling and the Help → shortcuts page all read this
//! enum, so they cannot drift apart (after rerun's `UICommand`).
//!
//! Commands and the changes views ask for go into one queue ([`Change`]),
//! which the app drains once a frame (`App::drain`): that is the one place
//! where undo is recorded, the presenter is reset and the settings are
//! marked for saving.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::help::Page;
use super::views_saved::SavedView;
use crate::export::Format;
use crate::model::Lang;
use cc_ui::Action;
use cc_ui::view::Tab;

/// A menu of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Menu {
    File,
    Edit,
    Export,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::Export, Menu::View, Menu::Help];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Menu::File => crate::words::FILE.get(lang),
            Menu::Edit => crate::words::EDIT.get(lang),
            Menu::Export => crate::words::EXPORT.get(lang),
            Menu::View => crate::words::VIEW.get(lang),
            Menu::Help => crate::words::HELP.get(lang),
        }
    }
}

/// A command the user can give from a menu or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Open,
    /// A folder of the dataset's sheets as CSV files.
    OpenFolder,
    OpenPath,
    UseEmbedded,
    /// A workbook to fill in with one's own figures.
    NewFromTemplate,
    /// The loaded data written out, as JSON or as the workbook.
    SaveData,
    Undo,
    Redo,
    /// The comparison as a sheet (XLSX, CSV, Markdown, HTML).
    Export(Format),
    SlidesPdf,
    /// The deck as PPTX, for PowerPoint and WPS.
    SlidesPptx,
    SlidesPng,
    CopySlide,
    /// A picture of the current view at 1× or 2×.
    Picture1x,
    Picture2x,
    CopyTable,
    Presentation,
    Find,
    ToggleSidebar,
    SaveView,
    SaveViewFile,
    OpenViewFile,
    Help(Page),
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Command {
    /// Every command, in menu order.
    pub fn all() -> Vec<Command> {
        let mut v = vec![
            Command::Open,
            Command::OpenFolder,
            Command::OpenPath,
            Command::UseEmbedded,
            Command::NewFromTemplate,
            Command::SaveData,
            Command::Undo,
            Command::Redo,
        ];
        v.extend(Self::SHEETS.map(Command::Export));
        v.extend([
            Command::SlidesPdf,
            Command::SlidesPptx,
            Command::SlidesPng,
            Command::CopySlide,
            Command::Picture1x,
            Command::Picture2x,
            Command::CopyTable,
            Command::Presentation,
            Command::ToggleSidebar,
            Command::Find,
            Command::SaveView,
            Command::SaveViewFile,
            Command::OpenViewFile,
        ]);
        v.extend(Page::ALL.map(Command::Help));
        v
    }

    /// The sheet formats the Export menu offers.
    pub const SHEETS: [Format; 4] = [Format::Xlsx, Format::Csv, Format::Md, Format::Html];

    /// The keys that run it; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const FIND: [KeyboardShortcut; 1] = [cmd(Key::F)];
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const COPY_TABLE: [KeyboardShortcut; 1] = [cmd_shift(Key::C)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        // Redo as macOS and as Windows users know it.
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        const PRESENT: [KeyboardShortcut; 1] = [plain(Key::F11)];
        const SIDEBAR: [KeyboardShortcut; 1] = [cmd(Key::B)];
        const HELP: [KeyboardShortcut; 1] = [plain(Key::F1)];
        match self {
            Command::Open => &OPEN,
            Command::Find => &FIND,
            Command::Export(Format::Xlsx) => &SAVE,
            Command::CopyTable => &COPY_TABLE,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::Presentation => &PRESENT,
            Command::ToggleSidebar => &SIDEBAR,
            Command::Help(Page::Shortcuts) => &HELP,
            _ => &[],
        }
    }

    /// Whether its keys work while a text field has the keyboard (undo and
    /// redo there undo typing).
    pub fn while_typing(self) -> bool {
        !matches!(self, Command::Undo | Command::Redo)
    }

    /// The menu it sits in (the Find command is in the View menu too).
    pub fn menu(self) -> Menu {
        match self {
            Command::Open
            | Command::OpenFolder
            | Command::OpenPath
            | Command::UseEmbedded
            | Command::NewFromTemplate
            | Command::SaveData => Menu::File,
            Command::Undo | Command::Redo => Menu::Edit,
            Command::Export(_)
            | Command::SlidesPdf
            | Command::SlidesPptx
            | Command::SlidesPng
            | Command::CopySlide
            | Command::Picture1x
            | Command::Picture2x
            | Command::CopyTable => Menu::Export,
            Command::Presentation
            | Command::Find
            | Command::ToggleSidebar
            | Command::SaveView
            | Command::SaveViewFile
            | Command::OpenViewFile => Menu::View,
            Command::Help(_) => Menu::Help,
        }
    }

    /// The text of its menu item.
    pub fn label(self, lang: Lang) -> String {
        let s = match self {
            Command::Open => crate::words::OPEN.get(lang),
            Command::OpenFolder => crate::words::OPEN_A_FOLDER_OF_CSV_SHEETS.get(lang),
            Command::OpenPath => crate::words::OPEN_PATH.get(lang),
            Command::UseEmbedded => crate::words::USE_THE_EMBEDDED_DATASET.get(lang),
            Command::NewFromTemplate => crate::words::NEW_DATA_FROM_TEMPLATE.get(lang),
            Command::SaveData => crate::words::SAVE_THE_DATA_AS.get(lang),
            Command::Undo => crate::words::UNDO_COMPARISON_CHANGE.get(lang),
            Command::Redo => crate::words::REDO.get(lang),
            Command::Export(Format::Xlsx) => "XLSX…",
            Command::Export(Format::Csv) => "CSV…",
            Command::Export(Format::Md) => "Markdown…",
            Command::Export(Format::Html) => "HTML…",
            Command::Export(_) => "…",
            Command::SlidesPdf => crate::words::SLIDES_AS_PDF.get(lang),
            Command::SlidesPptx => crate::words::SLIDES_AS_PPTX_EDITABLE_IN_POWERPOINT.get(lang),
            Command::SlidesPng => crate::words::SLIDES_AS_PNG_ONE_PER_SLIDE.get(lang),
            Command::CopySlide => crate::words::COPY_THE_CURRENT_SLIDE_AS_AN.get(lang),
            Command::Picture1x => "PNG 1×…",
            Command::Picture2x => "PNG 2×…",
            Command::CopyTable => crate::words::COPY_COMPARISON_TABLE.get(lang),
            Command::Presentation => crate::words::PRESENTATION_MODE.get(lang),
            Command::Find => crate::words::SEARCH_CLUSTERS.get(lang),
            Command::ToggleSidebar => crate::words::SHOW_HIDE_THE_CLUSTER_LIST.get(lang),
            Command::SaveView => crate::words::SAVE_THE_CURRENT_VIEW.get(lang),
            Command::SaveViewFile => crate::words::SAVE_THE_VIEW_AS_A_FILE.get(lang),
            Command::OpenViewFile => crate::words::OPEN_A_VIEW_FILE.get(lang),
            Command::Help(p) => return format!("{}…", p.title(lang)),
        };
        s.to_owned()
    }

    /// What it does, in a sentence: the menu item's hover text and its line
    /// on the shortcuts page.
    pub fn tooltip(self, lang: Lang) -> &'static str {
        match self {
            Command::Open => crate::words::OPEN_A_DATA_FILE_JSON_OR.get(lang),
            Command::NewFromTemplate => crate::words::SAVE_AN_EXCEL_WORKBOOK_TO_FILL.get(lang),
            Command::SaveData => crate::words::WRITE_THE_DATA_SHOWN_TO_A.get(lang),
            Command::OpenFolder => crate::words::OPEN_A_FOLDER_HOLDING_THE_DATASET.get(lang),
            Command::OpenPath => crate::words::TYPE_THE_PATH_OF_A_DATA.get(lang),
            Command::UseEmbedded => crate::words::SHOW_THE_DATASET_BUILT_INTO_THE.get(lang),
            Command::Undo => crate::words::UNDO_A_CHANGE_TO_THE_COMPARISON.get(lang),
            Command::Redo => crate::words::REDO.get(lang),
            Command::Export(Format::Xlsx) => crate::words::EXPORT_XLSX.get(lang),
            Command::Export(_) => crate::words::EXPORT_THE_COMPARISON.get(lang),
            Command::SlidesPdf => crate::words::EXPORT_THE_SLIDES_AS_ONE_PDF.get(lang),
            Command::SlidesPptx => crate::words::EXPORT_THE_SLIDES_AS_PPTX_TEXT.get(lang),
            Command::SlidesPng => crate::words::EXPORT_EACH_SLIDE_AS_A_PNG.get(lang),
            Command::CopySlide => crate::words::COPY_THE_CURRENT_SLIDE_TO_THE.get(lang),
            Command::Picture1x | Command::Picture2x => {
                crate::words::SAVE_THE_CURRENT_VIEW_AS_A.get(lang)
            }
            Command::CopyTable => crate::words::COPY_THE_COMPARISON_TABLE_TAB_SEPARATED.get(lang),
            Command::Presentation => crate::words::PRESENTATION_MODE_ON_OFF.get(lang),
            Command::Find => crate::words::SEARCH_CLUSTERS.get(lang),
            Command::ToggleSidebar => crate::words::SHOW_OR_HIDE_THE_CLUSTER_LIST.get(lang),
            Command::SaveView => crate::words::KEEP_THE_CLUSTERS_BASELINE_METRIC_TAB.get(lang),
            Command::SaveViewFile => crate::words::WRITE_THE_CURRENT_VIEW_TO_A.get(lang),
            Command::OpenViewFile => crate::words::OPEN_A_VIEW_FILE_2.get(lang),
            Command::Help(Page::Shortcuts) => crate::words::SHOW_THE_KEYBOARD_SHORTCUTS.get(lang),
            Command::Help(p) => p.title(lang),
        }
    }

    /// Whether running it changes what is saved across runs (the settings).
    pub fn touches_settings(self) -> bool {
        matches!(
            self,
            Command::Undo | Command::Redo | Command::UseEmbedded | Command::ToggleSidebar
        )
    }
}

/// Every shortcut with its command, longer chords first: Ctrl+Z would also
/// match Ctrl+Shift+Z, so the latter is tried before.
pub fn key_bindings() -> Vec<(KeyboardShortcut, Command)> {
    let mut v: Vec<(KeyboardShortcut, Command)> = Command::all()
        .into_iter()
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
        .collect();
    let weight = |m: Modifiers| [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command].map(u8::from);
    v.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers).iter().sum::<u8>()));
    v
}

/// A change asked for during a frame; the app makes them all in one place,
/// once a frame ([`super::App::drain`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A command from a menu or a key.
    Run(Command),
    /// A change to the comparison a view asked for.
    View(Action),
    Lang(Lang),
    Dark(bool),
    Tab(Tab),
    /// The charts view chose another metric; this was the one before.
    Metric {
        before: Option<String>,
    },
    OpenRecent(PathBuf),
    OpenView(SavedView),
    DeleteView(usize),
    /// A widget changed saved state in place (a filter, the sort, the deck's
    /// title): nothing else to do but save it.
    Touched,
}

impl Change {
    /// Whether making it changes what is saved across runs.
    pub fn touches_settings(&self) -> bool {
        match self {
            Change::Run(c) => c.touches_settings(),
            Change::OpenRecent(_) => false,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let b = key_bindings();
        for (i, (s, c)) in b.iter().enumerate() {
            for (t, d) in &b[i + 1..] {
                assert!(
                    !(s.modifiers == t.modifiers && s.logical_key == t.logical_key),
                    "{c:?} and {d:?} share a shortcut"
                );
            }
        }
    }

    #[test]
    fn longer_chords_are_tried_first() {
        let b = key_bindings();
        let at = |c: Command, k: Key| {
            b.iter()
                .position(|(s, d)| *d == c && s.logical_key == k)
                .unwrap()
        };
        assert!(at(Command::Redo, Key::Z) < at(Command::Undo, Key::Z));
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip_in_both_languages() {
        for c in Command::all() {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!c.label(lang).is_empty() && !c.tooltip(lang).is_empty());
            }
        }
    }
}
