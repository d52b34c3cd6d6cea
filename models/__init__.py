"""The workspace: SQLite store, domain types, dates, search and exchange. No Qt here."""
