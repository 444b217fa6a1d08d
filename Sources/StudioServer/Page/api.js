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
  cancel: (client) => request("POST", "/api/cancel", { client }),
  compare: (path, plans, client) => request("POST", "/api/compare", { path, plans, client }),
  save: (path, draft, file, write) => request("POST", "/api/save", { path, draft, file, write }),
};

// One id per open page: a newer edit from it supersedes its older ones.
export const clientId = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)).replace(/[^A-Za-z0-9-]/g, "");
