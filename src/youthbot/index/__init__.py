"""Dense (FAISS) and lexical (BM25) indexes behind one small interface, and their on-disk layout."""
