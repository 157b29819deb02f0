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
use cc_ui::i18n::tr;
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
            Menu::File => tr(lang, "文件", "File"),
            Menu::Edit => tr(lang, "编辑", "Edit"),
            Menu::Export => tr(lang, "导出", "Export"),
            Menu::View => tr(lang, "视图", "View"),
            Menu::Help => tr(lang, "帮助", "Help"),
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
            Command::Open => tr(lang, "打开…", "Open…"),
            Command::OpenFolder => tr(lang, "打开 CSV 文件夹…", "Open a folder of CSV sheets…"),
            Command::OpenPath => tr(lang, "打开路径…", "Open path…"),
            Command::UseEmbedded => tr(lang, "使用内置数据", "Use the embedded dataset"),
            Command::NewFromTemplate => tr(lang, "从模板新建数据…", "New data from template…"),
            Command::SaveData => tr(lang, "将数据另存为…", "Save the data as…"),
            Command::Undo => tr(lang, "撤销对比更改", "Undo comparison change"),
            Command::Redo => tr(lang, "重做", "Redo"),
            Command::Export(Format::Xlsx) => "XLSX…",
            Command::Export(Format::Csv) => "CSV…",
            Command::Export(Format::Md) => "Markdown…",
            Command::Export(Format::Html) => "HTML…",
            Command::Export(_) => "…",
            Command::SlidesPdf => tr(lang, "幻灯片 PDF…", "Slides as PDF…"),
            Command::SlidesPptx => tr(
                lang,
                "幻灯片 PPTX（PowerPoint、WPS 可编辑）…",
                "Slides as PPTX, editable in PowerPoint or WPS…",
            ),
            Command::SlidesPng => tr(
                lang,
                "幻灯片 PNG（每页一张）…",
                "Slides as PNG, one per slide…",
            ),
            Command::CopySlide => tr(
                lang,
                "复制当前幻灯片为图片",
                "Copy the current slide as an image",
            ),
            Command::Picture1x => "PNG 1×…",
            Command::Picture2x => "PNG 2×…",
            Command::CopyTable => tr(lang, "复制对比表", "Copy comparison table"),
            Command::Presentation => tr(lang, "演示模式", "Presentation mode"),
            Command::Find => tr(lang, "搜索集群", "Search clusters"),
            Command::ToggleSidebar => tr(lang, "显示/隐藏集群列表", "Show/hide the cluster list"),
            Command::SaveView => tr(lang, "保存当前视图…", "Save the current view…"),
            Command::SaveViewFile => tr(lang, "将视图保存为文件…", "Save the view as a file…"),
            Command::OpenViewFile => tr(lang, "打开视图文件…", "Open a view file…"),
            Command::Help(p) => return format!("{}…", p.title(lang)),
        };
        s.to_owned()
    }

    /// What it does, in a sentence: the menu item's hover text and its line
    /// on the shortcuts page.
    pub fn tooltip(self, lang: Lang) -> &'static str {
        match self {
            Command::Open => tr(
                lang,
                "打开数据文件（JSON 或 Excel 工作簿）",
                "Open a data file (JSON or an Excel workbook)",
            ),
            Command::NewFromTemplate => tr(
                lang,
                "保存一个 Excel 工作簿，填入自己的集群和数字后再打开",
                "Save an Excel workbook to fill in with your own clusters and figures, then open it",
            ),
            Command::SaveData => tr(
                lang,
                "把当前数据写成 JSON 文件或 Excel 工作簿",
                "Write the data shown to a JSON file or an Excel workbook",
            ),
            Command::OpenFolder => tr(
                lang,
                "打开存放数据表 CSV 文件（figures.csv 等）的文件夹",
                "Open a folder holding the dataset's sheets as CSV files (figures.csv and the others)",
            ),
            Command::OpenPath => tr(lang, "输入数据文件的路径", "Type the path of a data file"),
            Command::UseEmbedded => tr(
                lang,
                "改用程序内置的数据集",
                "Show the dataset built into the app",
            ),
            Command::Undo => tr(lang, "撤销对比更改", "Undo a change to the comparison"),
            Command::Redo => tr(lang, "重做", "Redo"),
            Command::Export(Format::Xlsx) => tr(lang, "导出 XLSX", "Export XLSX"),
            Command::Export(_) => tr(lang, "导出对比表", "Export the comparison"),
            Command::SlidesPdf => tr(lang, "将幻灯片导出为 PDF", "Export the slides as one PDF"),
            Command::SlidesPptx => tr(
                lang,
                "将幻灯片导出为 PPTX：文字、表格和图表可在 PowerPoint 或 WPS 中编辑",
                "Export the slides as PPTX: text, tables and charts stay editable in PowerPoint or WPS",
            ),
            Command::SlidesPng => tr(
                lang,
                "将每页幻灯片导出为 PNG 图片",
                "Export each slide as a PNG picture",
            ),
            Command::CopySlide => tr(
                lang,
                "把当前幻灯片复制到剪贴板",
                "Copy the current slide to the clipboard",
            ),
            Command::Picture1x | Command::Picture2x => tr(
                lang,
                "把当前视图保存为 PNG 图片",
                "Save the current view as a PNG picture",
            ),
            Command::CopyTable => tr(
                lang,
                "复制对比表（制表符分隔）",
                "Copy the comparison table (tab-separated)",
            ),
            Command::Presentation => tr(lang, "演示模式开关", "Presentation mode on/off"),
            Command::Find => tr(lang, "搜索集群", "Search clusters"),
            Command::ToggleSidebar => tr(
                lang,
                "显示或隐藏左侧的集群列表",
                "Show or hide the cluster list on the left",
            ),
            Command::SaveView => tr(
                lang,
                "以名称保存所选集群、基准、指标、标签页和语言",
                "Keep the clusters, baseline, metric, tab and language under a name",
            ),
            Command::SaveViewFile => tr(
                lang,
                "把当前视图写成可发送的文件",
                "Write the current view to a file to send",
            ),
            Command::OpenViewFile => tr(lang, "打开视图文件", "Open a view file"),
            Command::Help(Page::Shortcuts) => {
                tr(lang, "显示键盘快捷键", "Show the keyboard shortcuts")
            }
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
