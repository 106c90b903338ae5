"""Answers from retrieved passages: extractive, or written by an LLM and verified."""
