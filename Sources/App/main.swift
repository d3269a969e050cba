print("gongkai")
