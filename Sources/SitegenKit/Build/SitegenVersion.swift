/// The version sitegen reports and writes into the generator meta tag.
public enum SitegenVersion {
    /// The current version.
    public static let current = "0.1.0"
}
