//! What the tool's process tests share: the tool as a process, a fresh
//! scratch directory, and a run's verdict with everything it printed.

use std::path::PathBuf;
use std::process::Command;

pub fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bantin-feed"))
}

/// An empty directory for one test: `suite` names the test file, `name`
/// the test, the process id keeps parallel runs apart.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bantin-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether the run succeeded, and its standard output then its errors.
pub fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("bantin-feed runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
