<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveSession</name>
    <message>
        <source>Preview: another network reads the drawing</source>
        <extracomment>The result for the drawing as the reading network sees it (a blank one when empty). The active model changed (kernels, normalisation, label). A preview started or moved on (its note for the status bar), or ended (&quot;&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <extracomment>The active workspace changed (its key, e.g. &quot;draw&quot;, &quot;insight&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy {0:.2%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recorded accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights: {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save weights as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved weights to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the shipped weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About LeNet Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit, watch LeNet-5 read it live, and look inside every layer.&lt;br&gt;&lt;br&gt;Active model: {0}&lt;br&gt;Recorded test accuracy: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when LeNet Lens is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Details…</source>
        <extracomment>torch threads for training; None: the idle cores at the start of a run (see `worker.training_threads`). The GUI itself runs torch single-threaded (app/runtime.py). Emitted once per run after its thread has ended: &quot;finished&quot;, &quot;failed&quot; or &quot;cancelled&quot;. torch threads for training (None: idle cores, app.cpu)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong, with the traceback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainRun</name>
    <message>
        <source>Preview: the network in training, after {0:g} epochs (the active model is unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>error_text</name>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Details: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>LeNet Lens cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last weights unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Using the shipped weights.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>English</source>
        <extracomment>View ▸ Language: one checkable action per language code (objectName `language_&lt;code&gt;`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit and watch every layer read it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
