//! The command line (clap). `main.rs` parses and hands over here; no
//! subcommand starts the app.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::{self, Format};
use crate::load::{self, Loaded};
use crate::model::Lang;

mod args;
mod checks;
mod coverage;
pub mod data;
mod export_cmd;
pub mod open;
pub use args::*;

/// Parses the command line: clap's rules, then that `FILE` (which opens the
/// app) comes without a subcommand.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::CommandFactory;
    let cli = Cli::try_parse_from(args)?;
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        return Err(Cli::command().error(
            clap::error::ErrorKind::ArgumentConflict,
            format!(
                "FILE ({}) opens the app and goes without a subcommand; to check a dataset use `cluster-compare check FILE`",
                file.display()
            ),
        ));
    }
    Ok(cli)
}

#[derive(Debug, Parser)]
#[command(
    name = "cluster-compare",
    // `--version` names the embedded data too (see `about::version_text`).
    disable_version_flag = true,
    about = "Compare China's advanced manufacturing clusters side by side",
    long_about = "Compare China's advanced manufacturing clusters side by side.\n\nWith no subcommand, opens the app on the embedded seed dataset (or --data FILE), or on FILE: a dataset or a view file (.ccview.json)."
)]
pub struct Cli {
    /// A dataset (JSON) or a view file (.ccview.json) to open the app on.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print the app's version and the embedded data's title, format version and date.
    #[arg(short = 'V', long)]
    pub version: bool,
    /// Dataset to open instead of the embedded seed dataset.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Cluster ids to compare, comma-separated (1 to 6); a repeated id is compared once.
    #[arg(long, global = true, value_delimiter = ',', value_name = "ID,ID")]
    pub compare: Vec<String>,
    /// Language of names, labels and numbers (default zh; for `check`'s
    /// problems, the environment's locale: zh for zh_*, else en).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Say what was written (on standard error); silent on success otherwise.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset file: a one-line summary if valid, every problem if not.
    Check {
        /// The dataset to check: JSON, or a dataset workbook (.xlsx).
        file: PathBuf,
    },
    /// Write a workbook (.xlsx) to fill in with your own clusters and figures:
    /// a Read-me, then Sources, Clusters, Figures, Targets, Policies, with
    /// notes on every column and drop-down lists.
    Template {
        /// The workbook to write, e.g. my-clusters.xlsx; with `--format csv`
        /// the folder to write the sheets into, one CSV file each.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// A workbook, or the same sheets as CSV files in a folder.
        #[arg(long, value_enum, default_value = "xlsx")]
        format: TemplateFormatArg,
    },
    /// Read a filled-in workbook (.xlsx), or a folder of its sheets as CSV
    /// files (sources.csv, clusters.csv, figures.csv, ...), check it as a
    /// data file is checked (every problem named by sheet and cell, or file,
    /// line and column), and write it as JSON.
    Import {
        /// The workbook, e.g. my-clusters.xlsx, or the folder of CSV files.
        file: PathBuf,
        /// The JSON file to write (`-`: standard output; `.xlsx`: a workbook again).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Write the loaded data (--data FILE, or the embedded dataset) out: JSON,
    /// or for `-o FILE.xlsx` the template workbook filled with it.
    Dataset {
        /// The file to write (`.json`, `.xlsx`, or `-` for JSON on standard output).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// What the record holds per national cluster: which metrics have
    /// figures and for which years, targets, sources, whose the figures are;
    /// then the clusters with none.
    Coverage {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: CoverageFormatArg,
        /// Output file; `-` (the default) writes to standard output.
        #[arg(short, long, value_name = "OUT", default_value = "-")]
        output: PathBuf,
    },
    /// List the clusters of a dataset: id, then name.
    List,
    /// Print the JSON Schema of the dataset format.
    Schema,
    /// Print a synthetic dataset of N clusters (made-up figures, for scale tests).
    #[command(hide = true)]
    Synth {
        /// Number of clusters.
        n: usize,
        /// Put this many unknown units in the figures (at most 5 per cluster),
        /// for scale tests of problem reports.
        #[arg(long, default_value_t = 0)]
        problems: usize,
        /// Compact JSON (10,000 clusters stay under the 64 MiB file limit).
        #[arg(long)]
        compact: bool,
    },
    /// Write the table of every cluster (one row per cluster, headline metrics as columns).
    Table {
        /// Output format.
        #[arg(long, value_enum)]
        format: TableFormatArg,
        /// Output file; `-` writes csv and md to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Sort by a column: name, level, province, industry, designated, figures, or a headline metric key (e.g. output_value). Missing values come last.
        #[arg(long, value_name = "KEY")]
        sort: Option<String>,
        /// Sort in descending order.
        #[arg(long, requires = "sort")]
        desc: bool,
        /// Language of names, labels and numbers.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Write a comparison sheet or picture of the clusters in --compare.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// What to write: the comparison, or the compared clusters' policies (CSV).
        #[arg(long, value_enum, default_value = "comparison")]
        what: WhatArg,
        /// Output file; `-` writes text formats to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The baseline cluster: one of the ids in --compare (an index into
        /// --compare, counting from 0, works too).
        #[arg(long, value_name = "ID")]
        baseline: Option<String>,
        /// PNG width in logical points (slides: in pixels at scale 1).
        #[arg(long, default_value_t = 1600)]
        width: u32,
        /// PNG height in logical points.
        #[arg(long, default_value_t = 900)]
        height: u32,
        /// PNG pixels per point (1 or 2 for slides).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Dark theme for PNG.
        #[arg(long)]
        dark: bool,
        /// PNG of one app view (as in presentation screenshots) instead of
        /// the slides; also chosen when -o names a `.png` file.
        #[arg(long, value_enum)]
        view: Option<ViewArg>,
        /// Slides (pdf, pptx, png into a folder, svg into a folder): the deck's title.
        #[arg(long)]
        title: Option<String>,
        /// Slides: the metric charted first (a key from `metric_keys`).
        #[arg(long, value_name = "KEY")]
        metric: Option<String>,
        /// Slides: page shape.
        #[arg(long, value_enum, default_value = "16:9")]
        page: PageArg,
        /// Slides: add the national context slides (the map and the
        /// competition winners; with --slides, before the sources).
        #[arg(long)]
        context: bool,
        /// Slides: which slides after the title, in this order (default:
        /// overview,charts,series,figures,targets,policies,sources).
        #[arg(long, value_enum, value_delimiter = ',', value_name = "SLIDE,SLIDE")]
        slides: Vec<SlideArg>,
        /// Slides: every source in full on sources slides at the end
        /// (appendix), or only a citation line on each slide (line).
        #[arg(long, value_enum, default_value = "appendix")]
        sources: SourcesArg,
        /// Slides: bars sorted by value, largest first.
        #[arg(long)]
        sort_bars: bool,
        /// Slides: one of the ids in --compare drawn in its colour, the others grey.
        #[arg(long, value_name = "ID")]
        highlight: Option<String>,
    },
}

/// Loads `--data FILE` or the embedded dataset.
pub fn load_data(data: Option<&PathBuf>) -> Result<Loaded, load::LoadError> {
    match data {
        Some(p) => load::load_path(p),
        None => load::load_embedded(),
    }
}

/// A private runtime folder for the software graphics driver, which
/// complains on standard error when `XDG_RUNTIME_DIR` is unset (servers, CI):
/// a successful export prints nothing. Removed again when dropped.
struct RuntimeDir(PathBuf);

impl RuntimeDir {
    fn create() -> Option<Self> {
        if std::env::var_os("XDG_RUNTIME_DIR").is_some() {
            return None;
        }
        let dir = tempfile::Builder::new()
            .prefix("cluster-compare-runtime-")
            .tempdir()
            .ok()?
            .keep();
        // SAFETY: the command line runs one thread until the export starts;
        // nothing reads the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("XDG_RUNTIME_DIR", &dir)
        };
        Some(Self(dir))
    }
}

impl Drop for RuntimeDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// True where `-o` names one `.png` file rather than a folder for slides.
fn names_png_file(out: &std::path::Path) -> bool {
    out.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
}

/// Where `-o` wrote, in words.
fn written_to(out: &std::path::Path) -> String {
    if out.as_os_str() == "-" {
        "standard output".into()
    } else {
        out.display().to_string()
    }
}

/// Runs a subcommand; returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    run_to(
        cli,
        command,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
}

/// Runs a subcommand writing to `out` and `err`. Text from the data file is
/// escaped ([`load::escape_controls`]) so it cannot drive the terminal.
pub fn run_to(cli: &Cli, command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let esc = data::esc;
    match command {
        Command::Check { file } => {
            let lang = cli.lang.map_or_else(checks::lang_from_env, Lang::from);
            match load::load_path_in(file, lang) {
                Ok(l) => {
                    let _ = writeln!(
                        out,
                        "{}: {}",
                        esc(&l.file),
                        checks::ok_line(&l.dataset, l.warnings.len(), lang)
                    );
                    for a in &l.added {
                        let _ = writeln!(out, "{}: {}", esc(&l.file), esc(a.get(lang)));
                    }
                    for w in &l.warnings {
                        let _ = writeln!(err, "{}", w.render_in(&l.file, lang));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    for p in &e.problems {
                        let _ = writeln!(out, "{}", p.render_in(&e.file, lang));
                    }
                    ExitCode::from(1)
                }
            }
        }
        Command::Template { output, format } => data::template(cli, output, *format, err),
        Command::Import { file, output } => data::import(cli, file, output, out, err),
        Command::Dataset { output } => data::dataset(cli, output, out, err),
        Command::Coverage { format, output } => coverage::run(cli, *format, output, out, err),
        Command::List => match load_data(cli.data.as_ref()) {
            Ok(l) => {
                let lang = cli.lang.map(Lang::from).unwrap_or(Lang::Zh);
                // One line per cluster whatever the names hold: tabs and newlines are escaped.
                for c in &l.dataset.clusters {
                    let _ = writeln!(out, "{}\t{}", esc(&c.id), esc(c.name.get(lang)));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = write!(err, "{e}");
                ExitCode::from(1)
            }
        },
        Command::Synth {
            n,
            problems,
            compact,
        } => {
            let text = if *compact {
                crate::synth::compact_json_with_problems(*n, *problems)
            } else {
                crate::synth::json_with_problems(*n, *problems)
            };
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Command::Schema => {
            let schema = schemars::schema_for!(crate::model::Dataset);
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Command::Table {
            format,
            output,
            sort,
            desc,
            lang,
        } => {
            let loaded = match load_data(cli.data.as_ref()) {
                Ok(l) => l,
                Err(e) => {
                    let _ = write!(err, "{e}");
                    return ExitCode::from(1);
                }
            };
            let lang = Lang::from(*lang);
            let sort = match sort {
                None => None,
                Some(code) => {
                    let t = crate::table::ClusterTable::build(&loaded.dataset, lang);
                    match t.parse_key(code) {
                        Some(key) => Some(crate::table::Sort {
                            key,
                            descending: *desc,
                        }),
                        None => {
                            let _ = writeln!(
                                err,
                                "cluster-compare: --sort {}: no such column; use one of: {}",
                                code.escape_debug(),
                                t.key_codes().join(", ")
                            );
                            return ExitCode::from(2);
                        }
                    }
                }
            };
            let req = export::all_clusters::TableRequest {
                lang,
                sort,
                filters: Default::default(),
            };
            let table_format: export::all_clusters::TableFormat = (*format).into();
            let as_export = match table_format {
                export::all_clusters::TableFormat::Csv => Format::Csv,
                export::all_clusters::TableFormat::Xlsx => Format::Xlsx,
                export::all_clusters::TableFormat::Md => Format::Md,
            };
            if let Some(w) = checks::extension(output, as_export, false) {
                let _ = writeln!(err, "cluster-compare: {}", esc(&w));
            }
            match export::all_clusters::write(&loaded.dataset, &req, table_format, output) {
                Ok(()) => {
                    if cli.verbose {
                        let _ = writeln!(
                            err,
                            "wrote {}: the table of {} clusters",
                            esc(&written_to(output)),
                            loaded.dataset.clusters.len()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ = writeln!(err, "cluster-compare: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Export { .. } => export_cmd::run(cli, command, err),
    }
}

/// `--baseline`: an id in `compare`, or a position in it counting from 0.
/// The index and whether it was given as a position; the text given when it is neither.
pub fn baseline_index(
    compare: &[String],
    baseline: Option<&str>,
) -> Result<Option<(usize, bool)>, String> {
    let Some(b) = baseline.map(str::trim) else {
        return Ok(None);
    };
    if let Some(i) = compare.iter().position(|id| id == b) {
        return Ok(Some((i, false)));
    }
    match b.parse::<usize>() {
        Ok(i) if i < compare.len() => Ok(Some((i, true))),
        _ => Err(b.to_owned()),
    }
}
