"""`outletsim studio` started as a planner starts it, on a free port, and stopped with SIGINT."""
import json
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request


class StudioServer:
    def __init__(self, outletsim, path, *arguments):
        self.process = subprocess.Popen([str(outletsim), "studio", str(path), "--port", "0", *arguments],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"(http://\S+)", line)
        if not found:
            self.process.kill()
            raise AssertionError(f"the studio printed no address: {line!r} {self.process.stderr.read()!r}")
        self.url = found.group(1)
        self.base = self.url.split("?")[0]

    def request(self, method, route, body=None, raw=None, headers=None, timeout=60):
        """(status, JSON or text) of one request; errors come back as their status, not raised."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + route.lstrip("/"), data=data, method=method, headers=headers or {})
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def stop(self):
        """SIGINT, as Ctrl-C: the server must end by itself within 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise AssertionError("the studio did not stop within 10 s of SIGINT")
        return self.process.returncode

    def alive(self):
        return self.process.poll() is None
