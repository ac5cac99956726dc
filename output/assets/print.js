// The Print button of a page meant for paper. It starts hidden behind a hint to use the browser's own command,
// so a reader without script never sees a button that does nothing.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
for (const hint of document.querySelectorAll("[data-print-hint]")) hint.hidden = true;
