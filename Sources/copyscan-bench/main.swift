print("copyscan-bench: not yet implemented")
