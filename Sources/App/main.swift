// The `gongkai` executable: parse the command line and run the command (see `GongkaiCommand`).
GongkaiCommand.main()
