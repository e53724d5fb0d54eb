"""What both front ends share and nothing of either's policy: the host, its screens and their toolkit."""
