// Calls to the Hadath API of the same origin. When the server has a token, the browser's log-in prompt
// (HTTP Basic, the token as the password) makes the browser send it with these requests too.

export class ApiError extends Error {}

async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    throw new ApiError(`${response.status}: ${detail}`);
  }
  return body;
}

/** GET ``path`` with the query parameters of ``params`` that have a value. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "" && value !== false) query.set(name, String(value));
  }
  const suffix = query.toString() ? `?${query}` : "";
  return answer(await fetch(path + suffix, { headers: { Accept: "application/json" } }));
}

export async function postJSON(path, body) {
  return answer(
    await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    }),
  );
}
