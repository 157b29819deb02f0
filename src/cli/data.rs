//! The commands that move a dataset between forms: `template` (a workbook to
//! fill in), `import` (a workbook checked and written as JSON) and `dataset`
//! (the loaded data written out, as JSON or as the workbook).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Cli, TemplateFormatArg, load_data, written_to};
use crate::export;
use crate::load::{self, LoadError};
use crate::model::{Dataset, Lang};
use crate::sheets::{self, folder, xlsx};

/// Text for the terminal, control characters escaped.
pub(super) fn esc(s: &str) -> String {
    load::escape_controls(s).into_owned()
}

fn lang(cli: &Cli) -> Lang {
    cli.lang.map(Lang::from).unwrap_or(Lang::Zh)
}

/// Writes `d` to `output`: the workbook for `.xlsx`, JSON otherwise (`-`:
/// standard output).
fn write_dataset(d: &Dataset, output: &Path, out: &mut dyn Write) -> Result<String, String> {
    if xlsx::is_workbook(output) {
        export::template::write_workbook(d, output).map_err(|e| e.to_string())?;
        return Ok("the dataset workbook".into());
    }
    let json = d.to_json();
    if output.as_os_str() == "-" {
        out.write_all(json.as_bytes())
            .map_err(|e| format!("cannot write standard output: {e}"))?;
    } else {
        export::write_atomic(output, json.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(format!("{} bytes of JSON", json.len()))
}

fn problems(e: &LoadError, lang: Lang, out: &mut dyn Write) {
    for p in &e.problems {
        let _ = writeln!(out, "{}", p.render_in(&e.file, lang));
    }
}

/// Writes the sheets of `d` as CSV files into the folder `dir` (made if
/// missing), each file atomically.
fn write_folder(d: &Dataset, dir: &Path) -> Result<usize, String> {
    if dir.is_file() {
        return Err(format!(
            "{}: is a file; with --format csv, -o names a folder",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let files = folder::files(d);
    for (name, bytes) in &files {
        export::write_atomic(&dir.join(name), bytes).map_err(|e| e.to_string())?;
    }
    Ok(files.len())
}

/// `cluster-compare template -o my-clusters.xlsx` (or `--format csv -o DIR`).
pub fn template(
    cli: &Cli,
    output: &Path,
    format: TemplateFormatArg,
    err: &mut dyn Write,
) -> ExitCode {
    if output.as_os_str() == "-" {
        let _ = writeln!(
            err,
            "cluster-compare: the template is a workbook (with --format csv, a folder); give a file name with -o, not -"
        );
        return ExitCode::from(2);
    }
    let base = match load::load_embedded() {
        Ok(l) => l.dataset,
        Err(e) => {
            let _ = write!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    let written = match format {
        TemplateFormatArg::Xlsx => export::template::write_template(&base, output)
            .map(|()| "the workbook to fill in".to_owned())
            .map_err(|e| e.to_string()),
        TemplateFormatArg::Csv => write_folder(&sheets::template_dataset(&base), output)
            .map(|n| format!("{n} CSV files to fill in")),
    };
    match written {
        Ok(what) => {
            if cli.verbose {
                let _ = writeln!(err, "wrote {}: {what}", esc(&written_to(output)));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "cluster-compare: {}", esc(&e));
            ExitCode::from(1)
        }
    }
}

/// `cluster-compare import my-clusters.xlsx -o my-clusters.json`: every
/// problem is listed (on standard output, as `check` lists them) and nothing
/// is written unless the workbook is valid.
pub fn import(
    cli: &Cli,
    file: &Path,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let t = std::time::Instant::now();
    let read = if file.is_dir() {
        folder::load_path(file, lang(cli))
    } else {
        xlsx::load_path(file, lang(cli))
    };
    let loaded = match read {
        Ok(l) => l,
        Err(e) => {
            problems(&e, lang(cli), out);
            return ExitCode::from(1);
        }
    };
    let took = t.elapsed();
    for w in &loaded.warnings {
        let _ = writeln!(err, "{}", w.render_in(&loaded.file, lang(cli)));
    }
    match write_dataset(&loaded.dataset, output, out) {
        Ok(what) => {
            if cli.verbose {
                let s = loaded.dataset.summary();
                let n = |n: usize, one: &str, many: &str| {
                    cc_core::format::count(n, crate::model::Lang::En, "", one, many)
                };
                let _ = writeln!(
                    err,
                    "read {} in {:.0} ms: {}, {}, {}, {}, {}; wrote {}: {what}",
                    esc(&loaded.file),
                    took.as_secs_f64() * 1000.0,
                    n(s.clusters, "cluster", "clusters"),
                    n(s.metrics, "figure", "figures"),
                    n(s.targets, "target", "targets"),
                    n(s.policies, "policy", "policies"),
                    n(s.sources, "source", "sources"),
                    esc(&written_to(output)),
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "cluster-compare: {}", esc(&e));
            ExitCode::from(1)
        }
    }
}

/// `cluster-compare dataset -o clusters.json` (or `.xlsx`): the loaded data
/// (`--data FILE` or the embedded) written out.
pub fn dataset(cli: &Cli, output: &Path, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let loaded = match cli.data.as_ref() {
        Some(p) => load::load_path_in(p, lang(cli)),
        None => load_data(None),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            let _ = write!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    match write_dataset(&loaded.dataset, output, out) {
        Ok(what) => {
            if cli.verbose {
                let _ = writeln!(err, "wrote {}: {what}", esc(&written_to(output)));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "cluster-compare: {}", esc(&e));
            ExitCode::from(1)
        }
    }
}
