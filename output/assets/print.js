// The Print button of a page meant for paper. It starts hidden, so a reader without script never sees a
// button that does nothing.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
