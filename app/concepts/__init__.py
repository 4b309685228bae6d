"""The Concepts workspace (F4): the tutorial's ideas as live views of the network reading the
user's drawing.

`register` adds the workspace and its docks (imported once from `app/draw/panels/catalogue.py`);
`central` is the workspace's centre (the drawing as the network sees it, and a way back to
Draw); each view is one panel following `app.core.panel_contract.Panel`:

- `arithmetic`: how one unit got its value (model.analysis.unit_arithmetic), with a step-through;
- `playground`: a convolution with any kernel, padding and stride (model.analysis.conv_playground);
- `shifts`: how far each layer moves when the drawing moves, max vs average pooling
  (model.analysis.shift);
- `flatten`: the fully-connected network's answer and the shift test (model.network.flat).

Views compute only while visible: a hidden dock keeps the latest result and catches up when
shown, so the stroke path pays nothing for them.
"""
