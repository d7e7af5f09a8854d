"""Persistence: SQLAlchemy models, engine and pragmas, sessions, migrations, backup. No Qt."""
