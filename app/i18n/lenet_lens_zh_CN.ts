<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfigForm</name>
    <message>
        <source>Passes over the training images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per optimisation step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random distortions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate, shear, scale, wobble and thicken each training image at random: this makes the network robust to drawn digits, which are never as tidy as MNIST&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S1 and S2: max pooling, or averaging as in the original LeNet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relu, or tanh as in the original LeNet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout before F5, F6 and the output layer, while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed and settings: the same network, bit for bit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all {0:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on only the first N images, for a quick look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFolderRow</name>
    <message>
        <source>Folder with the four MNIST IDX files (.gz or raw). Default: ${0}, else the per-user cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download MNIST ({0} MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ MNIST found: 60,000 training and 10,000 test images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ MNIST is not in this folder (%n of 4 files missing). Download it here, or choose a folder that has it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Folder with the MNIST files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading MNIST into {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1:.1f} of {2:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST downloaded and verified in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed unexpectedly: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled; no partial files were kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DensePanel</name>
    <message>
        <source>Hover a unit for its value (dense units see the whole input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unit {1}: {2:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitPanel</name>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.1%} confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet is waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet reads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw a digit here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>Hover: value and receptive field · click: enlarge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} map {1}, unit ({2}, {3}): {4:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelsPanel</name>
    <message>
        <source>C1: 6 filters. C2: column = output map, row = the S1 map it reads. Colour: weight relative to the layer&apos;s largest. Hover for values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map {0} ← S1 map {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}, weight ({2}, {3}): {4:+.3f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearningRateBox</name>
    <message>
        <source>Peak learning rate of the one-cycle schedule (AdamW).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>{0} (shipped)</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>MapDetailDialog</name>
    <message>
        <source>{0} map {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} kernel {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C2 kernels {0},0..5 (per S1 map)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkInputPanel</name>
    <message>
        <source>What LeNet sees: 32x32 = the 28x28 MNIST-style field (dashed) + 2 px padding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Retrain LeNet-5</source>
        <extracomment>torch threads for training; None: the idle cores at the start of a run (see `worker.training_threads`). The GUI itself runs torch single-threaded (app/runtime.py). Emitted once per run after its thread has ended: &quot;finished&quot;, &quot;failed&quot; or &quot;cancelled&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>torch threads for training (None: idle cores, app.cpu)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the drawing&apos;s feature maps
evolve as the network learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main window shows what the network in training sees in your drawing: after each epoch and about once a second while it trains, and reads what you draw meanwhile; the active model is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Defaults: the shipped recipe cut to %n epoch(s), under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong, with the traceback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid settings: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the download to finish, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST is not in {0}. Download it there with the button above, or choose a folder that has the four files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:.0%} · {5} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} The active model is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cancelled. The active model and files are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model: {0:.2%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({0:+.2f} points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs &amp;nbsp; active model: {0:.2%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy on the same {0:,} MNIST images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished. “Use this model” puts it in the live view; “Save…” keeps it in a file. Otherwise it is discarded when you close this dialog or train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new model ({0}) is now active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the retrained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainJob</name>
    <message>
        <source>Training diverged: {0}. Try a smaller learning rate.</source>
        <extracomment>Phases a run reports through `RetrainJob.stage(phase, text)`. Progress signals are coalesced to at most one per this many seconds (plus each epoch&apos;s last batch). Each one repaints the curves on the GUI thread, which holds the GIL meanwhile and so pauses training: at 20 Hz the GUI&apos;s p95 stall was ~31 ms and an epoch ~25% slower; at 5 Hz the stall p95 is ~1-2 ms and the curves still look live. With the preview on, a snapshot of the network at most this often: copying it takes about a millisecond and the GUI&apos;s forward pass about as long, so training barely notices. The active network, evaluated on the same test images at the end so that &quot;new vs old&quot; compares like with like (a subset run must not be compared to a full-test-set figure). torch intra-op threads while training (None: `training_threads()` decides at start).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory: try a smaller batch size or fewer training images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed unexpectedly: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Training on %n CPU thread(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluating the active model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainRun</name>
    <message>
        <source>retrained {0:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train batches (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test (each epoch)</source>
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
    <name>panels</name>
    <message>
        <source>convolution 5x5 · 6@28x28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooling 2x2 · 6@14x14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>convolution 5x5 · 16@10x10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooling 2x2 · 16@5x5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network input (32x32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernels (C1, C2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5 · F6 · fully connected</source>
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
