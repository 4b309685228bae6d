"""The architecture lab (F5): design a LeNet-family network, see its shapes, train it, compare.

`register.py` is what `app/features.py` registers; `editor.py` and `table.py` are the design
tab's controls and live table, `train_dialog.py` the training run (Retrain's, with a design),
`compare_view.py` and `compare_job.py` the side-by-side, `state.py` what the tabs share.
"""
