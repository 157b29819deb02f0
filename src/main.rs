//! Parses the command line and either runs a subcommand or starts the app.

use std::io::Write;
use std::process::ExitCode;

use cluster_compare::cli;

fn main() -> ExitCode {
    let cli = cli::parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit());
    if cli.version {
        let _ = std::io::stdout().write_all(cluster_compare::about::version_text().as_bytes());
        return ExitCode::SUCCESS;
    }
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cluster_compare::app::run_native(&cli),
    }
}
