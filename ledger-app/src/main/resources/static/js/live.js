// Live updates: Server-Sent Events of /api/changes with the session cookie. EventSource retries by itself after a
// dropped connection; when the server refuses it (the stream closes for good) we open a new one with a back-off.
import { t } from './i18n.js';
import { getJson } from './api.js';

let source = null;
let retryDelay = 1000;

function indicate(state) {
  const live = document.getElementById('live');
  live.dataset.state = state;
  document.getElementById('live-text').dataset.i18n = state;
  document.getElementById('live-text').textContent = t(state);
}

/** onChanges receives the changes of a short burst at once; onResync runs after a reconnect (changes may be missed). */
export function connect(onChanges, onResync) {
  let pending = [];
  let timer = null;
  let connectedBefore = false;
  source = new EventSource('/api/changes', { withCredentials: true });
  source.addEventListener('ready', () => {
    indicate('live');
    retryDelay = 1000;
    if (connectedBefore) onResync();
    connectedBefore = true;
  });
  source.addEventListener('change', event => {
    pending.push(JSON.parse(event.data));
    clearTimeout(timer);
    // A write produces several events in quick succession: refresh once per burst.
    timer = setTimeout(() => { const batch = pending; pending = []; onChanges(batch); }, 250);
  });
  source.onerror = () => {
    indicate('reconnecting');
    if (source.readyState === EventSource.CLOSED) {
      source = null;
      // Refused rather than dropped: if the session ended, this read sends the page to the login.
      getJson('/api/summary').catch(() => {});
      setTimeout(() => connect(onChanges, onResync), retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    }
  };
  // Reopening by hand starts a new source: tell it to resync once it is ready.
  if (retryDelay > 1000) connectedBefore = true;
}
