//! Settings as AWS CLI v1 resolves them: the config and credentials files, the profile, the region and
//! the endpoint.
//!
//! The files are INI as Python's `configparser.RawConfigParser` reads them (botocore's
//! `raw_config_parse`): `[section]` headers, `key = value` or `key: value`, keys lowercased, `#` and `;`
//! comment lines, indented continuation lines (botocore turns a value that starts on the next line into a
//! nested section), `[DEFAULT]` values inherited by every section, and duplicate sections or keys refused.
//! Profiles are `[default]` and `[profile NAME]` in the config file and `[NAME]` in the credentials file,
//! whose keys are merged over the config file's.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// The process environment, captured once so that resolution is a pure function of it.
pub type Env = HashMap<String, String>;

/// The service's identifier as configuration spells it (`AWS_ENDPOINT_URL_<ID>`, `[services]` keys).
const SERVICE_CONFIG_ID: &str = "cognito_identity_provider";

/// An error that ends the command with exit code 255.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// `--profile` (or its variables) names a profile neither file has.
    ProfileNotFound(String),
    /// A config file does not parse.
    Parse {
        /// The file.
        path: String,
        /// What is wrong.
        detail: String,
    },
    /// No region anywhere.
    NoRegion,
    /// The region is not a valid host label.
    BadRegion(String),
    /// The endpoint URL is not a valid URL with a host.
    InvalidEndpoint(String),
    /// The profile's `services` names a section that does not exist.
    MissingServicesSection(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::ProfileNotFound(p) => write!(f, "The config profile ({p}) could not be found"),
            // AWS CLI v1 prints a Python traceback here; we say what is wrong instead.
            ConfigError::Parse { path, detail } => write!(f, "Unable to parse config file: {path}: {detail}"),
            ConfigError::NoRegion => f.write_str(
                "You must specify a region. You can also configure your region by running \"aws configure\".",
            ),
            ConfigError::BadRegion(r) => write!(f, "Provided region_name '{r}' doesn't match a supported format."),
            ConfigError::InvalidEndpoint(url) => write!(f, "Invalid endpoint: {url}"),
            ConfigError::MissingServicesSection(name) => write!(
                f,
                "The profile is configured to use the services section but the \"{name}\" services configuration does not exist."
            ),
        }
    }
}

impl ConfigError {
    /// The exact stderr text: AWS CLI v1 frames most errors with newlines, the missing region without.
    pub fn render(&self) -> String {
        match self {
            ConfigError::NoRegion => format!("{self}\n"),
            _ => format!("\n{self}\n"),
        }
    }
}

/// One section of an INI file: keys in file order, values a string or a nested map.
pub type Section = Map<String, Value>;

/// Options of one section while reading: key and value lines (continuations appended).
type RawOptions = Vec<(String, Vec<String>)>;

/// Parses INI text as `configparser.RawConfigParser` does, with botocore's nested sections.
pub fn parse_ini(text: &str, path: &str) -> Result<Vec<(String, Section)>, ConfigError> {
    let error =
        |line: usize, what: &str| ConfigError::Parse { path: path.to_owned(), detail: format!("line {line}: {what}") };
    let mut sections: Vec<(String, RawOptions)> = Vec::new();
    let mut defaults: RawOptions = Vec::new();
    // Where options go now: None before any header, Some(None) for DEFAULT, Some(Some(i)) for sections[i].
    let mut current: Option<Option<usize>> = None;
    let mut seen_sections: Vec<String> = Vec::new();
    let mut option: Option<String> = None;
    let mut indent_level = 0usize;
    let mut bad_lines = Vec::new();

    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let lineno = index + 1;
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let stripped = line.trim();
        let is_comment = stripped.starts_with('#') || stripped.starts_with(';');
        if stripped.is_empty() || is_comment {
            if !is_comment && let (Some(target), Some(name)) = (current, option.as_ref()) {
                let options = match target {
                    None => &mut defaults,
                    Some(i) => match sections.get_mut(i) {
                        Some(section) => &mut section.1,
                        None => continue,
                    },
                };
                if let Some((_, values)) = options.iter_mut().find(|(k, _)| k == name) {
                    values.push(String::new());
                }
            }
            continue;
        }
        let cur_indent = line.len() - line.trim_start().len();
        let options = match current {
            None => None,
            Some(None) => Some(&mut defaults),
            Some(Some(i)) => sections.get_mut(i).map(|s| &mut s.1),
        };
        if let (Some(options), Some(name)) = (options, option.as_ref())
            && cur_indent > indent_level
        {
            if let Some((_, values)) = options.iter_mut().find(|(k, _)| k == name) {
                values.push(stripped.to_owned());
            }
            continue;
        }
        indent_level = cur_indent;
        if let Some(header) = section_header(stripped) {
            if header == "DEFAULT" {
                current = Some(None);
            } else if let Some(position) = sections.iter().position(|(name, _)| *name == header) {
                if seen_sections.contains(&header) {
                    return Err(error(lineno, &format!("section {header:?} already exists")));
                }
                current = Some(Some(position));
            } else {
                sections.push((header.clone(), Vec::new()));
                current = Some(Some(sections.len() - 1));
            }
            seen_sections.push(header);
            option = None;
            continue;
        }
        let Some(target) = current else {
            return Err(error(lineno, "file contains no section headers"));
        };
        let Some(delimiter) = stripped.find(['=', ':']) else {
            bad_lines.push(lineno);
            continue;
        };
        let name = stripped[..delimiter].trim_end().to_lowercase();
        if name.is_empty() {
            bad_lines.push(lineno);
            continue;
        }
        let value = stripped[delimiter + 1..].trim().to_owned();
        let options = match target {
            None => &mut defaults,
            Some(i) => match sections.get_mut(i) {
                Some(section) => &mut section.1,
                None => continue,
            },
        };
        if options.iter().any(|(k, _)| *k == name) {
            return Err(error(lineno, &format!("option {name:?} already exists")));
        }
        options.push((name.clone(), vec![value]));
        option = Some(name);
    }
    if !bad_lines.is_empty() {
        let lines: Vec<String> = bad_lines.iter().map(ToString::to_string).collect();
        return Err(error(bad_lines[0], &format!("lines without a key and value: {}", lines.join(", "))));
    }

    let join = |values: &[String]| values.join("\n").trim_end().to_owned();
    let mut out = Vec::new();
    for (name, options) in &sections {
        let mut section = Section::new();
        let inherited = defaults.iter().filter(|(k, _)| !options.iter().any(|(o, _)| o == k));
        for (key, values) in options.iter().chain(inherited) {
            let value = join(values);
            let value = if value.starts_with('\n') {
                Value::Object(parse_nested(&value).map_err(|detail| error(0, &detail))?)
            } else {
                Value::String(value)
            };
            section.insert(key.clone(), value);
        }
        out.push((name.clone(), section));
    }
    Ok(out)
}

/// `[name]` → `name`: the header runs to the last `]` of the line, as configparser's SECTCRE matches.
fn section_header(line: &str) -> Option<String> {
    let rest = line.strip_prefix('[')?;
    let end = rest.rfind(']')?;
    (end > 0).then(|| rest[..end].to_owned())
}

/// botocore's `_parse_nested`: `key = value` lines of an indented block.
fn parse_nested(value: &str) -> Result<Section, String> {
    let mut nested = Section::new();
    for line in value.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("nested line {line:?} has no '=' (not enough values to unpack)"))?;
        nested.insert(key.trim().to_owned(), Value::String(value.trim().to_owned()));
    }
    Ok(nested)
}

/// The loaded configuration: profiles (config file merged with credentials file) and `[services X]`.
#[derive(Clone, Debug, Default)]
pub struct Config {
    profiles: Vec<(String, Section)>,
    services: Vec<(String, Section)>,
}

impl Config {
    /// Loads `AWS_CONFIG_FILE` (default `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE`
    /// (default `~/.aws/credentials`); a file that does not exist is empty.
    pub fn load(env: &Env) -> Result<Self, ConfigError> {
        let config_path = env.get("AWS_CONFIG_FILE").map_or("~/.aws/config", String::as_str);
        let credentials_path = env.get("AWS_SHARED_CREDENTIALS_FILE").map_or("~/.aws/credentials", String::as_str);
        Ok(Self::from_sections(
            read_ini(&expand_path(config_path, env))?,
            read_ini(&expand_path(credentials_path, env))?,
        ))
    }

    /// Builds a configuration from INI texts of a config file and a credentials file.
    #[cfg(test)]
    pub fn from_texts(config: &str, credentials: &str) -> Result<Self, ConfigError> {
        Ok(Self::from_sections(parse_ini(config, "config")?, parse_ini(credentials, "credentials")?))
    }

    fn from_sections(config_sections: Vec<(String, Section)>, credential_sections: Vec<(String, Section)>) -> Self {
        let mut config = Config::default();
        for (name, section) in config_sections {
            if name == "default" {
                merge_into(&mut config.profiles, name, section);
            } else if name.starts_with("profile") {
                if let Some(profile) = second_word(&name) {
                    merge_into(&mut config.profiles, profile, section);
                }
            } else if name.starts_with("services")
                && let Some(services) = second_word(&name)
            {
                merge_into(&mut config.services, services, section);
            }
        }
        for (name, section) in credential_sections {
            match config.profiles.iter_mut().find(|(p, _)| *p == name) {
                Some((_, existing)) => existing.extend(section),
                None => config.profiles.push((name, section)),
            }
        }
        config
    }

    /// The settings of `profile`: an unknown profile is an error, except `default`, which is empty.
    pub fn scoped(&self, profile: &str) -> Result<Section, ConfigError> {
        match self.profiles.iter().find(|(p, _)| p == profile) {
            Some((_, section)) => Ok(section.clone()),
            None if profile == "default" => Ok(Section::new()),
            None => Err(ConfigError::ProfileNotFound(profile.to_owned())),
        }
    }

    fn services(&self, name: &str) -> Option<&Section> {
        self.services.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }
}

fn merge_into(profiles: &mut Vec<(String, Section)>, name: String, section: Section) {
    match profiles.iter_mut().find(|(p, _)| *p == name) {
        Some((_, existing)) => *existing = section,
        None => profiles.push((name, section)),
    }
}

/// `profile "my name"` → `my name`: botocore splits the header like a shell and wants exactly two words.
fn second_word(header: &str) -> Option<String> {
    let words = shell_words(header)?;
    match words.as_slice() {
        [_, second] => Some(second.clone()),
        _ => None,
    }
}

/// A small `shlex.split`: whitespace-separated words, with `'...'`, `"..."` and backslash escapes.
fn shell_words(text: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => word.push(c),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            c @ ('"' | '\\' | '$' | '`') => word.push(c),
                            c => {
                                word.push('\\');
                                word.push(c);
                            }
                        },
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.push(chars.next()?);
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

fn read_ini(path: &Path) -> Result<Vec<(String, Section)>, ConfigError> {
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| ConfigError::Parse { path: shown.clone(), detail: format!("cannot read it: {e}") })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| ConfigError::Parse { path: shown.clone(), detail: format!("not UTF-8: {e}") })?;
    parse_ini(&text, &shown)
}

/// `os.path.expanduser(os.path.expandvars(path))`.
pub fn expand_path(path: &str, env: &Env) -> PathBuf {
    let expanded = expand_vars(path, env);
    match expanded.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => match env.get("HOME") {
            Some(home) => PathBuf::from(format!("{home}{rest}")),
            None => PathBuf::from(expanded),
        },
        _ => PathBuf::from(expanded),
    }
}

/// `os.path.expandvars`: `$NAME` and `${NAME}` of defined variables; anything else stays.
fn expand_vars(text: &str, env: &Env) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        let (name, consumed) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                None => ("", 0),
            }
        } else {
            let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
            (&after[..end], end)
        };
        match env.get(name).filter(|_| !name.is_empty()) {
            Some(value) => {
                out.push_str(value);
                rest = &after[consumed..];
            }
            None => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The profile in effect: `--profile`, else `AWS_DEFAULT_PROFILE`, else `AWS_PROFILE`, else `default`.
pub fn profile_name(flag: Option<&str>, env: &Env) -> String {
    flag.map(str::to_owned)
        .or_else(|| env.get("AWS_DEFAULT_PROFILE").cloned())
        .or_else(|| env.get("AWS_PROFILE").cloned())
        .unwrap_or_else(|| "default".to_owned())
}

/// Settings resolved as botocore resolves them — a flag, else an environment variable, else the
/// profile — with the files read once, and only when a value is not settled before them (or to check that
/// a profile named by `--profile` or the environment exists), as botocore's lazy session does.
pub struct Settings<'a> {
    env: &'a Env,
    profile: String,
    named: bool,
    files: std::cell::OnceCell<Result<(Config, Section), ConfigError>>,
}

impl fmt::Debug for Settings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings").field("profile", &self.profile).field("loaded", &self.loaded()).finish()
    }
}

impl<'a> Settings<'a> {
    /// Settings for the profile of `--profile` (or the environment), reading the files on demand.
    pub fn new(profile_flag: Option<&str>, env: &'a Env) -> Self {
        let named =
            profile_flag.is_some() || env.contains_key("AWS_DEFAULT_PROFILE") || env.contains_key("AWS_PROFILE");
        Self { env, profile: profile_name(profile_flag, env), named, files: std::cell::OnceCell::new() }
    }

    /// Settings over an already loaded configuration (for tests and callers that read the files).
    #[cfg(test)]
    pub fn with_config(profile_flag: Option<&str>, env: &'a Env, config: Config) -> Self {
        let settings = Self::new(profile_flag, env);
        let scoped = config.scoped(&settings.profile).map(|scoped| (config, scoped));
        let _ = settings.files.set(scoped);
        settings
    }

    /// The environment.
    pub fn env(&self) -> &'a Env {
        self.env
    }

    /// Whether the files have been read.
    pub fn loaded(&self) -> bool {
        self.files.get().is_some()
    }

    fn files(&self) -> Result<&(Config, Section), ConfigError> {
        self.files
            .get_or_init(|| {
                let config = Config::load(self.env)?;
                let scoped = config.scoped(&self.profile)?;
                Ok((config, scoped))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Fails when a profile named by `--profile` or the environment does not exist. The `default`
    /// profile may be absent, so nothing is read for it.
    pub fn check_profile(&self) -> Result<(), ConfigError> {
        if self.named { self.files().map(|_| ()) } else { Ok(()) }
    }

    /// The environment variable `var` if set, else the profile's `key`.
    pub fn setting(&self, var: Option<&str>, key: &str) -> Result<Option<String>, ConfigError> {
        if let Some(value) = var.and_then(|v| self.env.get(v)) {
            return Ok(Some(value.clone()));
        }
        self.profile_value(key)
    }

    /// The profile's `key`, as text.
    pub fn profile_value(&self, key: &str) -> Result<Option<String>, ConfigError> {
        Ok(self.files()?.1.get(key).and_then(Value::as_str).map(str::to_owned))
    }

    /// The region: `--region`, else `AWS_DEFAULT_REGION`, else the profile's `region`; validated as
    /// botocore validates region names. AWS CLI v1 ignores `AWS_REGION`, and so do we.
    pub fn region(&self, flag: Option<&str>) -> Result<String, ConfigError> {
        let region = match flag {
            Some(region) => Some(region.to_owned()),
            None => self.setting(Some("AWS_DEFAULT_REGION"), "region")?,
        };
        let region = region.filter(|r| !r.is_empty()).ok_or(ConfigError::NoRegion)?;
        if valid_region(&region) { Ok(region) } else { Err(ConfigError::BadRegion(region)) }
    }

    /// The endpoint: `--endpoint-url`, else (unless configured endpoints are ignored)
    /// `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, `AWS_ENDPOINT_URL`, the profile's `services`
    /// section, the profile's `endpoint_url`; else the regional endpoint of `region`. Checked as botocore
    /// checks endpoints.
    pub fn endpoint(&self, flag: Option<&str>, region: &str) -> Result<String, ConfigError> {
        let url = match flag {
            Some(url) => Some(url.to_owned()),
            None => self.configured_endpoint()?,
        };
        let Some(url) = url else { return Ok(cognito_idp_client::endpoint_for_region(region)) };
        if valid_endpoint(&url) { Ok(url) } else { Err(ConfigError::InvalidEndpoint(url)) }
    }

    fn configured_endpoint(&self) -> Result<Option<String>, ConfigError> {
        let ignore = self.setting(Some("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "ignore_configured_endpoint_urls")?;
        if ignore.is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return Ok(None);
        }
        let service_var = format!("AWS_ENDPOINT_URL_{}", SERVICE_CONFIG_ID.to_uppercase());
        for var in [service_var.as_str(), "AWS_ENDPOINT_URL"] {
            if let Some(url) = self.env.get(var).filter(|v| !v.is_empty()) {
                return Ok(Some(url.clone()));
            }
        }
        let (config, scoped) = self.files()?;
        if let Some(name) = scoped.get("services").and_then(Value::as_str) {
            let services = config.services(name).ok_or_else(|| ConfigError::MissingServicesSection(name.to_owned()))?;
            let url = services.get(SERVICE_CONFIG_ID).and_then(|s| s.get("endpoint_url")).and_then(Value::as_str);
            if let Some(url) = url {
                return Ok(Some(url.to_owned()));
            }
        }
        Ok(scoped.get("endpoint_url").and_then(Value::as_str).map(str::to_owned))
    }
}

/// `^[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?$`.
fn valid_region(region: &str) -> bool {
    let bytes = region.as_bytes();
    let alnum = |b: &u8| b.is_ascii_alphanumeric();
    match bytes {
        [] => false,
        [only] => alnum(only),
        [first, middle @ .., last] => {
            bytes.len() <= 63 && alnum(first) && alnum(last) && middle.iter().all(|b| alnum(b) || *b == b'-')
        }
    }
}

/// The scheme of a URL as `urllib.parse.urlparse` finds it: letters, digits, `+-.`, starting with a
/// letter, before the first `:`.
fn url_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))).then_some(scheme)
}

/// botocore's `is_valid_endpoint_url` (host labels of letters, digits and inner hyphens) or
/// `is_valid_ipv6_endpoint_url` (a bracketed IPv6 literal).
fn valid_endpoint(url: &str) -> bool {
    let Some(scheme) = url_scheme(url) else { return false };
    let rest = &url[scheme.len() + 1..];
    let Some(authority) = rest.strip_prefix("//") else { return false };
    let authority = authority.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split_once(']').is_some_and(|(addr, _)| addr.parse::<std::net::Ipv6Addr>().is_ok());
    }
    let host = host_port.split(':').next().unwrap_or_default();
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host.len() <= 255
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn profiles_come_from_default_and_profile_sections_with_lowercased_keys() {
        let config = Config::from_texts(
            "[default]\nRegion = eu-west-1\n# comment\n[profile p1]\nregion: ap-south-1\n[profile \"two words\"]\nregion=x\n[profileX]\nregion=y\n",
            "",
        )
        .expect("parses");
        assert_eq!(config.scoped("default").expect("default")["region"], "eu-west-1");
        assert_eq!(config.scoped("p1").expect("p1")["region"], "ap-south-1");
        assert_eq!(config.scoped("two words").expect("quoted")["region"], "x");
        assert_eq!(config.scoped("profileX"), Err(ConfigError::ProfileNotFound("profileX".into())));
    }

    #[test]
    fn a_missing_default_profile_is_empty_and_other_missing_profiles_are_errors() {
        let config = Config::default();
        assert!(config.scoped("default").expect("empty").is_empty());
        assert_eq!(
            config.scoped("nope").expect_err("missing").render(),
            "\nThe config profile (nope) could not be found\n"
        );
    }

    #[test]
    fn credentials_file_profiles_merge_over_config_profiles() {
        let config =
            Config::from_texts("[profile a]\nregion = r1\noutput = text\n", "[a]\nregion = r2\n[b]\nregion = r3\n")
                .expect("parses");
        let a = config.scoped("a").expect("a");
        assert_eq!((a["region"].as_str(), a["output"].as_str()), (Some("r2"), Some("text")));
        assert_eq!(config.scoped("b").expect("b")["region"], "r3");
    }

    #[test]
    fn indented_blocks_become_nested_sections_and_continuations_join() {
        let sections =
            parse_ini("[default]\ns3 =\n  addressing_style = path\n  x = y\nlong = a\n  b\n", "f").expect("parses");
        let section = &sections[0].1;
        assert_eq!(section["s3"]["addressing_style"], "path");
        assert_eq!(section["long"], "a\nb");
    }

    #[test]
    fn default_section_values_are_inherited() {
        let sections = parse_ini("[DEFAULT]\nregion = d\n[default]\noutput = json\n", "f").expect("parses");
        assert_eq!(sections[0].1["region"], "d");
    }

    #[test]
    fn malformed_files_are_errors_not_crashes() {
        assert!(matches!(parse_ini("junk\n[default]\n", "f"), Err(ConfigError::Parse { .. })));
        assert!(matches!(parse_ini("[a]\nx=1\nx=2\n", "f"), Err(ConfigError::Parse { .. })));
        assert!(matches!(parse_ini("[a]\n[a]\n", "f"), Err(ConfigError::Parse { .. })));
        assert!(matches!(parse_ini("[a]\nnovalue\n", "f"), Err(ConfigError::Parse { .. })));
    }

    #[test]
    fn the_profile_flag_beats_aws_default_profile_which_beats_aws_profile() {
        let both = env(&[("AWS_DEFAULT_PROFILE", "d"), ("AWS_PROFILE", "p")]);
        assert_eq!(profile_name(Some("f"), &both), "f");
        assert_eq!(profile_name(None, &both), "d");
        assert_eq!(profile_name(None, &env(&[("AWS_PROFILE", "p")])), "p");
        assert_eq!(profile_name(None, &Env::new()), "default");
    }

    fn settings<'a>(config: &str, profile: Option<&str>, vars: &'a Env) -> Settings<'a> {
        Settings::with_config(profile, vars, Config::from_texts(config, "").expect("parses"))
    }

    #[test]
    fn region_order_is_flag_then_aws_default_region_then_profile_and_aws_region_is_ignored() {
        let profile = "[default]\nregion = from-profile\n";
        let vars = env(&[("AWS_DEFAULT_REGION", "from-env"), ("AWS_REGION", "ignored")]);
        assert_eq!(settings(profile, None, &vars).region(Some("us-west-2")).expect("flag"), "us-west-2");
        assert_eq!(settings(profile, None, &vars).region(None).expect("env"), "from-env");
        let aws_region = env(&[("AWS_REGION", "ignored")]);
        assert_eq!(settings(profile, None, &aws_region).region(None).expect("profile"), "from-profile");
        assert_eq!(settings("", None, &aws_region).region(None), Err(ConfigError::NoRegion));
    }

    #[test]
    fn region_names_are_validated() {
        let none = Env::new();
        assert_eq!(
            settings("", None, &none).region(Some("a b")).expect_err("bad").render(),
            "\nProvided region_name 'a b' doesn't match a supported format.\n"
        );
        assert!(settings("", None, &none).region(Some("-x")).is_err());
        assert!(settings("", None, &none).region(Some("x")).is_ok());
        assert_eq!(
            ConfigError::NoRegion.render(),
            "You must specify a region. You can also configure your region by running \"aws configure\".\n"
        );
    }

    #[test]
    fn endpoint_order_is_flag_service_variable_global_variable_services_section_profile() {
        let config = "[profile p]\nservices = s\nendpoint_url = http://profile\n[services s]\ncognito_identity_provider =\n  endpoint_url = http://services\n[profile q]\nendpoint_url = http://profile\n";
        let all = env(&[
            ("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://service-var"),
            ("AWS_ENDPOINT_URL", "http://global-var"),
        ]);
        let ep = |flag: Option<&str>, profile: &str, vars: &Env| {
            settings(config, Some(profile), vars).endpoint(flag, "us-east-1").expect("endpoint")
        };
        assert_eq!(ep(Some("http://flag"), "p", &all), "http://flag");
        assert_eq!(ep(None, "p", &all), "http://service-var");
        assert_eq!(ep(None, "p", &env(&[("AWS_ENDPOINT_URL", "http://global-var")])), "http://global-var");
        assert_eq!(ep(None, "p", &Env::new()), "http://services");
        assert_eq!(ep(None, "q", &Env::new()), "http://profile");
        let ignore = env(&[("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"), ("AWS_ENDPOINT_URL", "http://x")]);
        assert_eq!(
            settings(config, Some("q"), &ignore).endpoint(None, "cn-north-1").expect("default"),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn"
        );
    }

    #[test]
    fn the_files_are_read_only_when_a_value_is_not_settled_before_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config");
        std::fs::write(&path, "[default]\nregion = from-file\n").expect("write");
        let vars = env(&[("AWS_CONFIG_FILE", path.to_str().expect("utf-8")), ("HOME", "/nonexistent")]);
        let lazy = Settings::new(None, &vars);
        assert_eq!(lazy.region(Some("us-east-1")).expect("flag"), "us-east-1");
        assert_eq!(lazy.endpoint(Some("http://127.0.0.1:1"), "us-east-1").expect("flag"), "http://127.0.0.1:1");
        lazy.check_profile().expect("the default profile needs no check");
        assert!(!lazy.loaded(), "flags settled everything: nothing was read");
        assert_eq!(lazy.region(None).expect("file"), "from-file");
        assert!(lazy.loaded());
    }

    #[test]
    fn a_named_profile_is_checked_and_the_default_one_is_not() {
        let vars = env(&[("AWS_CONFIG_FILE", "/nonexistent/config"), ("HOME", "/nonexistent")]);
        assert_eq!(
            Settings::new(Some("nope"), &vars).check_profile(),
            Err(ConfigError::ProfileNotFound("nope".into()))
        );
        let from_env = env(&[("AWS_PROFILE", "gone"), ("AWS_CONFIG_FILE", "/nonexistent/config")]);
        assert!(Settings::new(None, &from_env).check_profile().is_err());
        assert!(Settings::new(None, &vars).check_profile().is_ok());
    }

    #[test]
    fn endpoints_need_a_valid_host() {
        for bad in ["http://", "http://-bad-.com", "http://a b", "ftp:x"] {
            assert!(!valid_endpoint(bad), "{bad}");
        }
        for good in [
            "http://127.0.0.1:8080/",
            "https://cognito-idp.us-east-1.amazonaws.com",
            "http://[::1]:80",
            "http://u@host.",
        ] {
            assert!(valid_endpoint(good), "{good}");
        }
    }

    #[test]
    fn paths_expand_variables_and_home() {
        let vars = env(&[("HOME", "/home/u"), ("X", "x1")]);
        assert_eq!(expand_path("~/.aws/config", &vars), PathBuf::from("/home/u/.aws/config"));
        assert_eq!(expand_path("$X/${X}/$UNSET", &vars), PathBuf::from("x1/x1/$UNSET"));
    }
}
