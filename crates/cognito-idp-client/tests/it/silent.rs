//! Raw TCP servers for the transport's worst cases: one that accepts connections and never answers (or
//! closes them unanswered), and one whose listening queue is full, so that connections hang in the
//! kernel. Each counts the connections it accepted.

use std::io::Read;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server does with a connection.
#[derive(Clone, Copy, Debug)]
pub enum Behaviour {
    /// Reads the request and holds the connection open, never answering.
    Hang,
    /// Reads the request and closes the connection without answering.
    Close,
}

/// A server that never answers.
pub struct SilentServer {
    address: SocketAddr,
    /// The peers of the connections accepted, in order.
    accepted: Arc<Mutex<Vec<SocketAddr>>>,
    stop: Arc<AtomicBool>,
    held: Arc<Mutex<Vec<TcpStream>>>,
}

impl SilentServer {
    pub fn start(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        let (accepted, stop, held) = (Arc::default(), Arc::<AtomicBool>::default(), Arc::default());
        let server =
            Self { address, accepted: Arc::clone(&accepted), stop: Arc::clone(&stop), held: Arc::clone(&held) };
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                if let Ok(peer) = stream.peer_addr() {
                    accepted.lock().expect("lock").push(peer);
                }
                let held = Arc::clone(&held);
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                    let mut buffer = [0u8; 4096];
                    let _ = stream.read(&mut buffer);
                    if let Behaviour::Hang = behaviour {
                        held.lock().expect("lock").push(stream);
                    }
                });
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The connections accepted from clients so far. A marker connection, accepted after every
    /// connection made before it (the queue is first in, first out), tells when the count is complete;
    /// it is not counted, then or later.
    pub fn connections(&self) -> usize {
        let marker = TcpStream::connect(self.address).expect("marker connection");
        let marker = marker.local_addr().expect("marker address");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            {
                let mut accepted = self.accepted.lock().expect("lock");
                if let Some(at) = accepted.iter().position(|peer| *peer == marker) {
                    accepted.remove(at);
                    return accepted.len();
                }
            }
            assert!(Instant::now() < deadline, "the server did not accept the marker connection");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for SilentServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.address);
        self.held.lock().expect("lock").clear();
    }
}

/// A listener whose accept queue is full: new connections hang in the kernel until the client gives up.
pub struct FullQueue {
    address: SocketAddr,
    _listener: TcpListener,
    _fillers: Vec<TcpStream>,
}

impl FullQueue {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        let mut fillers = Vec::new();
        while let Ok(filler) = TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
            fillers.push(filler);
            assert!(fillers.len() < 10_000, "the listening queue never filled");
        }
        Self { address, _listener: listener, _fillers: fillers }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }
}
