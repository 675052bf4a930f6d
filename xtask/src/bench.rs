//! `cargo xtask bench`: whole-process calls of the release `cognito-idp` against a local mock server,
//! and of AWS CLI v1 on the same calls when it is installed, alternating the two.
//!
//! Three calls: `--generate-cli-skeleton` (no network), a successful call and a service error. For each,
//! the median and spread (10th–90th percentile) of wall time over repeated runs, and the peak resident
//! memory (GNU time's `%M`, when /usr/bin/time exists), then the ratios and the issue's targets.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// Options of `cargo xtask bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Timed runs per call and program.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
    /// The `aws` executable of AWS CLI v1 to compare with (default: `.venv-awscli/bin/aws` in the workspace
    /// root, if present). `--no-awscli` skips it.
    #[arg(long, value_name = "PATH")]
    pub awscli: Option<PathBuf>,
    /// Measure only our binary.
    #[arg(long)]
    pub no_awscli: bool,
}

/// One program to measure: the executable and the arguments before the command's own.
struct Program {
    name: &'static str,
    exe: PathBuf,
    leading: Vec<String>,
}

/// One call to measure.
struct Call {
    name: &'static str,
    args: Vec<String>,
}

/// Measurements of one program on one call.
struct Sample {
    wall: Vec<Duration>,
    peak_kib: Option<u64>,
}

/// Runs the benchmark and prints the report.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .current_dir(root)
        .args(["build", "--release", "--locked", "-p", "cognito-idp-cli", "--bin", "cognito-idp"])
        .status()
        .context("building the release binary")?;
    if !status.success() {
        bail!("the release build failed");
    }
    let ours = root.join("target/release/cognito-idp");
    let size = std::fs::metadata(&ours).map(|m| m.len()).unwrap_or(0);

    let mut programs = vec![Program { name: "cognito-idp", exe: ours, leading: Vec::new() }];
    let awscli = args.awscli.clone().unwrap_or_else(|| root.join(".venv-awscli/bin/aws"));
    if !args.no_awscli && awscli.exists() {
        programs.push(Program { name: "aws (v1)", exe: awscli, leading: vec!["cognito-idp".to_owned()] });
    } else if !args.no_awscli {
        eprintln!("AWS CLI v1 not found at {} (pass --awscli PATH): measuring cognito-idp only", awscli.display());
    }

    let success = serve(
        "200 OK",
        r#"{"CodeDeliveryDetails":{"Destination":"j***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
    )?;
    let failure = serve("400 Bad Request", r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#)?;
    let base = ["resend-confirmation-code", "--client-id", "1example23456789", "--username", "jane"];
    let with_endpoint = |url: &str| {
        let mut args: Vec<String> = base.iter().map(|s| (*s).to_owned()).collect();
        args.extend(["--endpoint-url".to_owned(), url.to_owned()]);
        args
    };
    let calls = [
        Call {
            name: "--generate-cli-skeleton",
            args: vec!["resend-confirmation-code".into(), "--generate-cli-skeleton".into()],
        },
        Call { name: "successful call", args: with_endpoint(&success) },
        Call { name: "service error", args: with_endpoint(&failure) },
    ];

    let sandbox = tempfile_dir()?;
    let mut results: Vec<Vec<Sample>> = Vec::new();
    for call in &calls {
        let mut samples: Vec<Sample> = programs.iter().map(|_| Sample { wall: Vec::new(), peak_kib: None }).collect();
        // A warm-up run of each, then alternate so that machine noise hits both alike.
        for program in &programs {
            time_once(program, call, &sandbox)?;
        }
        for _ in 0..args.runs {
            for (program, sample) in programs.iter().zip(&mut samples) {
                sample.wall.push(time_once(program, call, &sandbox)?);
            }
        }
        for (program, sample) in programs.iter().zip(&mut samples) {
            sample.peak_kib = peak_memory(program, call, &sandbox);
        }
        results.push(samples);
    }
    let _ = std::fs::remove_dir_all(&sandbox);

    println!("cognito-idp release binary: {:.2} MiB ({size} bytes)", size as f64 / 1_048_576.0);
    println!("{} timed runs per call and program, alternating; wall time median [p10–p90], peak RSS", args.runs);
    println!();
    for (call, samples) in calls.iter().zip(&results) {
        println!("{}:", call.name);
        for (program, sample) in programs.iter().zip(samples) {
            let (p10, median, p90) = spread(&sample.wall);
            let memory = sample.peak_kib.map_or("n/a".to_owned(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
            println!("  {:<12} {:>9} [{} – {}]  {memory}", program.name, ms(median), ms(p10), ms(p90));
        }
        if let [ours, reference] = samples.as_slice() {
            let ratio = spread(&reference.wall).1.as_secs_f64() / spread(&ours.wall).1.as_secs_f64().max(1e-9);
            let memory = match (ours.peak_kib, reference.peak_kib) {
                (Some(o), Some(r)) if o > 0 => format!(", {:.1}x less memory", r as f64 / o as f64),
                _ => String::new(),
            };
            println!("  cognito-idp is {ratio:.0}x faster (median){memory}");
        }
    }
    println!();
    report_targets(&results);
    Ok(())
}

/// The issue's targets, judged on this run.
fn report_targets(results: &[Vec<Sample>]) {
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    if let Some([skeleton, ..]) = results.first().map(Vec::as_slice) {
        let median = spread(&skeleton.wall).1;
        println!(
            "target: --generate-cli-skeleton under 3 ms: {} ({})",
            verdict(median < Duration::from_millis(3)),
            ms(median)
        );
    }
    if let Some([ours, reference]) = results.get(1).map(Vec::as_slice) {
        let ratio = spread(&reference.wall).1.as_secs_f64() / spread(&ours.wall).1.as_secs_f64().max(1e-9);
        println!(
            "target: successful call at least 100x faster than AWS CLI v1: {} ({ratio:.0}x)",
            verdict(ratio >= 100.0)
        );
        if let (Some(o), Some(r)) = (ours.peak_kib, reference.peak_kib) {
            println!(
                "target: peak memory under a fifth of AWS CLI v1's: {} ({:.1} vs {:.1} MiB)",
                verdict(o * 5 < r),
                o as f64 / 1024.0,
                r as f64 / 1024.0
            );
        }
    }
}

fn time_once(program: &Program, call: &Call, sandbox: &Path) -> Result<Duration> {
    let mut command = command(program, call, sandbox, None);
    let started = Instant::now();
    let status = command.status().with_context(|| format!("running {}", program.exe.display()))?;
    let elapsed = started.elapsed();
    if status.code().is_none() {
        bail!("{} was killed by a signal on the {} call", program.name, call.name);
    }
    Ok(elapsed)
}

/// Peak RSS in KiB from GNU time, the largest of three runs.
fn peak_memory(program: &Program, call: &Call, sandbox: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let mut peak = None;
    for _ in 0..3 {
        let mut command = command(program, call, sandbox, Some(time));
        let output = command.stderr(Stdio::piped()).output().ok()?;
        let text = String::from_utf8_lossy(&output.stderr);
        let kib: u64 = text.lines().last()?.trim().parse().ok()?;
        peak = Some(peak.map_or(kib, |p: u64| p.max(kib)));
    }
    peak
}

/// The call of `program` in the sandbox, or GNU time's `-f %M` around it with `wrapper`.
fn command(program: &Program, call: &Call, sandbox: &Path, wrapper: Option<&Path>) -> Command {
    let mut command = match wrapper {
        Some(time) => {
            let mut command = Command::new(time);
            command.args(["-f", "%M"]).arg(&program.exe);
            command
        }
        None => Command::new(&program.exe),
    };
    command
        .args(&program.leading)
        .args(&call.args)
        .env_clear()
        .envs(sandbox_env(sandbox))
        .current_dir(sandbox)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn sandbox_env(sandbox: &Path) -> Vec<(String, String)> {
    let dir = sandbox.display().to_string();
    vec![
        ("PATH".into(), std::env::var("PATH").unwrap_or_default()),
        ("HOME".into(), dir.clone()),
        ("AWS_CONFIG_FILE".into(), format!("{dir}/config")),
        ("AWS_SHARED_CREDENTIALS_FILE".into(), format!("{dir}/credentials")),
        ("AWS_DEFAULT_REGION".into(), "us-east-1".into()),
        ("AWS_EC2_METADATA_DISABLED".into(), "true".into()),
        ("LANG".into(), "C.UTF-8".into()),
    ]
}

fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("cognito-idp-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// A server on 127.0.0.1 that answers every request with `status` and the JSON `body`; returns its URL.
fn serve(status: &str, body: &str) -> Result<String> {
    let response: &'static [u8] = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: bench\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
    .leak();
    let listener = TcpListener::bind("127.0.0.1:0").context("binding the mock server")?;
    let url = format!("http://{}", listener.local_addr().context("mock server address")?);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buffer = vec![0u8; 65536];
                let mut received = Vec::new();
                // Read the head and a Content-Length body, then answer and close.
                loop {
                    let Ok(n) = stream.read(&mut buffer) else { return };
                    if n == 0 {
                        return;
                    }
                    received.extend_from_slice(&buffer[..n]);
                    if let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&received[..end]).to_ascii_lowercase();
                        let length = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        if received.len() >= end + 4 + length {
                            break;
                        }
                    }
                }
                let _ = stream.write_all(response);
            });
        }
    });
    Ok(url)
}

fn spread(samples: &[Duration]) -> (Duration, Duration, Duration) {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| {
        sorted.get(((sorted.len().saturating_sub(1)) as f64 * q).round() as usize).copied().unwrap_or_default()
    };
    (at(0.1), at(0.5), at(0.9))
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}
