// Forced colours (Windows high contrast; `forced-colors: active`, emulated through CDP's
// Emulation.setEmulatedMedia, which Chromium renders with the forced palette): in every view
// and the compact card, English and Welsh, axe finds nothing; progress bars show their fill
// against their track; status and RAG tags keep a visible edge and say what they mean in words;
// chart lines and markers are drawn in a colour that is not the background and each series of a
// chart differs from the others in more than colour; and every control the keyboard reaches
// shows a focus ring. Screenshots (looked at): test-output/screenshots/layout-forced-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { runAxe, formatViolations, screenshot, trackPageErrors } from "./harness.mjs";
import { setup, waitForLoad } from "./fixtures/widget/support.mjs";

const VIEWS = ["overview", "actions", "findings", "indicators", "compact"];

let site;

before(async () => {
  site = await setup();
});

after(async () => {
  await site?.close();
});

async function open(page, file, lang, view) {
  await page.goto(`${site.url}widget/one.html?src=/examples/${file}&lang=${lang}${view === "compact" ? "&compact" : `&view=${view}`}`);
  await waitForLoad(page);
}

/** Runs in the page: what forced colours leave of the widget's bars, tags, charts. */
function paint() {
  const root = document.querySelector("action-plan-tracker").shadowRoot;
  const probe = document.createElement("div");
  probe.style.cssText = "background: Canvas; color: CanvasText";
  document.body.append(probe);
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const visible = (c) => c && c !== "none" && c !== canvas && !/rgba\(.*,\s*0\)$|transparent/.test(c);
  const problems = [];
  const what = (e) => `${e.localName}.${(e.getAttribute("class") ?? "").trim().split(/\s+/).join(".")}`;
  for (const bar of root.querySelectorAll(".apt-bar__svg")) {
    const fill = getComputedStyle(bar.querySelector(".apt-bar__fill")).fill;
    const track = getComputedStyle(bar.querySelector(".apt-bar__track")).fill;
    const edge = getComputedStyle(bar).borderTopColor;
    if (fill === track || !visible(fill)) problems.push(`progress bar: fill ${fill} on track ${track}`);
    if (!visible(edge)) problems.push(`progress bar: no visible edge (${edge})`);
  }
  for (const tag of root.querySelectorAll(".apt-tag")) {
    const cs = getComputedStyle(tag);
    const edged = ["Top", "Right", "Bottom", "Left"].some((s) => cs[`border${s}Style`] !== "none" && parseFloat(cs[`border${s}Width`]) >= 1 && visible(cs[`border${s}Color`]));
    const outlined = cs.outlineStyle !== "none" && visible(cs.outlineColor);
    if (!edged && !outlined) problems.push(`${what(tag)} "${tag.textContent.trim()}": no visible edge`);
    if (!tag.textContent.trim()) problems.push(`${what(tag)}: colour without words`);
  }
  for (const svg of root.querySelectorAll(".apt-chart__svg")) {
    const series = new Map();
    for (const line of svg.querySelectorAll("[class*='apt-chart__line--']")) {
      const cs = getComputedStyle(line);
      if (!visible(cs.stroke)) problems.push(`${what(line)} in ${svg.closest("figure")?.id}: stroke ${cs.stroke} is the background`);
      const name = [...line.classList].find((c) => c.startsWith("apt-chart__line--"));
      series.set(name, `${cs.stroke} ${cs.strokeDasharray} ${cs.strokeWidth}`);
    }
    for (const mark of svg.querySelectorAll("[class*='apt-chart__mark--']")) {
      const cs = getComputedStyle(mark);
      if (!visible(cs.fill) && !visible(cs.stroke)) problems.push(`${what(mark)}: marker invisible (fill ${cs.fill})`);
    }
    const looks = [...series.values()];
    if (new Set(looks).size < looks.length) problems.push(`${svg.closest("figure")?.id}: series drawn alike: ${[...series].map(([k, v]) => `${k}=${v}`).join("; ")}`);
  }
  return { canvas, problems };
}

/** Runs in the page: the focus ring of what has focus inside the widget. */
function focusRing() {
  let el = document.activeElement;
  if (el?.localName !== "action-plan-tracker") return null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const probe = document.createElement("div");
  probe.style.cssText = "background: Canvas";
  document.body.append(probe);
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const cs = getComputedStyle(el);
  const ring = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== canvas && !/rgba\(.*,\s*0\)$|transparent/.test(cs.outlineColor);
  return { what: `${el.localName}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}"`, ring, outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` };
}

test("forced colours: axe, bars, tags, chart lines and markers in every view, en and cy", { timeout: 300_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = trackPageErrors(page);
  await page.emulateMedia({ forcedColors: "active" });
  const found = [];
  try {
    for (const [file, lang] of [["northbridge.json", "en"], ["cwm-tawel.json", "cy"], ["southmoor-monitoring.json", "en"]]) {
      for (const view of VIEWS) {
        await open(page, file, lang, view);
        assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true, "forced colours are on");
        await page.evaluate(() => {
          for (const d of document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll("details")) d.open = true;
          // A filter group's checkboxes are built on its `toggle` event, a task of its own.
          return new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
        });
        const { problems } = await page.evaluate(paint);
        found.push(...problems.slice(0, 5).map((p) => `${file} ${lang} ${view}: ${p}`));
        const violations = await runAxe(page, "action-plan-tracker");
        if (violations.length) found.push(`${file} ${lang} ${view}: ${formatViolations(violations)}`);
        if (file !== "southmoor-monitoring.json") await screenshot(page, `layout-forced-${file.replace(".json", "")}-${lang}-${view}-1280`);
      }
    }
    await page.setViewportSize({ width: 320, height: 800 });
    for (const view of VIEWS) {
      await open(page, "cwm-tawel.json", "cy", view);
      await screenshot(page, `layout-forced-cwm-tawel-cy-${view}-320`);
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(found, [], "forced colours");
  assert.deepEqual(errors, []);
});

test("forced colours: every control the keyboard reaches shows a focus ring", { timeout: 120_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ forcedColors: "active" });
  const missing = [];
  const kinds = new Set();
  try {
    for (const view of ["overview", "actions", "indicators"]) {
      await open(page, "northbridge.json", "en", view);
      await page.evaluate(() => {
        for (const d of document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll("details")) d.open = true;
        return new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      });
      await page.locator("#site-home").focus();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const f = await page.evaluate(focusRing);
        if (!f) continue;
        kinds.add(f.what.split(" ")[0]);
        if (!f.ring) missing.push(`${view}: ${f.what}: ${f.outline}`);
      }
    }
  } finally {
    await page.close();
  }
  assert.ok(kinds.size >= 3, `the keyboard reached several kinds of control: ${[...kinds].join(", ")}`);
  assert.deepEqual([...new Set(missing)], [], "focus ring in forced colours");
});
