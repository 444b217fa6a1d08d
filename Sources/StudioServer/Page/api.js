// Requests to the studio's server. The token, when the server asks for one,
// comes from the page's own address and goes with every request.
const token = new URLSearchParams(location.search).get("token");

function headers(extra = {}) {
  return token ? { ...extra, "X-Studio-Token": token } : extra;
}

// The JSON answer and the status; a failure's body is JSON too.
async function request(method, path, body) {
  const init = { method, headers: headers(body ? { "Content-Type": "application/json" } : {}) };
  if (body) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  let json = null;
  try { json = await response.json(); } catch { json = { error: { message: `HTTP ${response.status}` } }; }
  return { status: response.status, json };
}

export const api = {
  scenarios: () => request("GET", "/api/scenarios"),
  outline: (path) => request("GET", `/api/outline?path=${encodeURIComponent(path)}`),
  evaluate: (path, draft, client) => request("POST", "/api/evaluate", { path, draft, client }),
  cancel: (client, work = "evaluation") => request("POST", "/api/cancel", { client, work }),
  // Streams the optimizer's events to `onEvent`; resolves when the stream ends.
  optimize: async (path, draft, limits, client, onEvent) => {
    const response = await fetch("/api/optimize", {
      method: "POST", headers: headers({ "Content-Type": "application/json" }),
      body: JSON.stringify({ path, draft, limits, client }),
    });
    if (!response.headers.get("Content-Type")?.startsWith("text/event-stream")) {
      let json = null;
      try { json = await response.json(); } catch { json = { error: { message: `HTTP ${response.status}` } }; }
      onEvent({ event: "failed", message: json.problems?.map((p) => `${p.key_path}: found ${p.found}; allowed: ${p.allowed}`).join("; ") ?? json.error?.message });
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split("\n")) if (line.startsWith("data: ")) onEvent(JSON.parse(line.slice(6)));
      }
    }
  },
  compare: (path, plans, client) => request("POST", "/api/compare", { path, plans, client }),
  replay: (path, draft, day, client) => request("POST", "/api/replay", { path, draft, day, client }),
  save: (path, draft, file, write) => request("POST", "/api/save", { path, draft, file, write }),
};

// One id per open page: a newer edit from it supersedes its older ones.
export const clientId = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)).replace(/[^A-Za-z0-9-]/g, "");
