//! What persists across runs, and what the command line asks for at start.

use super::*;

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
    pub deck: DeckSettings,
    /// Named views (Views menu).
    pub views: Vec<SavedView>,
    pub table: TableView,
    /// The cluster list on the left is shown (View menu, Ctrl+B).
    pub sidebar: bool,
    /// The folder a file was last opened from or saved to (the typed-path prompt starts there).
    pub last_folder: Option<PathBuf>,
}

/// What the user chose for the slides (the metric is the charts' metric).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeckSettings {
    /// The deck's title; empty: the clusters' short names.
    pub title: String,
    pub page: PageShape,
    /// Add the national context slides.
    pub context: bool,
    /// Which slides, in what order, and how (settings from before it was
    /// offered read as the whole deck).
    pub choice: deck::SlideChoice,
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
            deck: DeckSettings::default(),
            views: Vec::new(),
            table: TableView::default(),
            sidebar: true,
            last_folder: None,
        }
    }
}

/// What the command line asks for at start.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub data: Option<PathBuf>,
    pub compare: Vec<String>,
    pub lang: Option<Lang>,
    /// A view file to open once the data is in (`cluster-compare FILE.ccview.json`).
    pub view: Option<PathBuf>,
}

impl Startup {
    /// What the command line asks for; `FILE` is told apart as a dataset or
    /// a view file. The error names the file and what is wrong with it.
    pub fn from_cli(cli: &crate::cli::Cli) -> Result<Self, String> {
        let mut s = Self {
            data: cli.data.clone(),
            compare: cli.compare.clone(),
            lang: cli.lang.map(Into::into),
            view: None,
        };
        match cli
            .file
            .as_deref()
            .map(crate::cli::open::target)
            .transpose()?
        {
            None => {}
            Some(crate::cli::open::Target::View(p)) => s.view = Some(p),
            Some(crate::cli::open::Target::Dataset(p)) => {
                if let Some(d) = &s.data {
                    return Err(format!(
                        "two datasets asked for: {} and --data {}; give one",
                        p.display(),
                        d.display()
                    ));
                }
                s.data = Some(p);
            }
        }
        Ok(s)
    }
}

/// The settings as eframe stores them (RON), or why they cannot be written.
pub fn to_ron(settings: &Settings) -> Result<String, String> {
    ron::ser::to_string(settings).map_err(|e| e.to_string())
}

/// Settings read back from their stored RON; `None` where they do not parse
/// (eframe then starts from the defaults).
pub fn from_ron(text: &str) -> Option<Settings> {
    ron::from_str(text).ok()
}
