// The demo's controls set the element's attributes, exactly as a council's page would.
const plan = document.getElementById("plan");
const code = document.getElementById("demo-code");
const feed = document.getElementById("demo-feed");
const view = document.getElementById("demo-view");
const compact = document.getElementById("demo-compact");

function showEmbed() {
  const attrs = [`src="${plan.getAttribute("src")}"`];
  for (const name of ["lang", "view"]) if (plan.hasAttribute(name)) attrs.push(`${name}="${plan.getAttribute(name)}"`);
  if (plan.hasAttribute("compact")) attrs.push("compact");
  code.textContent = `<action-plan-tracker ${attrs.join(" ")}></action-plan-tracker>`;
}

feed.addEventListener("change", () => {
  plan.setAttribute("src", feed.value);
  showEmbed();
});
for (const radio of document.querySelectorAll('input[name="demo-lang"]')) {
  radio.addEventListener("change", () => {
    plan.setAttribute("lang", radio.value);
    showEmbed();
  });
}
view.addEventListener("change", () => {
  plan.setAttribute("view", view.value);
  showEmbed();
});
compact.addEventListener("change", () => {
  plan.toggleAttribute("compact", compact.checked);
  showEmbed();
});
showEmbed();
