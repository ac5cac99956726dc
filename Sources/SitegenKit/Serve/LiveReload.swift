import Foundation

/// The script `sitegen serve` adds to every HTML page it serves, and only there: never to files on disk.
/// It listens on a WebSocket, reloads the page after a good rebuild, and shows an overlay after a failed one.
enum LiveReload {
    /// The WebSocket path the script connects to.
    static let socketPath = "/__sitegen/live"

    static let script = """
        (() => {
          "use strict";
          const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)";
          let overlay = null;
          function show(text) {
            if (!overlay) {
              overlay = document.createElement("pre");
              overlay.setAttribute("role", "alert");
              overlay.id = "sitegen-error-overlay";
              document.body.append(overlay);
            }
            overlay.textContent = "sitegen: the last build failed; showing the last good version.\\n\\n" + text;
          }
          function connect() {
            const socket = new WebSocket(url);
            socket.onmessage = (event) => {
              const message = JSON.parse(event.data);
              if (message.type === "reload") location.reload();
              if (message.type === "error") show(message.text);
            };
            socket.onclose = () => setTimeout(connect, 1000);
          }
          connect();
        })();
        """

    static let style = """
        #sitegen-error-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;
        background:#2b0a0a;color:#ffe8e8;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647;
        border-top:4px solid #ff6b6b}
        """

    /// `html` with the live-reload script and overlay style added before `</body>`. A page with a
    /// Content-Security-Policy gets the script's and style's hashes and a same-host WebSocket allowed, so the
    /// policy stays strict for everything else.
    static func inject(into html: String) -> String {
        var page = html
        let snippet = "<style>\(style)</style><script>\(script)</script>"
        if let range = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: snippet, at: range.lowerBound)
        } else {
            page += snippet
        }
        guard let csp = page.range(of: "http-equiv=\"Content-Security-Policy\" content=\"") else { return page }
        let extra = "connect-src 'self'; script-src \(ContentSecurityPolicy.hashSource(script)) ".escapedForAttribute
        let afterScript = page[csp.upperBound...].range(of: "script-src ")
        if let afterScript {
            page.replaceSubrange(afterScript, with: extra)
        }
        if let styleRange = page[csp.upperBound...].range(of: "style-src ") {
            page.replaceSubrange(
                styleRange, with: "style-src \(ContentSecurityPolicy.hashSource(style).escapedForAttribute) ")
        }
        return page
    }
}

extension String {
    /// The quotes in a CSP source, as Mustache escaped them in the meta tag.
    fileprivate var escapedForAttribute: String {
        replacingOccurrences(of: "'", with: "&#39;")
    }
}
