// Blazor JS initializer: marks the page once the interactive server circuit is up, so browser tests (and any
// script) can wait for buttons to become live instead of clicking prerendered HTML that does nothing yet.
export function afterServerStarted() {
    document.documentElement.dataset.circuit = "ready";
}
