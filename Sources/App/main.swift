import Model

// The `gongkai` executable: parse the command line and run the command (see `GongkaiCommand`).
// A standard stream closed at start keeps its number (writes to it fail cleanly) so that no file
// the command opens can take it.
StandardStream.holdClosedStreams()
GongkaiCommand.main()
