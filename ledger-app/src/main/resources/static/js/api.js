// Reads of the ledger's query API with the browser's session cookie. A lost session sends the page to the login.

export class HttpError extends Error {
  constructor(status, detail) {
    super(`HTTP ${status}${detail ? ': ' + detail : ''}`);
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  });
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new HttpError(401);
  }
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch (ignored) { /* not problem+json */ }
    throw new HttpError(response.status, detail);
  }
  return response.json();
}

/** yuan as a number of 亿元 (10^8 yuan) for chart axes; the exact figure is always shown from the API's text. */
export function yi(amount) {
  return amount ? Number(amount.yuan) / 1e8 : 0;
}

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null) return;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value);
  });
  children.flat().forEach(child => {
    if (child === null || child === undefined) return;
    element.append(child instanceof Node ? child : String(child));
  });
  return element;
}
