// Filters change the count by exactly what the test works out from the feed itself; the
// reader's state lives in the URL (namespaced per tracker) and survives reload, back and
// forward; two trackers on one page keep their own state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { trackPageErrors } from "./harness.mjs";
import {
  setup,
  exampleFeeds,
  expectedMatches,
  waitForLoad,
  shownCount,
  areasOf,
  findingsOf,
  texts,
  textIn,
  fold,
  defaultSince,
  isOngoing,
} from "./fixtures/widget/support.mjs";

let site;
let feeds;
let page;
let errors;

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(5_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

const feedNamed = (name) => feeds.find((f) => f.name === name).feed;
let loads = 0;

/** A fresh document (never a hash-only navigation) showing `file` with the given query and hash. */
async function open(query, hash = "") {
  loads++;
  await page.goto(`${site.url}widget/one.html?${query}&load=${loads}${hash}`);
  await waitForLoad(page);
  return page.locator("action-plan-tracker").first();
}

/** The filter group of a checkbox's act (`toggle:status:complete`): its checkboxes are built once it is opened. */
const groupOf = (host, act) => host.locator(`details.apt-filter-group[data-group="${act.split(":")[1]}"]`);

/** Ticks or unticks a filter checkbox with the mouse, opening its group first if it is closed. */
async function clickFilter(host, act) {
  const sel = `input[data-act="${act.replace(/"/g, '\\"')}"]`;
  const box = host.locator(sel);
  if (!(await box.isVisible())) {
    await groupOf(host, act).locator("summary").click();
  }
  await box.click();
  return box;
}

/**
 * The same with the keyboard (focus, then Space), which is quicker for long runs of ticks;
 * a closed group is opened by focusing its summary and pressing Enter.
 */
async function pressFilter(host, act) {
  const sel = `input[data-act="${act.replace(/"/g, '\\"')}"]`;
  const box = host.locator(sel);
  if (!(await box.isVisible())) {
    await groupOf(host, act).locator("summary").focus();
    await host.page().keyboard.press("Enter");
  }
  await box.focus();
  await host.page().keyboard.press("Space");
}

const filterDetails = () =>
  page.evaluate(() => window.__events.filter((e) => e.type === "tracker-filter-change").map((e) => e.detail));

/** What the widget should offer in each filter group, from the feed (reader's language). */
function expectedOptions(feed, lang) {
  const actions = feed.actions;
  const uniq = (xs) => [...new Set(xs)];
  const areas = uniq(actions.flatMap((a) => [...areasOf(feed, a)]));
  const findingIds = new Set(actions.flatMap((a) => [...findingsOf(feed, a)]));
  return {
    status: ["not_started", "in_progress", "complete", "withdrawn"],
    due: ["overdue", "next_30_days", "later", ...(actions.some(isOngoing) ? ["ongoing"] : [])],
    rag: actions.some((a) => a.rag) ? ["red", "amber", "green", "blue"] : [],
    priority: (feed.priorities ?? []).map((p) => p.id),
    area: areas,
    lead: uniq(actions.filter((a) => a.lead).map((a) => textIn(a.lead, lang))),
    finding: (feed.findings ?? []).filter((f) => f.kind !== "strength" && findingIds.has(f.id)).map((f) => f.id),
    // Feed 1.1: every kind of change, when there is a meeting before as_of to compare with.
    changed: defaultSince(feed)
      ? ["new", "completed", "started", "withdrawn", "rag_worse", "rag_better", "slipped", "newly_overdue"]
      : [],
  };
}

// Each feed in a tab of its own (one after the other: running them at once is no quicker
// on a two-core machine, where chromium's rendering is the bottleneck).
test("every filter option, ticked alone, shows exactly the actions the feed says", { timeout: 60_000 }, async (t) => {
  const run = async (name, lang) => {
    const feed = feedNamed(name);
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    tab.setDefaultTimeout(5_000);
    const tabErrors = trackPageErrors(tab);
    await tab.goto(`${site.url}widget/one.html?src=/examples/${name}.json&lang=${lang}&view=actions&load=${++loads}`);
    await waitForLoad(tab);
    const host = tab.locator("action-plan-tracker");
    assert.equal(await shownCount(host), feed.actions.length, "no filter: every action");
    // A group's checkboxes are built once it is opened: open each, as a reader does.
    for (const summary of await host.locator("details.apt-filter-group > summary").all()) await summary.click();
    const offered = await host.locator('input[data-act^="toggle:"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-act")));
    const byKind = {};
    for (const act of offered) {
      const [, kind, ...rest] = act.split(":");
      (byKind[kind] ??= []).push(rest.join(":"));
    }
    const want = expectedOptions(feed, lang);
    for (const kind of Object.keys(want)) {
      assert.deepEqual(
        [...(byKind[kind] ?? [])].sort(),
        [...want[kind]].sort(),
        `${kind}: the options offered are the ones the feed has`,
      );
    }
    const mismatches = [];
    const look = (act) =>
      host.evaluate((el, act) => {
        const root = el.shadowRoot;
        const box = [...root.querySelectorAll("input[data-act]")].find((i) => i.getAttribute("data-act") === act);
        const label = root.querySelector(`label[for="${box.id}"]`).textContent;
        const changes = window.__events.filter((e) => e.type === "tracker-filter-change");
        return {
          // Welsh says "Dim camau gweithredu yn cyfateb" for none.
          count: ((t) => (/^\s*Dim\b/.test(t) ? 0 : Number(/\d+/.exec(t)?.[0])))(root.querySelector("#apt-count").textContent),
          offered: Number(/\((\d+)\)\s*$/.exec(label)?.[1]),
          matching: changes.at(-1)?.detail.matching,
        };
      }, act);
    for (const act of offered) {
      const [, kind, ...rest] = act.split(":");
      const value = rest.join(":");
      const expected = expectedMatches(feed, { [kind]: [value] }).length;
      await pressFilter(host, act);
      const got = await look(act);
      if (got.count !== expected) mismatches.push(`${act}: count ${got.count}, feed says ${expected}`);
      if (got.offered !== expected) mismatches.push(`${act}: option says (${got.offered}), feed says ${expected}`);
      if (got.matching !== expected) mismatches.push(`${act}: tracker-filter-change matching ${got.matching}, feed says ${expected}`);
      await pressFilter(host, act); // untick
      const back = (await look(act)).count;
      if (back !== feed.actions.length) mismatches.push(`${act}: after unticking, count ${back}, expected all ${feed.actions.length}`);
    }
    await tab.close();
    assert.deepEqual(mismatches, []);
    assert.deepEqual(tabErrors, []);
  };
  await t.test("northbridge (en)", () => run("northbridge", "en"));
  await t.test("cwm-tawel (cy)", () => run("cwm-tawel", "cy"));
  // Feed 1.1: months as due dates, and an "Ongoing" choice.
  await t.test("fernley-draft (en)", () => run("fernley-draft", "en"));
});

test("filters combine: OR within a kind, AND across kinds, and free-text search narrows further", { timeout: 60_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json&view=actions");
  const steps = [
    ["toggle:status:in_progress", { status: ["in_progress"] }],
    ["toggle:status:not_started", { status: ["in_progress", "not_started"] }],
    ["toggle:due:overdue", { status: ["in_progress", "not_started"], due: ["overdue"] }],
    ["toggle:due:next_30_days", { status: ["in_progress", "not_started"], due: ["overdue", "next_30_days"] }],
  ];
  for (const [act, filters] of steps) {
    await clickFilter(host, act);
    assert.equal(await shownCount(host), expectedMatches(feed, filters).length, `${act} → ${JSON.stringify(filters)}`);
  }
  const lastFilters = steps.at(-1)[1];
  // A word that some, not all, of the remaining actions contain.
  const remaining = feed.actions.filter((a) => expectedMatches(feed, lastFilters).includes(a.id));
  const words = remaining.flatMap((a) => texts(a.title).flatMap((t) => t.split(/\W+/))).filter((w) => w.length > 4);
  const word = words.find((w) => {
    const n = expectedMatches(feed, { ...lastFilters, q: w }).length;
    return n > 0 && n < remaining.length;
  });
  assert.ok(word, "a search word that narrows the list");
  await host.locator("#apt-search").fill(word.toUpperCase());
  assert.equal(await shownCount(host), expectedMatches(feed, { ...lastFilters, q: word }).length, `search "${word.toUpperCase()}" (case ignored)`);
  // Every word must match (two words from different actions: fewer or none).
  await host.locator("#apt-search").fill("");
  assert.equal(await shownCount(host), expectedMatches(feed, lastFilters).length, "search cleared");
  // Nothing matches: a clear message, count 0.
  await host.locator("#apt-search").fill("zzqxnothing");
  assert.equal(await shownCount(host), 0);
  assert.equal(await host.locator(".apt-empty").isVisible(), true, "says no actions match");
  // Clear all filters brings every action back.
  await host.locator('button[data-act="clear"]').click();
  assert.equal(await shownCount(host), feed.actions.length);
  assert.equal(await host.locator("#apt-search").inputValue(), "");
  assert.equal(await host.locator('input[data-act^="toggle:"]:checked').count(), 0, "no box left ticked");
});

test("search looks in description, lead, team and update text, ignoring case and accents (Welsh feed)", { timeout: 30_000 }, async () => {
  const feed = feedNamed("cwm-tawel");
  const host = await open("src=/examples/cwm-tawel.json&lang=cy&view=actions");
  // Words found only outside titles, and a word with a circumflex or other accent, typed without it.
  const fieldWords = (a, fields) => fields.flatMap((f) => texts(a[f]).flatMap((t) => t.split(/[\s,.;:()'’"]+/)));
  const titleWords = new Set(feed.actions.flatMap((a) => fieldWords(a, ["title"]).map(fold)));
  const candidates = [];
  for (const a of feed.actions) {
    for (const w of [...fieldWords(a, ["description", "lead", "team"]), ...(a.updates ?? []).flatMap((u) => texts(u.text).flatMap((t) => t.split(/[\s,.;:()'’"]+/)))]) {
      if (w.length > 5 && !titleWords.has(fold(w))) candidates.push(w);
    }
  }
  const accented = feed.actions
    .flatMap((a) => fieldWords(a, ["title", "description", "lead", "team"]))
    .filter((w) => /[âêîôûŵŷáéíóúàèìòùäëïöüẅÿ]/i.test(w) && w.length > 2)
    .sort((x, y) => y.length - x.length)[0];
  const queries = [candidates[0], candidates[Math.floor(candidates.length / 2)], candidates.at(-1)];
  if (accented) queries.push(fold(accented).toUpperCase());
  assert.ok(accented, "the Welsh example has an accented word to search for");
  for (const q of queries) {
    await host.locator("#apt-search").fill(q);
    const want = expectedMatches(feed, { q }).length;
    assert.ok(want > 0, `"${q}" is in the feed`);
    assert.equal(await shownCount(host), want, `search "${q}"`);
  }
});

test("overview and findings links open the action list filtered, with the count the feed gives", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  let host = await open("src=/examples/northbridge.json");
  await host.locator('a[data-act="go:due:overdue"]').click();
  assert.equal(await host.locator('[aria-current="page"]').getAttribute("data-act"), "view:actions");
  assert.equal(await shownCount(host), expectedMatches(feed, { due: ["overdue"] }).length, "overdue link");
  await host.locator('a[data-act="view:overview"]').click();
  await host.locator('a[data-act="go:due:next_30_days"]').click();
  assert.equal(await shownCount(host), expectedMatches(feed, { due: ["next_30_days"] }).length, "due soon link");
  await host.locator('a[data-act="view:overview"]').click();
  const p = feed.priorities[2];
  await host.locator(`a[data-act="go:priority:${p.id}"]`).click();
  assert.equal(await shownCount(host), expectedMatches(feed, { priority: [p.id] }).length, "priority link");
  host = await open("src=/examples/northbridge.json&view=findings");
  const f = feed.findings.find((x) => x.kind === "priority_action" && expectedMatches(feed, { finding: [x.id] }).length);
  // Each answering action links to the list filtered by the finding, with that action open.
  const link = host.locator(`a[data-act^="find:${f.id}:"]`).first();
  const actionId = (await link.getAttribute("data-act")).split(":").slice(2).join(":");
  await link.click();
  assert.equal(await shownCount(host), expectedMatches(feed, { finding: [f.id] }).length, `finding ${f.id} link`);
  assert.equal(await host.locator(`button[data-act="open:${actionId}"]`).getAttribute("aria-expanded"), "true", `action ${actionId} is open`);
});

test("removing a chosen filter (its chip) updates the count", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json&view=actions");
  await clickFilter(host, "toggle:status:complete");
  await clickFilter(host, "toggle:rag:blue");
  await host.locator("#apt-search").fill("audit");
  assert.equal(await shownCount(host), expectedMatches(feed, { status: ["complete"], rag: ["blue"], q: "audit" }).length);
  await host.locator('button[data-act="remove:rag:blue"]').click();
  assert.equal(await shownCount(host), expectedMatches(feed, { status: ["complete"], q: "audit" }).length);
  await host.locator('button[data-act="remove:search:"]').click();
  assert.equal(await shownCount(host), expectedMatches(feed, { status: ["complete"] }).length);
  assert.equal(await host.locator("#apt-search").inputValue(), "");
});

/** Everything visible about the reader's state in one tracker. */
async function stateOf(host) {
  const onActions = (await host.locator('[aria-current="page"]').getAttribute("data-act")) === "view:actions";
  return {
    view: await host.locator('[aria-current="page"]').getAttribute("data-act"),
    count: onActions ? await shownCount(host) : null,
    ticked: onActions ? await host.locator('input[data-act^="toggle:"]:checked').evaluateAll((els) => els.map((e) => e.getAttribute("data-act")).sort()) : null,
    search: onActions ? await host.locator("#apt-search").inputValue() : null,
    sort: onActions ? await host.locator("#apt-sort").inputValue() : null,
    open: onActions ? await host.locator('button[aria-expanded="true"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-act"))) : null,
    page: onActions && (await host.locator(".apt-pagination__status").count()) ? await host.locator(".apt-pagination__status").textContent() : null,
  };
}

test("the whole reader's state round-trips through the URL: reload, and a bookmarked address in a new tab", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json");
  await host.locator('a[data-act="view:actions"]').click();
  await clickFilter(host, "toggle:status:in_progress");
  await clickFilter(host, "toggle:status:not_started");
  await clickFilter(host, "toggle:lead:Principal Social Worker");
  await host.locator("#apt-search").fill("practice");
  await host.locator("#apt-sort").selectOption("due");
  const first = host.locator("li.apt-action .apt-action__toggle").first();
  await first.click();
  const before = await stateOf(host);
  const want = expectedMatches(feed, { status: ["in_progress", "not_started"], lead: ["Principal Social Worker"], q: "practice" }).length;
  assert.equal(before.count, want);
  assert.equal(before.open.length, 1);
  const url = page.url();
  const hash = new URL(url).hash;
  assert.match(hash, /^#apt1\./, `namespaced by apt1: ${hash}`);
  for (const part of ["apt1.view=actions", "apt1.sort=due", "apt1.q=practice"]) assert.ok(hash.includes(part), `${part} in ${hash}`);
  await page.reload();
  await waitForLoad(page);
  assert.deepEqual(await stateOf(page.locator("action-plan-tracker")), before, "after reload");
  // The same address opened fresh in another tab (a shared link).
  const other = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await other.goto(url);
  await other.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready"));
  const otherHost = other.locator("action-plan-tracker");
  assert.deepEqual(
    { count: await shownCount(otherHost), search: await otherHost.locator("#apt-search").inputValue() },
    { count: want, search: "practice" },
    "a shared link",
  );
  await other.close();
});

test("paging is in the URL too, and a bookmarked page 2 opens on page 2", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/northbridge.json&view=actions");
  const next = host.locator('.apt-pagination button[data-act="page:1"]');
  assert.equal(await next.count(), 1, "northbridge has more than one page of actions");
  const firstOnPage1 = await host.locator("li.apt-action").first().getAttribute("data-id");
  await next.click();
  const firstOnPage2 = await host.locator("li.apt-action").first().getAttribute("data-id");
  assert.notEqual(firstOnPage2, firstOnPage1);
  assert.match(page.url(), /apt1\.page=2/);
  await page.reload();
  await waitForLoad(page);
  assert.equal(await page.locator("action-plan-tracker li.apt-action").first().getAttribute("data-id"), firstOnPage2);
});

test("back and forward step through the reader's choices", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json");
  const s0 = await stateOf(host);
  await host.locator('a[data-act="view:actions"]').click();
  const s1 = await stateOf(host);
  await clickFilter(host, "toggle:status:complete");
  const s2 = await stateOf(host);
  assert.equal(s2.count, expectedMatches(feed, { status: ["complete"] }).length);
  await clickFilter(host, "toggle:rag:blue");
  const s3 = await stateOf(host);
  assert.equal(s3.count, expectedMatches(feed, { status: ["complete"], rag: ["blue"] }).length);

  await page.goBack();
  assert.deepEqual(await stateOf(host), s2, "back: status only");
  await page.goBack();
  assert.deepEqual(await stateOf(host), s1, "back: actions, no filters");
  await page.goBack();
  assert.deepEqual(await stateOf(host), s0, "back: overview");
  await page.goForward();
  assert.deepEqual(await stateOf(host), s1, "forward: actions");
  await page.goForward();
  await page.goForward();
  assert.deepEqual(await stateOf(host), s3, "forward twice: both filters");
  // And after a reload in the middle of history, back still works.
  await page.goBack();
  await page.reload();
  await waitForLoad(page);
  assert.deepEqual(await stateOf(page.locator("action-plan-tracker")), s2, "reload at the middle entry");
  await page.goBack();
  assert.deepEqual(await stateOf(page.locator("action-plan-tracker")), s1, "back after reload");
});

test("a tracker with an id uses it as its URL namespace", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/northbridge.json&id=plan");
  await host.locator('a[data-act="view:findings"]').click();
  assert.equal(new URL(page.url()).hash, "#plan.view=findings");
  await page.reload();
  await waitForLoad(page);
  assert.equal(await page.locator('action-plan-tracker [aria-current="page"]').getAttribute("data-act"), "view:findings");
});

test("two trackers on one page keep independent state in the URL, through reload and back", { timeout: 30_000 }, async () => {
  const north = feedNamed("northbridge");
  const cwm = feedNamed("cwm-tawel");
  await page.goto(`${site.url}widget/two.html?load=${++loads}`);
  await waitForLoad(page, 2);
  const a = page.locator("action-plan-tracker").nth(0);
  const b = page.locator("action-plan-tracker").nth(1);
  await a.locator('a[data-act="view:actions"]').click();
  await clickFilter(a, "toggle:status:complete");
  assert.equal(await b.locator('[aria-current="page"]').getAttribute("data-act"), "view:overview", "the second tracker did not move");
  await b.locator('a[data-act="view:actions"]').click();
  await clickFilter(b, "toggle:status:in_progress");
  const wantA = expectedMatches(north, { status: ["complete"] }).length;
  const wantB = expectedMatches(cwm, { status: ["in_progress"] }).length;
  assert.equal(await shownCount(a), wantA);
  assert.equal(await shownCount(b), wantB);
  const hash = new URL(page.url()).hash;
  assert.ok(hash.includes("apt1.status=complete") && hash.includes("apt2.status=in_progress"), hash);
  assert.ok(!hash.includes("apt1.status=in_progress") && !hash.includes("apt2.status=complete"), hash);
  // Each tracker only sees its own filter boxes ticked.
  assert.deepEqual(await a.locator('input[data-act^="toggle:"]:checked').evaluateAll((els) => els.map((e) => e.dataset.act)), ["toggle:status:complete"]);
  assert.deepEqual(await b.locator('input[data-act^="toggle:"]:checked').evaluateAll((els) => els.map((e) => e.dataset.act)), ["toggle:status:in_progress"]);
  await page.reload();
  await waitForLoad(page, 2);
  assert.equal(await shownCount(a), wantA, "first tracker after reload");
  assert.equal(await shownCount(b), wantB, "second tracker after reload");
  await page.goBack(); // undoes the second tracker's tick only
  assert.equal(await shownCount(a), wantA, "back: the first tracker keeps its filter");
  assert.equal(await shownCount(b), cwm.actions.length, "back: the second tracker loses its filter");
  // Each tracker-filter-change came from the tracker that changed.
  await clickFilter(a, "toggle:rag:red");
  await clickFilter(b, "toggle:rag:red");
  const from = await page.evaluate(() => window.__events.filter((e) => e.type === "tracker-filter-change").map((e) => e.target));
  assert.deepEqual(from.slice(-2), ["/examples/northbridge.json", "/examples/cwm-tawel.json"]);
});

test("tracker-filter-change tells the page the filters and how many actions match", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json&view=actions");
  await clickFilter(host, "toggle:due:overdue");
  await host.locator("#apt-search").fill("plan");
  const details = await filterDetails();
  assert.ok(details.length >= 2, `events: ${details.length}`);
  const last = details.at(-1);
  assert.equal(last.matching, expectedMatches(feed, { due: ["overdue"], q: "plan" }).length);
  assert.match(JSON.stringify(last), /overdue/);
  assert.match(JSON.stringify(last), /plan/);
});

test("a link's own address (open in new tab, copy link) leads to what clicking it shows", { timeout: 30_000 }, async () => {
  const feed = feedNamed("northbridge");
  const host = await open("src=/examples/northbridge.json");
  const links = {
    "view:actions": { view: "view:actions", count: feed.actions.length },
    "view:findings": { view: "view:findings" },
    "go:due:overdue": { view: "view:actions", count: expectedMatches(feed, { due: ["overdue"] }).length },
    [`go:priority:${feed.priorities[0].id}`]: { view: "view:actions", count: expectedMatches(feed, { priority: [feed.priorities[0].id] }).length },
  };
  const hrefs = {};
  for (const act of Object.keys(links)) hrefs[act] = await host.locator(`a[data-act="${act}"]`).first().getAttribute("href");
  const wrong = [];
  const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [act, want] of Object.entries(links)) {
    const url = new URL(hrefs[act], page.url());
    url.searchParams.set("load", String(++loads));
    await tab.goto(url.href);
    await tab.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready"));
    const t = tab.locator("action-plan-tracker");
    const view = await t.locator('[aria-current="page"]').getAttribute("data-act");
    const got = { view, ...(want.count !== undefined && view === "view:actions" ? { count: await shownCount(t) } : {}) };
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${act} (href="${hrefs[act]}"): opened fresh it shows ${JSON.stringify(got)}, clicking shows ${JSON.stringify(want)}`);
  }
  await tab.close();
  assert.deepEqual(wrong, []);
});
