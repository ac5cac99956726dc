import Crypto
import Foundation

/// Content-Security-Policy values for pages that must make no request at all.
enum ContentSecurityPolicy {
    /// Forbids every fetch (no connect, no remote script, style, image, font, frame or form target) and allows
    /// exactly the given inline scripts and styles by their SHA-256 hashes, never by 'unsafe-inline'.
    /// `askingOwnHost` allows scripts to ask the page's own host (`connect-src 'self'`) and nothing else: the
    /// not-found page does, to find the site's folder from wherever a host serves it.
    static func offline(scripts: [String], styles: [String], askingOwnHost: Bool = false) -> String {
        let scriptSources = scripts.isEmpty ? "'none'" : scripts.map(hashSource).joined(separator: " ")
        let styleSources = styles.isEmpty ? "'none'" : styles.map(hashSource).joined(separator: " ")
        return "default-src 'none'; script-src \(scriptSources); style-src \(styleSources); img-src data:; "
            + (askingOwnHost ? "connect-src 'self'; " : "") + "base-uri 'none'; form-action 'none'"
    }

    /// `'sha256-…'` for an inline block's exact text.
    static func hashSource(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }
}
