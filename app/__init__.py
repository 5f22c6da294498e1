"""Bodymap web layer: FastAPI app, settings, database, routes and templates."""
