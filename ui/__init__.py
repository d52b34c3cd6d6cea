"""The PySide6 desktop interface. Qt lives only here."""
