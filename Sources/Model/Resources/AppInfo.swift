/// What Gongkai says about itself, in one place: `gongkai --version`, the About dialog, the
/// Debian package (`make deb` asks the built binary) and the AppStream release notes (a test checks
/// that their newest release is this version).
public enum AppInfo {
    /// The application id (reverse DNS): the D-Bus name, the icon's, the desktop file's and the
    /// AppStream component's name.
    public static let id = "io.github.gongkai.Gongkai"
    /// The version of this build.
    public static let version = "0.1.0"
    /// The project's home page.
    public static let website = "https://github.com/gongkai/gongkai"
    /// Where bugs are reported.
    public static let issueTracker = "https://github.com/gongkai/gongkai/issues"
    /// The licence's SPDX identifier (the About dialog shows the GNU GPL 3 or later).
    public static let license = "GPL-3.0-or-later"
}
