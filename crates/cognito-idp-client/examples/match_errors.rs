//! Matching on the typed errors of `ResendConfirmationCode`: each modeled error is a variant of
//! `OperationError` with its generated type; any other code is `OperationError::Unknown`.
//!
//! ```sh
//! AWS_REGION=eu-west-1 cargo run -p cognito-idp-client --example match_errors -- CLIENT_ID USERNAME
//! ```

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{CognitoIdp, Error, OperationError};

/// What to tell a user for an outcome of the call.
fn advice(result: &Result<(), Error>) -> String {
    let Err(error) = result else { return "a new code is on its way".to_owned() };
    // The client stops retrying when its retry quota runs out: the service has been failing for a
    // while. The last attempt's error is inside, matched like any other.
    let busy = error.is_retry_quota_exhausted();
    let advice = match error.last_attempt() {
        Error::Service(error) => match &error.error {
            OperationError::UserNotFoundException(_) => "no such user in this app client".to_owned(),
            OperationError::InvalidParameterException(e) => {
                format!("the request was refused: {}", e.message.as_ref().map_or("no reason given", |m| m.as_str()))
            }
            OperationError::LimitExceededException(_) | OperationError::TooManyRequestsException(_) => {
                "too many codes asked for: try again later".to_owned()
            }
            OperationError::NotAuthorizedException(_) => "the app client needs a SecretHash".to_owned(),
            other if other.is_server_fault() => format!("Cognito failed ({}): try again", error.code()),
            _ => format!("Cognito refused it: {} (HTTP {})", error.code(), error.status),
        },
        // A timeout may still have sent the code: the client retried it unless told not to.
        other if other.is_timeout() => {
            "Cognito did not answer in time: check for a code before asking again".to_owned()
        }
        Error::Transport(e) => format!("Cognito could not be reached: {e}"),
        other => format!("the call failed: {other}"),
    };
    if busy { format!("{advice} (Cognito keeps failing: calls are no longer retried for now)") } else { advice }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [client_id, username] = args.as_slice() else {
        eprintln!("usage: match_errors CLIENT_ID USERNAME");
        return std::process::ExitCode::from(2);
    };
    let request = ResendConfirmationCodeRequest::builder().client_id(client_id.as_str()).username(username.as_str());
    let request: ResendConfirmationCodeRequest = match request.try_into() {
        Ok(request) => request,
        Err(e) => {
            eprintln!("error: invalid request: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let client = match CognitoIdp::from_env() {
        Ok(client) => client,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = client.resend_confirmation_code(request).await.map(|_| ());
    println!("{}", advice(&result));
    if result.is_ok() { std::process::ExitCode::SUCCESS } else { std::process::ExitCode::FAILURE }
}
