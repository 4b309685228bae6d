"""Data every view can use: the MNIST folder row, its download job and the loaded-data cache.

`folder_row.DataFolderRow` (a widget: the folder, whether MNIST is there, download or choose),
`download.DownloadJob` (a cancellable `app.core.jobs.Job`). Loaded data are kept in
`app.core.data_cache`.
"""
