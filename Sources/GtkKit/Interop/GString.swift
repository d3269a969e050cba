import CGtk

extension String {
    /// Copies a C string that GTK still owns (`const char *` results); nil for NULL.
    package init?(borrowingGChars pointer: UnsafePointer<gchar>?) {
        guard let pointer else { return nil }
        self.init(cString: pointer)
    }

    /// Copies a C string that the caller owns (`char *` results marked "transfer full") and frees
    /// it with `g_free`; nil for NULL.
    package init?(takingGChars pointer: UnsafeMutablePointer<gchar>?) {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        self.init(cString: pointer)
    }

    /// The text escaped for Pango markup (`g_markup_escape_text`): `<`, `>`, `&`, quotes.
    package var markupEscaped: String {
        String(takingGChars: g_markup_escape_text(self, -1)) ?? ""
    }
}
