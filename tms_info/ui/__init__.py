"""The Qt user interface: small widgets composed by the main window."""
