import Foundation

/// The survey that ships with Gongkai: the 2018–2022 survey of 32 provincial-level jurisdictions
/// (`resources/dataset/builtin-2018-2022.gongkai`, a resource of the Model target).
public enum BuiltinDataset {
    /// The resource's file name without its extension.
    public static let resourceName = "builtin-2018-2022"
    /// The extension of Gongkai survey files.
    public static let fileExtension = "gongkai"

    /// Where the built-in survey file is (see `ResourceLocator`), or nil when it cannot be found.
    public static var url: URL? {
        ResourceLocator.shared.url("dataset/\(resourceName).\(fileExtension)")
    }
}
