//! `--markdown`: rendered by `cmark-gfm`, GitHub's own CommonMark renderer (Debian's package), with raw HTML
//! kept: the counts are a table, every failure is named by its id, each detailed one holds its exchange and
//! `curl` line in a `<details>` block, nothing a server sent becomes markup, and a run with many failures
//! stays under GitHub's limit on a comment.

use std::path::Path;
use std::time::Duration;

use cognito_idp_server_check::render::markdown;
use cognito_idp_server_check::results::Outcome;

use crate::support::{self, run_bounded, strings};

/// GitHub refuses a pull request comment longer than this, in characters.
const GITHUB_COMMENT_LIMIT: usize = 65_536;

/// `file` rendered as GitHub renders Markdown (tables, autolinks, strikethrough), raw HTML kept.
pub fn cmark_gfm(file: &Path) -> String {
    let args =
        strings(&["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", &file.display().to_string()]);
    let run = run_bounded(Path::new("cmark-gfm"), &args, &[], Duration::from_secs(30));
    assert_eq!(run.code, Some(0), "cmark-gfm: {}", run.printed());
    run.stdout
}

pub fn have_cmark_gfm(test: &str) -> bool {
    support::available(test, "cmark-gfm", &["--version"], "Debian's cmark-gfm")
}

#[test]
fn a_run_with_failures_renders_as_github_shows_it_within_the_comment_limit() {
    if !have_cmark_gfm("the Markdown rendering test") {
        return;
    }
    let fixture = support::with_failures();
    let text = std::fs::read_to_string(fixture.path("report.md")).expect("reads");
    assert!(text.len() <= markdown::MAX_BYTES && text.chars().count() < GITHUB_COMMENT_LIMIT, "{} bytes", text.len());
    let html = cmark_gfm(&fixture.path("report.md"));
    let report = &fixture.report;
    assert!(html.contains("<h2>❌ cognito-idp-conformance: does not conform</h2>"), "{html}");
    assert_eq!(html.matches("<table>").count(), 1);
    assert_eq!(html.matches("<tr>").count(), report.families.len() + 2, "a row per family, a header and the total");
    let failed: Vec<&str> =
        report.expectations.iter().filter(|e| e.outcome == Outcome::Failed).map(|e| e.id.as_str()).collect();
    assert!(failed.len() > 30, "the fixture has many failures: {}", failed.len());
    for id in &failed {
        assert!(html.contains(&format!("<code>{id}</code>")), "failure {id} is named");
    }
    let opened = html.matches("<details>").count();
    assert!(opened > 10 && opened == html.matches("</details>").count(), "{opened} details blocks, each closed");
    let curl = html.matches("<pre><code class=\"language-sh\">curl -sS -i").count();
    let long = html.matches("the <code>curl</code> line is in the JSON and HAR reports (the body is long)").count();
    assert!(curl > 0 && curl + long == opened, "a curl line in each ({curl}), or where it is ({long})");
    assert_eq!(html.matches("<pre><code class=\"language-http\">POST http://127.0.0.1:").count(), opened);
    assert!(html.contains("more failures, with their exchanges in the JSON and HTML reports"), "the rest listed");
    // The server's answers are HTML pages: they show as text, never as markup.
    assert!(html.contains("&lt;html&gt;&lt;body&gt;&lt;h1&gt;400 Bad Request"), "the body is shown");
    for tag in ["<html>", "<body>", "<h1>"] {
        assert!(!html.contains(tag), "{tag} from a server's answer became markup");
    }
}

#[test]
fn runs_that_conform_or_could_not_check_are_short() {
    if !have_cmark_gfm("the short Markdown test") {
        return;
    }
    let accepted = cmark_gfm(&support::accepted_and_skipped().path("report.md"));
    assert!(accepted.contains("✅ cognito-idp-conformance: conforms"), "{accepted}");
    assert!(!accepted.contains("<details>"), "nothing failed: {accepted}");
    assert!(accepted.contains("<code>lookup.confirmed-user</code>: an entry that accepts nothing"), "{accepted}");
    let dead = support::dead();
    let html = cmark_gfm(&dead.path("report.md"));
    assert!(html.contains("could not check") && html.contains("nothing answers at"), "{html}");
    assert!(!html.contains("<table>"), "no counts for a run that could not check");
}
