//! `cluster-compare coverage`: what the record holds per national cluster,
//! as text to read or as CSV.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Cli, CoverageFormatArg, written_to};
use crate::coverage::Coverage;
use crate::export;
use crate::load;
use crate::model::Lang;

pub fn run(
    cli: &Cli,
    format: CoverageFormatArg,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let lang = cli.lang.map(Lang::from).unwrap_or(Lang::Zh);
    let loaded = match cli.data.as_ref() {
        Some(p) => load::load_path_in(p, lang),
        None => load::load_embedded(),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            let _ = write!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    let c = Coverage::build(&loaded.dataset, lang);
    let bytes = match format {
        // Names come from the data file: escaped so they cannot drive the terminal.
        CoverageFormatArg::Text => c
            .text()
            .lines()
            .map(|l| format!("{}\n", load::escape_controls(l)))
            .collect::<String>()
            .into_bytes(),
        CoverageFormatArg::Csv => match export::coverage::csv_bytes(&c) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "cluster-compare: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let written = if output.as_os_str() == "-" {
        out.write_all(&bytes)
            .map_err(|e| format!("cannot write standard output: {e}"))
    } else {
        export::write_atomic(output, &bytes).map_err(|e| e.to_string())
    };
    match written {
        Ok(()) => {
            if cli.verbose {
                let _ = writeln!(
                    err,
                    "wrote {}: {}",
                    load::escape_controls(&written_to(output)),
                    c.summary()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "cluster-compare: {}", load::escape_controls(&e));
            ExitCode::from(1)
        }
    }
}
