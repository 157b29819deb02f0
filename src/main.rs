//! Parses the command line and either runs a subcommand or starts the app.

use std::process::ExitCode;

use clap::Parser;
use cluster_compare::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cluster_compare::app::run_native(&cli),
    }
}
