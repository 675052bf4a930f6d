//! The tool as its users meet it: the built binary run against servers on 127.0.0.1 (`binary`), and each
//! report it writes read by the programs its users read it with: CI servers' JUnit schema (`junit`), HAR
//! 1.2 (`har`), the published schema of the JSON report (`json`), GitHub's Markdown (`markdown`), Chromium
//! (`html`); and the GitHub Action's script run as a runner runs it (`action`).

mod action;
mod binary;
mod har;
mod hostile;
mod html;
mod json;
mod junit;
mod markdown;
mod support;
