"""Reading and writing registers and outputs: the edge between files and the domain."""
