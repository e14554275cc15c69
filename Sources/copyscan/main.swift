print("copyscan: work in progress")
