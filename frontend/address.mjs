// The address fragment (#aanvraag=...) that holds the calculator's state: reading a request from it (or from an old
// ?aanvraag= link) and writing one into it. The fragment never reaches a server.

const KEY = "aanvraag";

// --- the address -----------------------------------------------------------------------------------------------

// The request in the address: the fragment (#aanvraag=), or an old ?aanvraag= link. Returns null when the address
// holds no request, {request, fromQuery} when it holds a JSON object, and {damaged: true} when it holds something the
// page cannot read: a link cut short by a mail program, bad percent-encoding, text that is not JSON, or JSON that is
// not an object (an array, a number). The page then says so and leaves the form empty.
export function requestFromAddress(location) {
  const fragment = rawParameter(location.hash.replace(/^#/, ""));
  const query = fragment === null ? rawParameter(location.search.replace(/^\?/, "")) : null;
  const raw = fragment ?? query;
  if (raw === null) return null;
  try {
    // decodeURIComponent, not URLSearchParams: it refuses a broken escape ("%E2%82", "%7") instead of reading it as
    // a replacement character, so a link cut in the middle of one is not taken for a valid request.
    const request = JSON.parse(decodeURIComponent(raw.replace(/\+/g, " ")));
    if (isObject(request)) return { request, fromQuery: fragment === null };
  } catch {
    // bad percent-encoding or not JSON: damaged
  }
  return { damaged: true };
}

// The raw (still percent-encoded) value of aanvraag= in a query or fragment string, or null when it is absent.
function rawParameter(text) {
  for (const part of text.split("&")) {
    const [name, ...value] = part.split("=");
    if (name === KEY) return value.join("=");
  }
  return null;
}

// The address with the request in the fragment and no ?aanvraag= query (the state never reaches a server).
export function addressFor(location, request) {
  const params = new URLSearchParams(location.search);
  params.delete(KEY);
  const query = params.toString();
  const fragment = new URLSearchParams({ [KEY]: JSON.stringify(request) }).toString();
  return `${location.pathname}${query ? `?${query}` : ""}#${fragment}`;
}

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
