//! The command line (clap). `main.rs` parses and hands over here; no
//! subcommand starts the app.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::{self, Format};
use crate::load::{self, Loaded};
use crate::model::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "cluster-compare",
    version,
    about = "Compare China's advanced manufacturing clusters side by side",
    long_about = "Compare China's advanced manufacturing clusters side by side.\n\nWith no subcommand, opens the app on the embedded seed dataset (or --data FILE)."
)]
pub struct Cli {
    /// Dataset to open instead of the embedded seed dataset.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Cluster ids to compare, comma-separated (1 to 6).
    #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
    pub compare: Vec<String>,
    /// Display language.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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
        /// The JSON dataset to check.
        file: PathBuf,
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
    },
    /// Write a comparison sheet or picture.
    Export {
        /// Cluster ids to compare, comma-separated (1 to 6; not needed for --view map).
        #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
        compare: Vec<String>,
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
        /// Output file; `-` writes text formats to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Language of names, labels and numbers.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Index (from 0) of the baseline cluster in --compare.
        #[arg(long)]
        baseline: Option<usize>,
        /// PNG width in logical points.
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
        /// Which view a PNG shows.
        #[arg(long, value_enum, default_value = "overview")]
        view: export::View,
    },
}

/// Loads `--data FILE` or the embedded dataset.
pub fn load_data(data: Option<&PathBuf>) -> Result<Loaded, load::LoadError> {
    match data {
        Some(p) => load::load_path(p),
        None => load::load_embedded(),
    }
}

/// Runs a subcommand; returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match command {
        Command::Check { file } => match load::load_path(file) {
            Ok(l) => {
                let s = l.dataset.summary();
                let _ = writeln!(
                    out,
                    "{}: ok: {} clusters, {} metrics, {} targets, {} policies, {} sources{}",
                    l.file,
                    s.clusters,
                    s.metrics,
                    s.targets,
                    s.policies,
                    s.sources,
                    if l.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(", {} warning(s)", l.warnings.len())
                    }
                );
                for w in &l.warnings {
                    let _ = writeln!(err, "{}", w.render(&l.file));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                for p in &e.problems {
                    let _ = writeln!(out, "{}", p.render(&e.file));
                }
                ExitCode::from(1)
            }
        },
        Command::List => match load_data(cli.data.as_ref()) {
            Ok(l) => {
                let lang = cli.lang.map(Lang::from).unwrap_or(Lang::Zh);
                for c in &l.dataset.clusters {
                    let _ = writeln!(out, "{}\t{}", c.id, c.name.get(lang));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = write!(err, "{e}");
                ExitCode::from(1)
            }
        },
        Command::Synth { n } => {
            let _ = writeln!(out, "{}", crate::synth::json(*n));
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
        Command::Export {
            compare,
            format,
            output,
            lang,
            baseline,
            width,
            height,
            scale,
            dark,
            view,
        } => {
            let loaded = match load_data(cli.data.as_ref()) {
                Ok(l) => l,
                Err(e) => {
                    let _ = write!(err, "{e}");
                    return ExitCode::from(1);
                }
            };
            let request = export::Request {
                ids: compare.clone(),
                baseline: *baseline,
                lang: (*lang).into(),
                png: export::PngOptions {
                    width: *width,
                    height: *height,
                    scale: *scale,
                    dark: *dark,
                    view: *view,
                },
            };
            match export::export_to(&loaded.dataset, &request, *format, output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = writeln!(err, "cluster-compare: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
