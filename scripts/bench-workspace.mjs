// Builds a valid Two Hats workspace of a given size, as the localStorage keys the app
// reads (see src/storage/format.rs and src/model/workspace.rs). Used by scripts/bench.mjs.
//
// One product with N items, N/20 features spread over 10 themes, 4 objectives (2 key
// results each) and 6 sprints (2 finished, 1 active, 3 planned). Fields are written in
// the order serde writes them, with every field present, so the stored size is close to
// what the app itself writes when it saves.
//
// Search probe: only items whose number is ≡ 3 (mod 10) carry the word "zone" in their
// title, and no other searchable text holds a "z", so typing "z" into the backlog search
// keeps exactly 10% of the rows.

export const PRODUCT_ID = 'p-bench';
export const SEARCH_CHAR = 'z';

const VERBS = ['Show', 'Export', 'Import', 'Filter', 'Sort', 'Edit', 'Share', 'Archive', 'Preview', 'Sync', 'Print', 'Rename'];
const OBJECTS = ['trail report', 'route map', 'weather panel', 'campsite list', 'permit form', 'ranger notes',
  'photo album', 'elevation chart', 'gear checklist', 'closure notice', 'water sources', 'parking status'];
const KINDS = ['story', 'story', 'story', 'story', 'story', 'story', 'task', 'task', 'bug', 'spike'];
const PRIORITIES = ['must', 'should', 'could', 'wont', null];
const FIB = [1, 2, 3, 5, 8, 13, 1];
const COLOURS = ['#1f5fc4', '#c4471f', '#2e8b57', '#8a4fbf', '#d4a017', '#17a2b8', '#b8175e', '#5d6d7e', '#6b8e23', '#e67e22'];
const HORIZONS = ['now', 'next', 'later'];
const FEATURE_STATUS = ['idea', 'planned', 'in_progress', 'done', 'at_risk'];

const pad = (n, w = 2) => String(n).padStart(w, '0');
const isoDay = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addMonths = (year, month0, k) => {
  const i = year * 12 + month0 + k;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
};

/** The workspace for `n` items, dated around `today` (a Date). */
export function buildWorkspace(n, today = new Date()) {
  const t0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const day = (offset) => isoDay(new Date(t0 + offset * 86_400_000));
  const [y, m0] = [today.getUTCFullYear(), today.getUTCMonth()];

  const objectives = Array.from({ length: 4 }, (_, k) => ({
    id: `o-${k}`,
    title: `Objective ${k + 1}: grow weekly active hikers`,
    key_results: [0, 1].map((j) => ({
      id: `kr-${k}-${j}`,
      title: `Key result ${k + 1}.${j + 1}`,
      start: 0,
      target: 100,
      current: 10 * (k + j + 1),
      unit: '%',
    })),
  }));
  const themes = Array.from({ length: 10 }, (_, k) => ({
    id: `t-${k}`,
    name: `Theme ${k + 1}`,
    description: `Everything about area ${k + 1} of the product.`,
    colour: COLOURS[k],
    objective: `o-${k % 4}`,
  }));
  const nf = Math.max(1, Math.floor(n / 20));
  const features = Array.from({ length: nf }, (_, k) => {
    const start = (k % 8) - 2;
    return {
      id: `f-${k}`,
      title: `Feature ${k + 1}: ${OBJECTS[k % OBJECTS.length]} ${VERBS[k % VERBS.length].toLowerCase()}`,
      description: 'A feature of the benchmark product.',
      theme: `t-${k % 10}`,
      horizon: HORIZONS[k % 3],
      start: addMonths(y, m0, start),
      end: addMonths(y, m0, start + 1 + (k % 3)),
      status: FEATURE_STATUS[k % 5],
      value: 1 + (k % 10),
      effort: 1 + ((k * 7) % 10),
      release: null,
    };
  });
  const sprints = Array.from({ length: 6 }, (_, k) => ({
    id: `s-${k}`,
    name: `Sprint ${k + 1}`,
    goal: `Goal of sprint ${k + 1}`,
    start: day(-28 + 14 * k),
    end: day(-28 + 14 * k + 13),
    capacity: 30,
    state: k < 2 ? 'finished' : k === 2 ? 'active' : 'planned',
  }));

  const items = Array.from({ length: n }, (_, k) => {
    const kind = KINDS[k % KINDS.length];
    const obj = OBJECTS[(k * 5) % OBJECTS.length];
    const title = `${VERBS[k % VERBS.length]} ${obj}${k % 10 === 3 ? ' by zone' : ''} (#${k + 1})`;
    // The first 8 items per sprint: done in finished sprints, in progress in the active one,
    // planned in the later ones.
    const s = Math.floor(k / 8);
    const sprint = s < 6 ? `s-${s}` : null;
    const status = s < 2 ? 'done' : s === 2 && k % 2 === 0 ? 'in_progress' : 'todo';
    const acceptance = k % 3 === 0
      ? [1, 2].map((j) => ({ id: `c-${k}-${j}`, text: `Given a hiker, when step ${j} is done, then it shows`, done: status === 'done' }))
      : [];
    const full = k % 4 === 0;
    return {
      id: `i-${k}`,
      kind,
      title,
      description: k % 3 === 1 ? 'Details agreed in refinement; see the notes.' : '',
      story: kind === 'story'
        ? { as_a: 'hiker', i_want: `to ${title.charAt(0).toLowerCase()}${title.slice(1)}`, so_that: 'I can plan my day' }
        : { as_a: '', i_want: '', so_that: '' },
      acceptance,
      estimate: k % 5 === 4 ? null : FIB[k % FIB.length],
      priority: PRIORITIES[k % PRIORITIES.length],
      status,
      feature: k % 10 === 9 ? null : `f-${k % nf}`,
      sprint,
      scores: {
        value: full || k % 4 === 1 ? 1 + (k % 10) : null,
        effort: full || k % 4 === 1 ? 1 + ((k * 3) % 8) : null,
        business_value: full ? 1 + (k % 8) : null,
        time_criticality: full ? 1 + ((k * 3) % 8) : null,
        risk_reduction: full ? 1 + ((k * 5) % 8) : null,
        job_size: full ? 1 + ((k * 7) % 8) : null,
        reach: full ? 100 * (1 + (k % 9)) : null,
        impact: full ? 1 + (k % 3) : null,
        confidence: full ? 50 + (k % 50) : null,
      },
    };
  });

  const product = {
    id: PRODUCT_ID,
    name: `Bench ${n}`,
    vision: { for_whom: 'Day hikers', need: 'Plan a safe trip', product: 'Trailhead', differentiator: 'Works offline' },
    goal: 'Measure how the app copes with a large backlog',
    budget_note: '',
    objectives,
    themes,
    features,
    items,
    sprints,
    releases: [],
    definition_of_ready: ['has_acceptance_criteria', 'is_estimated', 'has_parent_feature'],
  };
  return toStorage(product);
}

/** The chunk an item is stored in: FNV-1a (32-bit) of its id, mod 32 (src/storage/chunks.rs). */
function chunkOf(id) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(id, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 32;
}

/** An item as the app writes it: empty fields left out (docs/schema.md). */
function compact(item) {
  const out = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'story' || k === 'scores') {
      const inner = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== ''));
      if (Object.keys(inner).length) out[k] = inner;
      continue;
    }
    if (k === 'acceptance') {
      out[k] = v.map((c) => (c.done ? c : { id: c.id, text: c.text }));
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** The localStorage keys of storage version 3 (docs/storage.md) holding one product. */
function toStorage(product) {
  const { items, ...core } = product;
  const chunks = Array.from({ length: 32 }, () => []);
  for (const it of items) chunks[chunkOf(it.id)].push(compact(it));
  const meta = {
    format: 'twohats',
    version: 3,
    portfolio: { name: 'Bench portfolio', links: [] },
    roles: 'separate',
    products: [{ id: PRODUCT_ID, rev: 1, chunks: chunks.map((c) => (c.length ? 1 : 0)) }],
  };
  const keys = {
    'twohats.meta': JSON.stringify(meta),
    [`twohats.product.${PRODUCT_ID}.1`]: JSON.stringify({
      format: 'twohats', version: 3, rev: 1, product: core, order: items.map((it) => it.id),
    }),
  };
  chunks.forEach((c, n) => {
    if (c.length) {
      keys[`twohats.items.${PRODUCT_ID}.${n}.1`] = JSON.stringify({
        format: 'twohats', version: 3, rev: 1, product: PRODUCT_ID, chunk: n, items: c,
      });
    }
  });
  return keys;
}
