"""`youthbot serve`: the assistant as a web page and a JSON API over the same pipeline."""
