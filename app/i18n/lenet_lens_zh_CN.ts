<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfigForm</name>
    <message>
        <source>Passes over the training images.</source>
        <translation>遍历训练图像的轮数。</translation>
    </message>
    <message>
        <source>Images per optimisation step.</source>
        <translation>每个优化步骤使用的图像数。</translation>
    </message>
    <message>
        <source>Random distortions</source>
        <translation>随机变形</translation>
    </message>
    <message>
        <source>Rotate, shear, scale, wobble and thicken each training image at random: this makes the network robust to drawn digits, which are never as tidy as MNIST&apos;s.</source>
        <translation>对每张训练图像随机旋转、错切、缩放、扭动和加粗：这让网络对手写数字更稳健——手写的数字从来不像 MNIST 那样工整。</translation>
    </message>
    <message>
        <source>S1 and S2: max pooling, or averaging as in the original LeNet.</source>
        <translation>S1 和 S2：最大池化，或像原始 LeNet 那样的平均池化。</translation>
    </message>
    <message>
        <source>relu, or tanh as in the original LeNet.</source>
        <translation>relu，或像原始 LeNet 那样的 tanh。</translation>
    </message>
    <message>
        <source>Dropout before F5, F6 and the output layer, while training.</source>
        <translation>训练时在 F5、F6 和输出层之前使用 Dropout。</translation>
    </message>
    <message>
        <source>Same seed and settings: the same network, bit for bit.</source>
        <translation>相同的随机种子和设置：得到逐位相同的网络。</translation>
    </message>
    <message>
        <source>all {0:,}</source>
        <translation>全部 {0:,}</translation>
    </message>
    <message>
        <source>Train on only the first N images, for a quick look.</source>
        <translation>只用前 N 张图像训练，快速看看效果。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>DataFolderRow</name>
    <message>
        <source>Folder with the four MNIST IDX files (.gz or raw). Default: ${0}, else the per-user cache.</source>
        <translation>存放四个 MNIST IDX 文件（.gz 或未压缩）的文件夹。默认：${0}，否则为用户缓存目录。</translation>
    </message>
    <message>
        <source>Download MNIST ({0} MB)</source>
        <translation>下载 MNIST（{0} MB）</translation>
    </message>
    <message>
        <source>✓ MNIST found: 60,000 training and 10,000 test images.</source>
        <translation>✓ 已找到 MNIST：60,000 张训练图像和 10,000 张测试图像。</translation>
    </message>
    <message numerus="yes">
        <source>⚠ MNIST is not in this folder (%n of 4 files missing). Download it here, or choose a folder that has it.</source>
        <translation>
            <numerusform>⚠ 此文件夹中没有 MNIST（4 个文件中缺少 %n 个）。可在此下载，或选择包含它的文件夹。</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder with the MNIST files</source>
        <translation>包含 MNIST 文件的文件夹</translation>
    </message>
    <message>
        <source>Downloading MNIST into {0}…</source>
        <translation>正在将 MNIST 下载到 {0}…</translation>
    </message>
    <message>
        <source>MNIST downloaded and verified in {0}.</source>
        <translation>MNIST 已下载并校验完毕，位于 {0}。</translation>
    </message>
</context>
<context>
    <name>DensePanel</name>
    <message>
        <source>Hover a unit for its value (dense units see the whole input)</source>
        <translation>将鼠标悬停在单元上查看其数值（全连接层的单元看到整个输入）</translation>
    </message>
    <message>
        <source>{0} unit {1}: {2:.3f}</source>
        <translation>{0} 单元 {1}：{2:.3f}</translation>
    </message>
</context>
<context>
    <name>DeviceChoice</name>
    <message>
        <source>Not available to this PyTorch on this computer</source>
        <translation>此计算机上的 PyTorch 无法使用</translation>
    </message>
    <message>
        <source>Where the network trains: auto picks a CUDA or Apple GPU when there is one, else the CPU.</source>
        <translation>网络在哪里训练：auto 在有 CUDA 或 Apple GPU 时使用 GPU，否则使用 CPU。</translation>
    </message>
</context>
<context>
    <name>DigitPanel</name>
    <message>
        <source>Draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <source>{0:.1%} confident</source>
        <translation>置信度 {0:.1%}</translation>
    </message>
    <message>
        <source>LeNet is waiting</source>
        <translation>LeNet 正在等待</translation>
    </message>
    <message>
        <source>LeNet reads</source>
        <translation>LeNet 识别为</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>Hover: value and receptive field · click: enlarge</source>
        <translation>悬停：数值和感受野 · 单击：放大</translation>
    </message>
    <message>
        <source>{0} map {1}, unit ({2}, {3}): {4:.3f}</source>
        <translation>{0} 特征图 {1}，单元 ({2}, {3})：{4:.3f}</translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} of {2:.1f} MB</source>
        <translation>{0}：{1:.1f} / {2:.1f} MB</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} MB</source>
        <translation>{0}：{1:.1f} MB</translation>
    </message>
    <message>
        <source>Download failed unexpectedly: {0}</source>
        <translation>下载意外失败：{0}</translation>
    </message>
    <message>
        <source>Download cancelled; no partial files were kept.</source>
        <translation>下载已取消；未保留任何不完整的文件。</translation>
    </message>
</context>
<context>
    <name>KernelsPanel</name>
    <message>
        <source>C1: 6 filters. C2: column = output map, row = the S1 map it reads. Colour: weight relative to the layer&apos;s largest. Hover for values.</source>
        <translation>C1：6 个卷积核。C2：列 = 输出特征图，行 = 它读取的 S1 特征图。颜色：权重相对于该层最大权重的比例。悬停查看数值。</translation>
    </message>
    <message>
        <source>filter {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
    <message>
        <source>map {0} ← S1 map {1}</source>
        <translation>特征图 {0} ← S1 特征图 {1}</translation>
    </message>
    <message>
        <source>{0} {1}, weight ({2}, {3}): {4:+.3f}</source>
        <translation>{0} {1}，权重 ({2}, {3})：{4:+.3f}</translation>
    </message>
</context>
<context>
    <name>LearningRateBox</name>
    <message>
        <source>Peak learning rate of the one-cycle schedule (AdamW).</source>
        <translation>单周期（one-cycle）调度的峰值学习率（AdamW）。</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>{0} (shipped)</source>
        <translation>{0}（内置）</translation>
    </message>
    <message>
        <source>Preview: another network reads the drawing</source>
        <extracomment>The result for the drawing as the reading network sees it (a blank one when empty). The active model changed (kernels, normalisation, label). A preview started or moved on (its note for the status bar), or ended (&quot;&quot;).</extracomment>
        <translation>预览：另一个网络正在识别这幅图</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({0})</source>
        <translation>图像 ({0})</translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt);;All files (*)</source>
        <translation>LeNet Lens 权重 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <extracomment>The active workspace changed (its key, e.g. &quot;draw&quot;, &quot;insight&quot;).</extracomment>
        <translation>工作区</translation>
    </message>
    <message>
        <source>test accuracy {0:.2%}</source>
        <translation>测试准确率 {0:.2%}</translation>
    </message>
    <message>
        <source>no recorded accuracy</source>
        <translation>无记录的准确率</translation>
    </message>
    <message>
        <source>Weights: {0} · {1}</source>
        <translation>权重：{0} · {1}</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>无法打开图像</translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation>未找到数字</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Cannot load weights</source>
        <translation>无法加载权重</translation>
    </message>
    <message>
        <source>Save weights as</source>
        <translation>权重另存为</translation>
    </message>
    <message>
        <source>Cannot save weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <source>Saved weights to {0}</source>
        <translation>权重已保存到 {0}</translation>
    </message>
    <message>
        <source>Cannot load the shipped weights</source>
        <translation>无法加载内置权重</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>About LeNet Lens</source>
        <translation>关于 LeNet Lens</translation>
    </message>
    <message>
        <source>Draw a digit, watch LeNet-5 read it live, and look inside every layer.&lt;br&gt;&lt;br&gt;Active model: {0}&lt;br&gt;Recorded test accuracy: {1}</source>
        <translation>写一个数字，看 LeNet-5 实时识别它，并深入观察每一层。&lt;br&gt;&lt;br&gt;当前模型：{0}&lt;br&gt;记录的测试准确率：{1}</translation>
    </message>
    <message>
        <source>The language changes when LeNet Lens is restarted.</source>
        <translation>重新启动 LeNet Lens 后界面语言才会改变。</translation>
    </message>
</context>
<context>
    <name>MapDetailDialog</name>
    <message>
        <source>C1 map {0} = {1}(input ∗ C1 filter {0} + bias).</source>
        <translation>C1 特征图 {0} = {1}(输入 ∗ C1 卷积核 {0} + 偏置)。</translation>
    </message>
    <message>
        <source>C2 map {0} = {1}(Σ over the 6 S1 maps ∗ C2 filters {0},0..5 + bias).</source>
        <translation>C2 特征图 {0} = {1}(对 6 个 S1 特征图求和 Σ ∗ C2 卷积核 {0},0..5 + 偏置)。</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>{0} map {1} = 2x2 {2} pooling of {3} map {1}, which these kernels produce.</source>
        <translation>{0} 特征图 {1} = 对 {3} 特征图 {1} 做 2x2 {2}池化；{3} 特征图由这些卷积核产生。</translation>
    </message>
    <message>
        <source>{0} map {1}</source>
        <translation>{0} 特征图 {1}</translation>
    </message>
    <message>
        <source>{0} kernel {1}</source>
        <translation>{0} 卷积核 {1}</translation>
    </message>
    <message>
        <source>C2 kernels {0},0..5 (per S1 map)</source>
        <translation>C2 卷积核 {0},0..5（每个 S1 特征图一个）</translation>
    </message>
</context>
<context>
    <name>NetworkInputPanel</name>
    <message>
        <source>What LeNet sees: 32x32 = the 28x28 MNIST-style field (dashed) + 2 px padding</source>
        <translation>LeNet 看到的输入：32x32 = 28x28 的 MNIST 式区域（虚线框）+ 2 像素填充</translation>
    </message>
</context>
<context>
    <name>PenFolderRow</name>
    <message>
        <source>Folder with the real pen digits (pendigits-orig.tra.gz, UCI data set 81). Default: ${0}, else the per-user cache.</source>
        <translation>包含真实笔写数字的文件夹（pendigits-orig.tra.gz，UCI 数据集 81）。默认值：${0}，否则为用户缓存目录。</translation>
    </message>
    <message>
        <source>Download pen digits ({0} MB)</source>
        <translation>下载笔写数字（{0} MB）</translation>
    </message>
    <message>
        <source>✓ Real pen digits found: retraining mixes them with MNIST (never the held-out writers the accuracy on drawings is measured on).</source>
        <translation>✓ 已找到真实笔写数字：重新训练时会将其与 MNIST 混合（绝不使用用于测量手绘准确率的保留书写者）。</translation>
    </message>
    <message>
        <source>No real pen digits found: training on MNIST alone. Download them here (UCI, CC BY 4.0), or choose a folder that has pendigits-orig.tra.gz.</source>
        <translation>未找到真实笔写数字：仅用 MNIST 训练。可在此下载（UCI，CC BY 4.0），或选择包含 pendigits-orig.tra.gz 的文件夹。</translation>
    </message>
    <message>
        <source>Folder with the real pen digits</source>
        <translation>包含真实笔写数字的文件夹</translation>
    </message>
    <message>
        <source>Downloading the real pen digits into {0}…</source>
        <translation>正在将真实笔写数字下载到 {0}…</translation>
    </message>
    <message>
        <source>Real pen digits downloaded and verified: {0}.</source>
        <translation>真实笔写数字已下载并校验：{0}。</translation>
    </message>
</context>
<context>
    <name>RetrainDevice</name>
    <message>
        <source>Training on CUDA: {0}</source>
        <translation>正在 CUDA 上训练：{0}</translation>
    </message>
    <message>
        <source>Training on MPS (the Apple GPU)</source>
        <translation>正在 MPS（Apple GPU）上训练</translation>
    </message>
    <message>
        <source>Training on CPU (1 thread)</source>
        <translation>正在 CPU 上训练（1 个线程）</translation>
    </message>
    <message>
        <source>Training on CPU ({0} threads)</source>
        <translation>正在 CPU 上训练（{0} 个线程）</translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Retrain LeNet-5</source>
        <extracomment>torch threads for training; None: the idle cores at the start of a run (see `worker.training_threads`). The GUI itself runs torch single-threaded (app/runtime.py). Emitted once per run after its thread has ended: &quot;finished&quot;, &quot;failed&quot; or &quot;cancelled&quot;.</extracomment>
        <translation>重新训练 LeNet-5</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>torch threads for training (None: idle cores, app.cpu)</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>MNIST data folder</source>
        <translation>MNIST 数据文件夹</translation>
    </message>
    <message>
        <source>Real pen digits (optional)</source>
        <translation>真实笔写数字（可选）</translation>
    </message>
    <message>
        <source>Watch the drawing&apos;s feature maps
evolve as the network learns</source>
        <translation>观察所画数字的特征图
随网络学习而变化</translation>
    </message>
    <message>
        <source>The main window shows what the network in training sees in your drawing: after each epoch and about once a second while it trains, and reads what you draw meanwhile; the active model is not changed.</source>
        <translation>主窗口显示训练中的网络在你的画中看到了什么：每轮结束后以及训练期间大约每秒一次，并识别你在此期间写的内容；当前模型不会改变。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message numerus="yes">
        <source>Defaults: the shipped recipe cut to %n epoch(s), under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</source>
        <translation>
            <numerusform>默认值：内置训练方案缩减为 %n 轮，在双核 CPU 上不到一分钟即可达到 ≥ 99% 的测试准确率。平均池化加 tanh 是 1998 年的原始设计；可与最大池化加 relu 对比。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>What went wrong, with the traceback</source>
        <translation>出了什么问题（含回溯信息）</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>再次训练</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Invalid settings: {0}</source>
        <translation>设置无效：{0}</translation>
    </message>
    <message>
        <source>Wait for the download to finish, or cancel it.</source>
        <translation>请等待下载完成，或取消下载。</translation>
    </message>
    <message>
        <source>MNIST is not in {0}. Download it there with the button above, or choose a folder that has the four files.</source>
        <translation>{0} 中没有 MNIST。请用上方的按钮下载到该位置，或选择包含这四个文件的文件夹。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:.0%} · {5} left</source>
        <translation>第 {0}/{1} 轮 · 批次 {2}/{3} · {4:.0%} · 剩余 {5}</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <source>{0} The active model is unchanged.</source>
        <translation>{0} 当前模型未改变。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Training cancelled. The active model and files are unchanged.</source>
        <translation>训练已取消。当前模型和文件均未改变。</translation>
    </message>
    <message>
        <source>New model: {0:.2%}</source>
        <translation>新模型：{0:.2%}</translation>
    </message>
    <message>
        <source>({0:+.2f} points)</source>
        <translation>（{0:+.2f} 个百分点）</translation>
    </message>
    <message>
        <source>vs &amp;nbsp; active model: {0:.2%}</source>
        <translation>对比 &amp;nbsp; 当前模型：{0:.2%}</translation>
    </message>
    <message>
        <source>test accuracy on the same {0:,} MNIST images</source>
        <translation>在相同的 {0:,} 张 MNIST 图像上的测试准确率</translation>
    </message>
    <message>
        <source>Done in {0}</source>
        <translation>完成，用时 {0}</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Training finished. “Use this model” puts it in the live view; “Save…” keeps it in a file. Otherwise it is discarded when you close this dialog or train again.</source>
        <translation>训练完成。“使用此模型”将它放入实时视图；“保存…”将它保存到文件。否则，关闭此对话框或再次训练时它会被丢弃。</translation>
    </message>
    <message>
        <source>In use ✓</source>
        <translation>使用中 ✓</translation>
    </message>
    <message>
        <source>The new model ({0}) is now active.</source>
        <translation>新模型（{0}）现已启用。</translation>
    </message>
    <message>
        <source>Save the retrained weights</source>
        <translation>保存重新训练的权重</translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt)</source>
        <translation>LeNet Lens 权重 (*.pt)</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>已保存到 {0}。</translation>
    </message>
    <message>
        <source>Trained on MNIST and {0:,} real pen digits.</source>
        <translation>已用 MNIST 和 {0:,} 个真实笔写数字训练。</translation>
    </message>
    <message>
        <source>No real pen digits found: trained on MNIST alone.</source>
        <translation>未找到真实笔写数字：仅用 MNIST 训练。</translation>
    </message>
</context>
<context>
    <name>RetrainJob</name>
    <message>
        <source>Training diverged: {0}. Try a smaller learning rate.</source>
        <extracomment>Phases a run reports through `RetrainJob.stage(phase, text)`. Progress signals are coalesced to at most one per this many seconds (plus each epoch&apos;s last batch). Each one repaints the curves on the GUI thread, which holds the GIL meanwhile and so pauses training: at 20 Hz the GUI&apos;s p95 stall was ~31 ms and an epoch ~25% slower; at 5 Hz the stall p95 is ~1-2 ms and the curves still look live. With the preview on, a snapshot of the network at most this often: copying it takes about a millisecond and the GUI&apos;s forward pass about as long, so training barely notices. The active network, evaluated on the same test images at the end so that &quot;new vs old&quot; compares like with like (a subset run must not be compared to a full-test-set figure). torch intra-op threads while training (None: `training_threads()` decides at start). The real pen-digit file (`model.pendata.find_pen_file`); None: MNIST alone. &quot;auto&quot;, &quot;cpu&quot;, &quot;cuda&quot; or &quot;mps&quot; (`model.training.resolve_device`).</extracomment>
        <translation>训练发散：{0}。请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Out of memory: try a smaller batch size or fewer training images.</source>
        <translation>内存不足：请尝试更小的批大小或更少的训练图像。</translation>
    </message>
    <message>
        <source>Training failed unexpectedly: {0}</source>
        <translation>训练意外失败：{0}</translation>
    </message>
    <message>
        <source>Reading the real pen digits…</source>
        <translation>正在读取真实笔写数字…</translation>
    </message>
    <message>
        <source>Drawing {0:,} real pen digits like the canvas: {1:.0%}</source>
        <translation>正在像画布一样绘制 {0:,} 个真实笔写数字：{1:.0%}</translation>
    </message>
    <message>
        <source>MNIST and {0:,} real pen digits</source>
        <translation>MNIST 和 {0:,} 个真实笔写数字</translation>
    </message>
    <message>
        <source>No real pen digits found: training on MNIST alone</source>
        <translation>未找到真实笔写数字：仅用 MNIST 训练</translation>
    </message>
    <message>
        <source>{0} · {1}…</source>
        <translation>{0} · {1}…</translation>
    </message>
    <message>
        <source>Evaluating the active model…</source>
        <translation>正在评估当前模型…</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
</context>
<context>
    <name>RetrainRun</name>
    <message>
        <source>retrained {0:%H:%M}</source>
        <translation>重新训练于 {0:%H:%M}</translation>
    </message>
    <message>
        <source>Preview: the network in training, after {0:g} epochs (the active model is unchanged)</source>
        <translation>预览：训练中的网络，已训练 {0:g} 轮（当前模型未改变）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>每批</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>train batches (smoothed)</source>
        <translation>训练批次（平滑）</translation>
    </message>
    <message>
        <source>test (each epoch)</source>
        <translation>测试（每轮）</translation>
    </message>
</context>
<context>
    <name>error_text</name>
    <message>
        <source>The weights file could not be saved.</source>
        <translation>无法保存权重文件。</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>无法写入文件。</translation>
    </message>
    <message>
        <source>These weights cannot be used.</source>
        <translation>无法使用这些权重。</translation>
    </message>
    <message>
        <source>MNIST could not be downloaded.</source>
        <translation>无法下载 MNIST。</translation>
    </message>
    <message>
        <source>The MNIST files are missing or damaged.</source>
        <translation>MNIST 文件缺失或已损坏。</translation>
    </message>
    <message>
        <source>This file cannot be read as an image.</source>
        <translation>无法将此文件作为图像读取。</translation>
    </message>
    <message>
        <source>There is no digit to read: the image is blank.</source>
        <translation>没有可识别的数字：图像是空白的。</translation>
    </message>
    <message>
        <source>Training diverged (the loss became infinite).</source>
        <translation>训练发散（损失变为无穷大）。</translation>
    </message>
    <message>
        <source>Stopped at your request.</source>
        <translation>已按你的要求停止。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <source>{0}

Details: {1}</source>
        <translation>{0}

详细信息：{1}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {0}. LeNet Lens keeps running.</source>
        <translation>出错了：{0}。LeNet Lens 会继续运行。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>LeNet Lens cannot start</source>
        <translation>LeNet Lens 无法启动</translation>
    </message>
    <message>
        <source>Last weights unavailable</source>
        <translation>上次使用的权重不可用</translation>
    </message>
    <message>
        <source>{0}

Using the shipped weights.</source>
        <translation>{0}

改用内置权重。</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>English</source>
        <extracomment>View ▸ Language: one checkable action per language code (objectName `language_&lt;code&gt;`).</extracomment>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Load weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Save weights as…</source>
        <translation>权重另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reset to shipped weights</source>
        <translation>恢复内置权重(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo last stroke</source>
        <translation>撤销上一笔(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Restore &amp;default layout</source>
        <translation>恢复默认布局(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retrain…</source>
        <translation>重新训练(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;About LeNet Lens</source>
        <translation>关于 LeNet Lens(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source> Pen width </source>
        <translation> 笔宽 </translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Stroke width on the 280x280 canvas (default 20 ≈ MNIST&apos;s stroke)</source>
        <translation>280x280 画布上的笔画宽度（默认 20 ≈ MNIST 的笔画粗细）</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <source>convolution 5x5 · 6@28x28</source>
        <translation>卷积 5x5 · 6@28x28</translation>
    </message>
    <message>
        <source>pooling 2x2 · 6@14x14</source>
        <translation>池化 2x2 · 6@14x14</translation>
    </message>
    <message>
        <source>convolution 5x5 · 16@10x10</source>
        <translation>卷积 5x5 · 16@10x10</translation>
    </message>
    <message>
        <source>pooling 2x2 · 16@5x5</source>
        <translation>池化 2x2 · 16@5x5</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Network input (32x32)</source>
        <translation>网络输入 (32x32)</translation>
    </message>
    <message>
        <source>Kernels (C1, C2)</source>
        <translation>卷积核 (C1, C2)</translation>
    </message>
    <message>
        <source>F5 · F6 · fully connected</source>
        <translation>F5 · F6 · 全连接层</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw a digit and watch every layer read it</source>
        <translation>写一个数字，看每一层如何识别它</translation>
    </message>
</context>
</TS>
