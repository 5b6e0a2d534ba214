"""Mail servers on the loopback for the fault tests: a real SMTP sink (aiosmtpd), one that
refuses (stopped), one that accepts connections and never answers, and a trap that holds
one message's DATA until told (so a worker can be killed mid-send)."""

import socket
import threading
import time
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content)
        record = {
            "message_id": message["Message-ID"],
            "to": list(envelope.rcpt_tos),
            "subject": message["Subject"],
            "peer": session.peer,  # the client's address and port: one per connection
        }
        trap = self.sink.trap
        if trap is not None and trap(record):
            self.sink.trapped.set()
            # Hold the reply: the client is mid-send. Killed meanwhile, it never hears "250".
            while not self.sink.release.wait(0.05):
                pass
            return "451 try again later"
        with self.sink.lock:
            self.sink.messages.append(record)
        return "250 OK"


class SmtpSink:
    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []
        self.lock = threading.Lock()
        self.controller = None
        self.trap = None
        self.trapped = threading.Event()
        self.release = threading.Event()

    def start(self):
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        """Close the port: connections are refused until start() again."""
        if self.controller is not None:
            self.release.set()
            self.controller.stop()
            self.controller = None

    def message_ids(self):
        with self.lock:
            return [m["message_id"] for m in self.messages]

    def connections(self):
        with self.lock:
            return len({m["peer"] for m in self.messages})

    def wait_for(self, count, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.message_ids()) >= count:
                return True
            time.sleep(0.1)
        return False


class HangingServer:
    """Accepts connections and never says a word (no SMTP greeting)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        self.sock.settimeout(0.2)
        while self.running:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                continue
            self.held.append(conn)

    def close(self):
        self.running = False
        self.thread.join()
        for conn in self.held:
            conn.close()
        self.sock.close()
