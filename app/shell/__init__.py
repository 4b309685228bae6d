"""The window's shell: main window, menus, docks, layout, help, settings, theme, start-up checks,
logs, error boxes."""
