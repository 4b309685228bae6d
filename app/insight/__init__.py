"""The Insight workspace: a whole data set at a glance (issue 12).

One concern per module: `providers` (which data sets can be chosen: the hook other features
extend), `evaluate_job` (background evaluation), `confusion_view`, `gallery`, `attribution_panel`,
`compare`, `export`, `open_sample` (a sample into the Draw workspace), `workspace` (the central
widget tying them together) and `register` (the workspace and its docks).
"""
