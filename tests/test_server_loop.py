"""The app's server sends each message at once. Streamlit runs its server on uvloop when it is
installed (requirements.txt), and uvloop switches off Nagle's algorithm (TCP_NODELAY) on every
connection, also on a listening socket made the way Streamlit makes its own (protocol 0), where
asyncio's own loop leaves it on: each run's later messages then waited for the browser's or
nginx's delayed acknowledgement, up to 40 ms a run (docs/performance.md)."""

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

import uvloop


def nagle_off_on_accepted_connections(new_loop) -> bool:
    async def accept_one() -> bool:
        loop = asyncio.get_running_loop()
        listener = socket.socket(family=socket.AF_INET)  # as Streamlit binds it: protocol 0
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        accepted = loop.create_future()

        class Server(asyncio.Protocol):
            def connection_made(self, transport):
                tcp = transport.get_extra_info("socket")
                accepted.set_result(tcp.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)

        server = await loop.create_server(Server, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        try:
            return await asyncio.wait_for(accepted, 5)
        finally:
            writer.close()
            server.close()

    def run() -> bool:
        with asyncio.Runner(loop_factory=new_loop) as runner:
            return runner.run(accept_one())

    # In a thread of its own: a browser test earlier in the same worker may have left Playwright's
    # loop running in this one, and a second loop cannot run in a thread that has one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(run).result()


def test_the_server_loop_sends_each_message_at_once():
    assert nagle_off_on_accepted_connections(uvloop.new_event_loop)
