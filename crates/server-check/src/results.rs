//! The fourth step's input: the results model every report renders (terminal, JSON, JUnit, HAR, Markdown,
//! HTML), and [`assemble`], which turns the plan, the exchanges and the baseline into it. The model is the
//! JSON report's schema (`--json`): field names are stable, values are plain data, every exchange is
//! recorded whole with a `curl` line that sends it again. The client secret is never in it (a `SecretHash`
//! that was sent is).

use std::time::{Duration, SystemTime};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::baseline::{Baseline, Entry};
use crate::curl;
use crate::expectation::{Expectation, Family, Source};
use crate::judge::{self, Check, Context, RULES, Verdict};
use crate::plan::{Plan, Probe};
use crate::send::{Exchange, Stall};

/// The version of the report's schema: raised when a field changes meaning or goes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `cognito-idp-conformance 0.1.0`.
    pub tool: String,
    /// What was checked.
    pub target: TargetRecord,
    /// How it was checked.
    pub settings: SettingsRecord,
    /// When the run started (RFC 3339, UTC).
    pub started: String,
    /// How long it took.
    pub seconds: f64,
    /// The run's verdict and exit code.
    pub verdict: RunVerdict,
    /// The requests that could deliver a code, and those that did.
    pub deliveries: Deliveries,
    /// Counts of expectations by outcome.
    pub counts: Counts,
    /// Counts by family, in report order.
    pub families: Vec<FamilyCounts>,
    /// Every expectation, by family then plan order.
    pub expectations: Vec<ExpectationResult>,
    /// Every exchange, in the order the probes were planned.
    pub exchanges: Vec<ExchangeRecord>,
    /// Baseline entries that accepted nothing in this run.
    pub stale_baseline: Vec<Entry>,
}

/// The implementation under test (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TargetRecord {
    /// The endpoint URL.
    pub endpoint: String,
    /// The app client id.
    pub client_id: String,
    /// The unconfirmed user.
    pub username: String,
    /// The confirmed user, if given.
    pub confirmed_username: Option<String>,
    /// Whether the app client has a secret.
    pub client_has_secret: bool,
    /// Whether the app client hides unknown users.
    pub prevent_user_existence_errors: bool,
    /// The made-up user no pool has, which most probes ask about.
    pub unknown_username: String,
}

/// The settings of the run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SettingsRecord {
    /// The bound on each answer, in seconds.
    pub response_timeout_seconds: f64,
    /// Probes in flight at once.
    pub concurrency: usize,
    /// The delivery budget.
    pub max_deliveries: u32,
    /// Random valid inputs sent.
    pub valid_cases: u32,
    /// `--only` entries.
    pub only: Vec<String>,
    /// `--skip` entries.
    pub skip: Vec<String>,
    /// The baseline's implementation, when one was applied.
    pub baseline: Option<String>,
}

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RunOutcome {
    /// Every expectation held or was accepted.
    Conforms,
    /// At least one expectation broke.
    DoesNotConform,
    /// The server could not be checked (unreachable, wrong setup, never answered).
    CouldNotCheck,
}

impl RunOutcome {
    /// The process exit code: 0, 1, 2.
    pub fn exit_code(self) -> i32 {
        match self {
            RunOutcome::Conforms => 0,
            RunOutcome::DoesNotConform => 1,
            RunOutcome::CouldNotCheck => 2,
        }
    }
}

/// The run's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RunVerdict {
    /// The outcome.
    pub outcome: RunOutcome,
    /// Its exit code.
    pub exit_code: i32,
    /// One line: `2 of 120 expectations broken`, or why the server could not be checked and what to check.
    pub summary: String,
}

/// The delivery budget and its use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deliveries {
    /// `--max-deliveries`.
    pub budget: u32,
    /// Requests sent that could deliver a code (the delivery probes).
    pub sent: usize,
    /// Successes for a real user: codes actually delivered (the delivery probes', and any a faulty server
    /// sent elsewhere, such as to the confirmed user).
    pub made: usize,
}

/// How an expectation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Broken, and not accepted by the baseline.
    Failed,
    /// Broken only where the baseline accepts it.
    Accepted,
    /// Every judged probe or answer held.
    Passed,
    /// Nothing could be judged (no answer, rate-limited, over the budget, the server stalled).
    NotChecked,
    /// The setup does not allow it (no secret, no confirmed user, no deliveries).
    NotApplicable,
    /// Left out by `--only` or `--skip`.
    Skipped,
}

impl Outcome {
    /// Every outcome, worst first.
    pub const ALL: [Outcome; 6] = [
        Outcome::Failed,
        Outcome::Accepted,
        Outcome::Passed,
        Outcome::NotChecked,
        Outcome::NotApplicable,
        Outcome::Skipped,
    ];

    /// `failed`, `not-checked`...
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Failed => "failed",
            Outcome::Accepted => "accepted",
            Outcome::Passed => "passed",
            Outcome::NotChecked => "not-checked",
            Outcome::NotApplicable => "not-applicable",
            Outcome::Skipped => "skipped",
        }
    }
}

/// Expectations by outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    /// All expectations.
    pub expectations: usize,
    /// [`Outcome::Passed`].
    pub passed: usize,
    /// [`Outcome::Failed`].
    pub failed: usize,
    /// [`Outcome::Accepted`].
    pub accepted: usize,
    /// [`Outcome::NotChecked`].
    pub not_checked: usize,
    /// [`Outcome::NotApplicable`].
    pub not_applicable: usize,
    /// [`Outcome::Skipped`].
    pub skipped: usize,
    /// Notes over all expectations.
    pub notes: usize,
}

impl Counts {
    fn of<'r>(results: impl IntoIterator<Item = &'r ExpectationResult>) -> Self {
        let mut counts = Counts::default();
        for result in results {
            counts.expectations += 1;
            counts.notes += result.notes.len();
            match result.outcome {
                Outcome::Passed => counts.passed += 1,
                Outcome::Failed => counts.failed += 1,
                Outcome::Accepted => counts.accepted += 1,
                Outcome::NotChecked => counts.not_checked += 1,
                Outcome::NotApplicable => counts.not_applicable += 1,
                Outcome::Skipped => counts.skipped += 1,
            }
        }
        counts
    }
}

/// One family's counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FamilyCounts {
    /// The family.
    pub family: Family,
    /// What it is about.
    pub title: String,
    /// Its counts.
    pub counts: Counts,
}

/// Where an expectation comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRecord {
    /// `contract`, `aws` or `bound`.
    pub kind: String,
    /// The source, named.
    pub text: String,
}

impl From<Source> for SourceRecord {
    fn from(source: Source) -> Self {
        let (kind, text) = match source {
            Source::Contract(text) => ("contract", text),
            Source::Aws(text) => ("aws", text),
            Source::Bound(text) => ("bound", text),
        };
        Self { kind: kind.to_owned(), text: text.to_owned() }
    }
}

/// One expectation's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ExpectationResult {
    /// Its stable id.
    pub id: String,
    /// Its family.
    pub family: Family,
    /// One sentence for people.
    pub title: String,
    /// Where it comes from.
    pub source: SourceRecord,
    /// How it ended.
    pub outcome: Outcome,
    /// One line: what held, what broke, or why it was not checked.
    pub summary: String,
    /// Its probes (for a rule over every answer: the answers that broke it or carry a note).
    pub probes: Vec<ProbeResult>,
    /// How many probes or answers were judged.
    pub judged: usize,
    /// Things worth knowing that do not fail the run.
    pub notes: Vec<String>,
}

/// How a probe ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProbeOutcome {
    /// What came back is what the expectation wants.
    Held,
    /// It is not.
    Broken,
    /// Broken, and accepted by the baseline.
    Accepted,
    /// Answered, but not judged (rate-limited, throttled), or not answered (see `response.timely`).
    NotJudged,
    /// Never sent (the server stalled first).
    NotSent,
}

/// One probe's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProbeResult {
    /// The probe's id (for a rule over every answer: the id of the probe whose answer it judged).
    pub id: String,
    /// What the probe sent, in words.
    pub what: String,
    /// How it ended.
    pub outcome: ProbeOutcome,
    /// What was expected.
    pub expected: Option<String>,
    /// What came back.
    pub found: Option<String>,
    /// Why it was not judged, the baseline's reason, or a note.
    pub reason: Option<String>,
    /// The index of its exchange in [`Report::exchanges`].
    pub exchange: Option<usize>,
}

/// A header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Header {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A request or answer's body: text when it is UTF-8, else Base64.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Body {
    /// The text, or its Base64.
    pub text: String,
    /// `base64` when the body is not UTF-8.
    pub encoding: Option<String>,
    /// Its size in bytes.
    pub size: usize,
}

impl Body {
    /// The body of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self { text: text.to_owned(), encoding: None, size: bytes.len() },
            Err(_) => {
                use base64::Engine as _;
                Self {
                    text: base64::engine::general_purpose::STANDARD.encode(bytes),
                    encoding: Some("base64".to_owned()),
                    size: bytes.len(),
                }
            }
        }
    }
}

/// A request as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RequestRecord {
    /// The method.
    pub method: String,
    /// The URL.
    pub url: String,
    /// The headers the check set.
    pub headers: Vec<Header>,
    /// The body.
    pub body: Body,
}

/// An answer as received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ResponseRecord {
    /// The status.
    pub status: u16,
    /// The headers.
    pub headers: Vec<Header>,
    /// The body.
    pub body: Body,
}

/// One exchange, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExchangeRecord {
    /// The probe it belongs to.
    pub probe: String,
    /// When it was sent (RFC 3339, UTC, milliseconds).
    pub started: String,
    /// How long the answer took, in milliseconds.
    pub milliseconds: f64,
    /// The request.
    pub request: RequestRecord,
    /// The answer, when one came.
    pub response: Option<ResponseRecord>,
    /// Why none came.
    pub error: Option<String>,
    /// A `curl` command line that sends the same request.
    pub curl: String,
}

/// The plain facts of a run that the model records beside the results.
#[derive(Clone)]
pub struct Run<'a> {
    /// What was checked.
    pub target: TargetRecord,
    /// How.
    pub settings: SettingsRecord,
    /// The plan.
    pub plan: &'a Plan,
    /// The exchanges, the preflight's included.
    pub exchanges: &'a [Exchange],
    /// Whether probing stopped because the server stalled.
    pub stall: Option<Stall>,
    /// Why the run could not check the server, when the preflight said so.
    pub could_not_check: Option<String>,
    /// The ids `--only` and `--skip` select.
    pub selected: &'a dyn Fn(&str) -> bool,
    /// The baseline.
    pub baseline: Option<&'a Baseline>,
    /// When the run started.
    pub started: SystemTime,
    /// How long it took.
    pub elapsed: Duration,
}

impl std::fmt::Debug for Run<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run")
            .field("target", &self.target)
            .field("exchanges", &self.exchanges.len())
            .finish_non_exhaustive()
    }
}

/// The results of a run.
pub fn assemble(run: &Run<'_>) -> Report {
    let plan = run.plan;
    let context = Context { prevent_user_existence_errors: run.target.prevent_user_existence_errors };
    let exchange_of: Vec<Option<usize>> = {
        let mut index = vec![None; plan.probes.len()];
        for (i, exchange) in run.exchanges.iter().enumerate() {
            index[exchange.probe] = Some(i);
        }
        index
    };
    let expanded: Vec<Entry> = run.baseline.map(Baseline::expanded).unwrap_or_default();
    let mut used = vec![false; expanded.len()];
    let mut accept = |expectation: &str, probe: &str| -> Option<String> {
        let index = expanded.iter().position(|e| e.accepts(expectation, probe))?;
        used[index] = true;
        Some(expanded[index].why.clone())
    };
    let stalled = run.stall.as_ref().map(|s| {
        format!(
            "not sent: the server stalled ({} timeouts in a row, {} in all) and probing stopped",
            s.in_a_row, s.total
        )
    });
    let mut results = Vec::new();
    for (index, expectation) in plan.expectations.iter().enumerate() {
        if !(run.selected)(&expectation.id) {
            results.push(skipped(expectation));
            continue;
        }
        let mut probes = Vec::new();
        for (p, probe) in plan.probes.iter().enumerate().filter(|(_, p)| p.expectation == index) {
            let Some(e) = exchange_of[p] else {
                probes.push(ProbeResult {
                    id: probe.id.clone(),
                    what: probe.what.clone(),
                    outcome: ProbeOutcome::NotSent,
                    expected: Some(judge::wanted(probe.want, context)),
                    found: None,
                    reason: stalled.clone().or_else(|| run.could_not_check.clone()),
                    exchange: None,
                });
                continue;
            };
            let (outcome, expected, found, reason) = match judge::probe(probe, &run.exchanges[e], context) {
                Verdict::Held(found) => {
                    (ProbeOutcome::Held, Some(judge::wanted(probe.want, context)), Some(found), None)
                }
                Verdict::Broken { expected, found } => match accept(&expectation.id, &probe.id) {
                    Some(why) => (ProbeOutcome::Accepted, Some(expected), Some(found), Some(why)),
                    None => (ProbeOutcome::Broken, Some(expected), Some(found), None),
                },
                Verdict::NotJudged(why) => {
                    (ProbeOutcome::NotJudged, Some(judge::wanted(probe.want, context)), None, Some(why))
                }
            };
            probes.push(ProbeResult {
                id: probe.id.clone(),
                what: probe.what.clone(),
                outcome,
                expected,
                found,
                reason,
                exchange: Some(e),
            });
        }
        results.push(own_result(expectation, probes));
    }
    for (expectation, why) in &plan.not_applicable {
        if (run.selected)(&expectation.id) {
            results.push(ExpectationResult {
                outcome: Outcome::NotApplicable,
                summary: format!("not applicable: {why}"),
                ..empty(expectation)
            });
        } else {
            results.push(skipped(expectation));
        }
    }
    let judged: Vec<(&Probe, &Exchange, usize)> =
        run.exchanges.iter().enumerate().map(|(i, e)| (&plan.probes[e.probe], e, i)).collect();
    let repeated = judge::repeated_request_ids(judged.iter().map(|(p, e, _)| (*p, *e)));
    for rule in RULES {
        let expectation = rule.expectation();
        if !(run.selected)(&expectation.id) {
            results.push(skipped(&expectation));
            continue;
        }
        let mut probes = Vec::new();
        let mut notes = Vec::new();
        let mut count = 0;
        for (position, (probe, exchange, index)) in judged.iter().enumerate() {
            let check = if rule.suffix == judge::UNIQUE_REQUEST_ID {
                match (rule.check)(probe, exchange) {
                    Check::Holds => repeated
                        .iter()
                        .find(|(at, _)| *at == position)
                        .map_or(Check::Holds, |(_, why)| Check::Broken(why.clone())),
                    other => other,
                }
            } else {
                (rule.check)(probe, exchange)
            };
            let found = match check {
                Check::Skip => continue,
                Check::Holds => {
                    count += 1;
                    continue;
                }
                Check::Note(note) => {
                    count += 1;
                    notes.push(format!("{}: {note}", probe.id));
                    probes.push(ProbeResult {
                        id: probe.id.clone(),
                        what: probe.what.clone(),
                        outcome: ProbeOutcome::Held,
                        expected: None,
                        found: None,
                        reason: Some(note),
                        exchange: Some(*index),
                    });
                    continue;
                }
                Check::Broken(found) => found,
            };
            count += 1;
            let (outcome, reason) = match accept(&expectation.id, &probe.id) {
                Some(why) => (ProbeOutcome::Accepted, Some(why)),
                None => (ProbeOutcome::Broken, None),
            };
            probes.push(ProbeResult {
                id: probe.id.clone(),
                what: probe.what.clone(),
                outcome,
                expected: Some(rule.title.to_owned()),
                found: Some(found),
                reason,
                exchange: Some(*index),
            });
        }
        results.push(rule_result(&expectation, rule.judges, probes, count, notes));
    }
    results.sort_by_key(|r| r.family);
    let stale_baseline: Vec<Entry> =
        expanded.iter().zip(&used).filter(|(_, used)| !**used).map(|(e, _)| e.clone()).collect();
    let exchanges: Vec<ExchangeRecord> = run.exchanges.iter().map(|e| record(&plan.probes[e.probe], e)).collect();
    let deliveries = Deliveries {
        budget: run.settings.max_deliveries,
        sent: run.exchanges.iter().filter(|e| plan.probes[e.probe].delivers()).count(),
        made: run.exchanges.iter().filter(|e| judge::delivered(&plan.probes[e.probe], e)).count(),
    };
    let counts = Counts::of(&results);
    let families = Family::ALL
        .into_iter()
        .map(|family| FamilyCounts {
            family,
            title: family.title().to_owned(),
            counts: Counts::of(results.iter().filter(|r| r.family == family)),
        })
        .filter(|f| f.counts.expectations > 0)
        .collect();
    let answered = run.exchanges.iter().filter(|e| e.result.is_ok()).count();
    let verdict = if let Some(why) = &run.could_not_check {
        verdict(RunOutcome::CouldNotCheck, why.clone())
    } else if answered == 0 {
        let why = run.exchanges.first().and_then(|e| e.result.as_ref().err()).map_or_else(
            || "no probe was sent".to_owned(),
            |no_answer| format!("the server never answered ({no_answer})"),
        );
        verdict(RunOutcome::CouldNotCheck, why)
    } else if counts.failed > 0 {
        let mut summary = format!("{} of {} expectations broken", counts.failed, counts.expectations);
        if let Some(stall) = &run.stall {
            summary.push_str(&format!(
                "; the server stalls ({} timeouts in a row, {} in all): probing stopped early",
                stall.in_a_row, stall.total
            ));
        }
        verdict(RunOutcome::DoesNotConform, summary)
    } else {
        let accepted =
            if counts.accepted > 0 { format!(", {} accepted by the baseline", counts.accepted) } else { String::new() };
        verdict(
            RunOutcome::Conforms,
            format!("{} expectations held{accepted}, {} not checked", counts.passed, counts.not_checked),
        )
    };
    Report {
        schema_version: SCHEMA_VERSION,
        tool: concat!("cognito-idp-conformance ", env!("CARGO_PKG_VERSION")).to_owned(),
        target: run.target.clone(),
        settings: run.settings.clone(),
        started: rfc3339(run.started),
        seconds: run.elapsed.as_secs_f64(),
        verdict,
        deliveries,
        counts,
        families,
        expectations: results,
        exchanges,
        stale_baseline,
    }
}

fn verdict(outcome: RunOutcome, summary: String) -> RunVerdict {
    RunVerdict { outcome, exit_code: outcome.exit_code(), summary }
}

fn empty(expectation: &Expectation) -> ExpectationResult {
    ExpectationResult {
        id: expectation.id.clone(),
        family: expectation.family,
        title: expectation.title.clone(),
        source: expectation.source.into(),
        outcome: Outcome::NotChecked,
        summary: String::new(),
        probes: Vec::new(),
        judged: 0,
        notes: Vec::new(),
    }
}

fn skipped(expectation: &Expectation) -> ExpectationResult {
    ExpectationResult {
        outcome: Outcome::Skipped,
        summary: "skipped (--only, --skip)".to_owned(),
        ..empty(expectation)
    }
}

fn plural(count: usize, one: &str) -> String {
    if count == 1 { format!("1 {one}") } else { format!("{count} {one}s") }
}

fn own_result(expectation: &Expectation, probes: Vec<ProbeResult>) -> ExpectationResult {
    let count = |outcome: ProbeOutcome| probes.iter().filter(|p| p.outcome == outcome).count();
    let (held, broken, accepted) =
        (count(ProbeOutcome::Held), count(ProbeOutcome::Broken), count(ProbeOutcome::Accepted));
    let judged = held + broken + accepted;
    let (outcome, summary) = if broken > 0 {
        (Outcome::Failed, format!("broken by {broken} of {}", plural(probes.len(), "probe")))
    } else if accepted > 0 {
        (
            Outcome::Accepted,
            format!("broken by {accepted} of {}, accepted by the baseline", plural(probes.len(), "probe")),
        )
    } else if judged > 0 {
        let unjudged = probes.len() - judged;
        let rest = if unjudged > 0 { format!(" ({unjudged} not judged)") } else { String::new() };
        (Outcome::Passed, format!("{} held{rest}", plural(judged, "probe")))
    } else {
        let why = probes.iter().find_map(|p| p.reason.clone()).unwrap_or_else(|| "no probe".to_owned());
        (Outcome::NotChecked, format!("not checked: {why}"))
    };
    ExpectationResult { outcome, summary, judged, probes, ..empty(expectation) }
}

fn rule_result(
    expectation: &Expectation,
    judges: &str,
    probes: Vec<ProbeResult>,
    judged: usize,
    notes: Vec<String>,
) -> ExpectationResult {
    let broken = probes.iter().filter(|p| p.outcome == ProbeOutcome::Broken).count();
    let accepted = probes.iter().filter(|p| p.outcome == ProbeOutcome::Accepted).count();
    let answers = plural(judged, "answer");
    let (outcome, summary) = if judged == 0 {
        (Outcome::NotChecked, format!("not checked: it judges {judges}, and there were none"))
    } else if broken > 0 {
        (Outcome::Failed, format!("broken by {broken} of {answers}"))
    } else if accepted > 0 {
        (Outcome::Accepted, format!("broken by {accepted} of {answers}, accepted by the baseline"))
    } else {
        (Outcome::Passed, format!("{answers} held"))
    };
    ExpectationResult { outcome, summary, judged, probes, notes, ..empty(expectation) }
}

fn headers(pairs: &[(String, String)]) -> Vec<Header> {
    pairs.iter().map(|(name, value)| Header { name: name.clone(), value: value.clone() }).collect()
}

fn record(probe: &Probe, exchange: &Exchange) -> ExchangeRecord {
    let sent = &exchange.sent;
    ExchangeRecord {
        probe: probe.id.clone(),
        started: rfc3339(exchange.started),
        milliseconds: (exchange.elapsed.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0,
        request: RequestRecord {
            method: sent.method.to_owned(),
            url: sent.url.clone(),
            headers: headers(&sent.headers),
            body: Body::of(&sent.body),
        },
        response: exchange.result.as_ref().ok().map(|answer| ResponseRecord {
            status: answer.status,
            headers: headers(&answer.headers),
            body: Body::of(&answer.body),
        }),
        error: exchange.result.as_ref().err().map(ToString::to_string),
        curl: curl::command(sent),
    }
}

/// The baseline of a run (`--baseline-update`): the broken probes of each expectation, grouped by reason;
/// a probe keeps the reason of an old entry that accepted it, a new one says what was found (to be replaced
/// by a reason), and an old entry for a whole expectation stays whole while it still accepts something.
pub fn updated_baseline(report: &Report, old: Option<&Baseline>) -> Baseline {
    let old_entries: Vec<Entry> = old.map(Baseline::expanded).unwrap_or_default();
    let mut entries: Vec<Entry> = Vec::new();
    for result in &report.expectations {
        for probe in result.probes.iter().filter(|p| matches!(p.outcome, ProbeOutcome::Broken | ProbeOutcome::Accepted))
        {
            let kept = old_entries.iter().find(|e| e.accepts(&result.id, &probe.id));
            let entry = match kept {
                Some(whole) if whole.is_whole() => whole.clone(),
                Some(one) => Entry { probe: Some(probe.id.clone()), ..one.clone() },
                None => Entry {
                    id: result.id.clone(),
                    probe: Some(probe.id.clone()),
                    why: format!("found: {}", probe.found.as_deref().unwrap_or("?").replace('\n', " ")),
                    probes: Vec::new(),
                },
            };
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    Baseline {
        implementation: old.map(|b| b.implementation.clone()).unwrap_or_default(),
        deviations: Baseline::grouped(entries),
    }
}

/// `2026-12-06T01:39:05.123Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let since = time.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(0);
    let (year, month, day) = cognito_idp_client::clock::civil_from_days(secs.div_euclid(86_400));
    let rest = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rfc3339_in_utc() {
        let time = SystemTime::UNIX_EPOCH + Duration::from_millis(1_764_985_145_123);
        assert_eq!(rfc3339(time), "2025-12-06T01:39:05.123Z");
    }

    #[test]
    fn a_body_that_is_not_utf8_is_base64() {
        assert_eq!(Body::of(b"{}"), Body { text: "{}".into(), encoding: None, size: 2 });
        let binary = Body::of(&[0xff, 0x00]);
        assert_eq!((binary.text.as_str(), binary.encoding.as_deref()), ("/wA=", Some("base64")));
    }

    #[test]
    fn nothing_judged_is_not_checked_and_no_answer_cannot_conform() {
        let expectation = Expectation::new(Family::Response, "timely", "t", Source::Bound("b"));
        let unchecked = rule_result(&expectation, "answers that carry x", Vec::new(), 0, Vec::new());
        assert_eq!(unchecked.outcome, Outcome::NotChecked);
        assert_eq!(unchecked.summary, "not checked: it judges answers that carry x, and there were none");
        assert_eq!(rule_result(&expectation, "answers", Vec::new(), 3, Vec::new()).outcome, Outcome::Passed);
        let unjudged = ProbeResult {
            id: "a/b".into(),
            what: String::new(),
            outcome: ProbeOutcome::NotJudged,
            expected: None,
            found: None,
            reason: Some("rate-limited".into()),
            exchange: None,
        };
        let own = own_result(&expectation, vec![unjudged]);
        assert!(own.outcome == Outcome::NotChecked && own.summary.contains("rate-limited"), "{own:?}");
        let plan = Plan {
            expectations: vec![expectation.clone()],
            not_applicable: Vec::new(),
            probes: Vec::new(),
            preflight: 0,
            stranger: "nobody".into(),
        };
        let report = assemble(&Run {
            target: TargetRecord {
                endpoint: "http://127.0.0.1:9".into(),
                client_id: "c".into(),
                username: "u".into(),
                confirmed_username: None,
                client_has_secret: false,
                prevent_user_existence_errors: false,
                unknown_username: "nobody".into(),
            },
            settings: SettingsRecord {
                response_timeout_seconds: 5.0,
                concurrency: 4,
                max_deliveries: 2,
                valid_cases: 8,
                only: Vec::new(),
                skip: Vec::new(),
                baseline: None,
            },
            plan: &plan,
            exchanges: &[],
            stall: None,
            could_not_check: None,
            selected: &|_| true,
            baseline: None,
            started: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
        });
        assert_eq!(report.verdict.outcome, RunOutcome::CouldNotCheck);
        assert_eq!(report.counts.passed, 0, "no rule passes over zero answers: {:?}", report.counts);
    }

    fn probe(id: &str, want: crate::plan::Want) -> Probe {
        Probe {
            id: id.to_owned(),
            expectation: 0,
            what: "w".to_owned(),
            request: crate::plan::Request { method: crate::plan::Method::Post, target: None, body: b"{}".to_vec() },
            want,
            subject: crate::plan::Subject::Nobody,
        }
    }

    fn answered(probe: usize, status: u16, code: &str, id: &str) -> Exchange {
        Exchange {
            probe,
            sent: crate::send::Sent {
                method: "POST",
                url: "http://h/".into(),
                headers: Vec::new(),
                body: b"{}".to_vec(),
            },
            started: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
            result: Ok(crate::send::Answer {
                status,
                headers: vec![
                    ("content-type".into(), "application/x-amz-json-1.1".into()),
                    ("x-amzn-requestid".into(), id.into()),
                ],
                body: format!(r#"{{"__type":"{code}","message":"m"}}"#).into_bytes(),
            }),
        }
    }

    fn report_with(baseline: Option<&Baseline>) -> Report {
        let expectation = Expectation::new(Family::Auth, "wrong-secret-hash", "t", Source::Aws("s"));
        let wants = crate::plan::Want::Error(&["NotAuthorizedException"]);
        let plan = Plan {
            expectations: vec![expectation],
            not_applicable: Vec::new(),
            probes: vec![probe("auth.wrong-secret-hash/a", wants), probe("auth.wrong-secret-hash/b", wants)],
            preflight: 0,
            stranger: "nobody".into(),
        };
        let exchanges =
            [answered(0, 400, "UserNotFoundException", "r1"), answered(1, 401, "ValidationException", "r2")];
        assemble(&Run {
            target: TargetRecord {
                endpoint: "http://h".into(),
                client_id: "c".into(),
                username: "u".into(),
                confirmed_username: None,
                client_has_secret: true,
                prevent_user_existence_errors: false,
                unknown_username: "nobody".into(),
            },
            settings: SettingsRecord {
                response_timeout_seconds: 5.0,
                concurrency: 4,
                max_deliveries: 2,
                valid_cases: 8,
                only: Vec::new(),
                skip: Vec::new(),
                baseline: None,
            },
            plan: &plan,
            exchanges: &exchanges,
            stall: None,
            could_not_check: None,
            selected: &|_| true,
            baseline,
            started: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
        })
    }

    fn entry(id: &str, probes: &[&str]) -> Entry {
        Entry {
            id: id.into(),
            probe: None,
            why: "why".into(),
            probes: probes.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    fn outcome_of<'r>(report: &'r Report, id: &str) -> &'r ExpectationResult {
        report.expectations.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn the_baseline_accepts_what_it_names_and_reports_what_it_no_longer_needs() {
        let bare = report_with(None);
        assert_eq!(outcome_of(&bare, "auth.wrong-secret-hash").outcome, Outcome::Failed);
        assert_eq!(outcome_of(&bare, "response.status").outcome, Outcome::Failed);
        assert_eq!(bare.verdict.outcome, RunOutcome::DoesNotConform);

        let one = Baseline {
            implementation: "x".into(),
            deviations: vec![entry(
                "auth.wrong-secret-hash",
                &["auth.wrong-secret-hash/a", "auth.wrong-secret-hash/gone"],
            )],
        };
        let partly = report_with(Some(&one));
        let own = outcome_of(&partly, "auth.wrong-secret-hash");
        assert_eq!(own.outcome, Outcome::Failed, "probe b is not accepted");
        assert_eq!(own.probes[0].outcome, ProbeOutcome::Accepted);
        assert_eq!(own.probes[0].reason.as_deref(), Some("why"));
        assert_eq!(partly.stale_baseline.len(), 1);
        assert_eq!(partly.stale_baseline[0].probe.as_deref(), Some("auth.wrong-secret-hash/gone"));

        let all = Baseline {
            implementation: "x".into(),
            deviations: vec![
                entry("auth.wrong-secret-hash", &[]),
                entry("response.status", &["auth.wrong-secret-hash/b"]),
            ],
        };
        let accepted = report_with(Some(&all));
        assert_eq!(outcome_of(&accepted, "auth.wrong-secret-hash").outcome, Outcome::Accepted);
        assert_eq!(outcome_of(&accepted, "response.status").outcome, Outcome::Accepted);
        assert!(accepted.stale_baseline.is_empty());
        assert_eq!(accepted.verdict.outcome, RunOutcome::Conforms);
        assert_eq!(accepted.counts.accepted, 2);

        let updated = updated_baseline(&bare, Some(&one));
        let ids: Vec<(&str, usize)> = updated.deviations.iter().map(|e| (e.id.as_str(), e.probes.len())).collect();
        assert_eq!(ids, [("auth.wrong-secret-hash", 1), ("auth.wrong-secret-hash", 1), ("response.status", 1)]);
        assert_eq!(updated.deviations[0].why, "why", "a kept entry keeps its reason");
        assert!(updated.deviations[1].why.starts_with("found: HTTP 401"), "{}", updated.deviations[1].why);
    }

    #[test]
    fn exit_codes_are_zero_one_two() {
        let codes: Vec<i32> = [RunOutcome::Conforms, RunOutcome::DoesNotConform, RunOutcome::CouldNotCheck]
            .into_iter()
            .map(RunOutcome::exit_code)
            .collect();
        assert_eq!(codes, [0, 1, 2]);
    }
}
