<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArithmeticPanel</name>
    <message>
        <source>Which input channel&apos;s patch and kernel to show</source>
        <translation>显示哪个输入通道的局部区域和卷积核</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>col</source>
        <translation>列</translation>
    </message>
    <message>
        <source>input channel</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Slide the window over the map, one unit per step</source>
        <translation>让窗口在特征图上滑动，每步移动一个单元</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Click a unit to see how it got its value</source>
        <translation>单击一个单元，查看它的数值是怎样得到的</translation>
    </message>
    <message>
        <source>A unit&apos;s value is a weighted sum of the values under its window plus a bias, passed through the activation function. A convolution unit sums over every input channel (C2 reads all six S1 maps); a pooling unit keeps the largest value of its 2x2 window (or their mean); F5 and F6 weigh every value of the layer below. Press Play to watch the same kernel slide over the whole map.</source>
        <translation>一个单元的数值，是它窗口下各个数值的加权和再加上偏置，然后经过激活函数得到。卷积单元要对每个输入通道求和（C2 读取全部六个 S1 特征图）；池化单元保留其 2x2 窗口中的最大值（或它们的平均值）；F5 和 F6 则对前一层的每个数值加权。按“播放”，观察同一个卷积核在整个特征图上滑动。</translation>
    </message>
    <message>
        <source>A unit&apos;s value is a weighted sum of the values under its window plus a bias, passed through the activation function. A convolution unit sums over every input channel; a pooling unit keeps the largest value of its window (or their mean); a dense unit weighs every value of the layer below. The layers, windows and strides are the active network&apos;s own. Press Play to watch the same kernel slide over the whole map.</source>
        <translation>一个单元的数值，是它窗口下各个数值的加权和再加上偏置，然后经过激活函数得到。卷积单元要对每个输入通道求和；池化单元保留其窗口中的最大值（或它们的平均值）；全连接单元则对前一层的每个数值加权。这里的层、窗口和步长都是当前网络自己的。按“播放”，观察同一个卷积核在整个特征图上滑动。</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Draw a digit to see how its units got their values.</source>
        <translation>写一个数字，看看各个单元的数值是怎样得到的。</translation>
    </message>
    <message>
        <source>{layer} unit {unit} = &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>{layer} 单元 {unit} = &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>map {c}, row {r}, col {col}</source>
        <translation>特征图 {c}，行 {r}，列 {col}</translation>
    </message>
    <message>
        <source>network input (32x32)</source>
        <translation>网络输入（32x32）</translation>
    </message>
    <message>
        <source>{layer} map {c} (below)</source>
        <translation>{layer} 特征图 {c}（前一层）</translation>
    </message>
    <message>
        <source>{layer} map {c}</source>
        <translation>{layer} 特征图 {c}</translation>
    </message>
</context>
<context>
    <name>AttributionPanel</name>
    <message>
        <source>Saliency (input gradient)</source>
        <translation>显著图（输入梯度）</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <source>Occlusion (4x4)</source>
        <translation>遮挡（4x4）</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测的类别</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>Select a sample in the gallery, or draw a digit in Draw, to see where the network looks.</source>
        <translation>在样本库中选择一个样本，或在“绘制”中写一个数字，看看网络在看哪里。</translation>
    </message>
    <message>
        <source>Nothing stands out</source>
        <translation>没有突出之处</translation>
    </message>
    <message>
        <source>% of score</source>
        <translation>占分数的 %</translation>
    </message>
    <message>
        <source>Grad-CAM (not available)</source>
        <translation>Grad-CAM（不可用）</translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation>这幅手写数字</translation>
    </message>
    <message>
        <source>sample #{0} (true {1})</source>
        <translation>样本 #{0}（真实标签 {1}）</translation>
    </message>
    <message>
        <source>Grad-CAM is not available for this network: it has no convolution, so there are no feature maps to weigh. Choose another method.</source>
        <translation>这个网络无法使用 Grad-CAM：它没有卷积层，因此没有可加权的特征图。请选择其他方法。</translation>
    </message>
    <message>
        <source>Cannot compute this map: {0}</source>
        <translation>无法计算这张图：{0}</translation>
    </message>
    <message>
        <source>{0} for {1}, class {2}.</source>
        <translation>{0}：{1}，类别 {2}。</translation>
    </message>
    <message>
        <source>Nothing stands out: there is no ink to explain. Draw a digit in Draw, or select a sample in the gallery.</source>
        <translation>没有突出之处：没有笔迹可解释。请在“绘制”中写一个数字，或在样本库中选择一个样本。</translation>
    </message>
    <message>
        <source>Nothing stands out: no value reaches {0} of the score, so nothing is coloured.</source>
        <translation>没有突出之处：没有任何值达到分数的 {0}，因此不着色。</translation>
    </message>
    <message>
        <source>how much inking that pixel alone would change the score</source>
        <translation>只把该像素涂黑会使分数改变多少</translation>
    </message>
    <message>
        <source>each pixel&apos;s share of the score</source>
        <translation>每个像素在分数中所占的份额</translation>
    </message>
    <message>
        <source>the score lost when a 4x4 patch there is blanked</source>
        <translation>把该处 4x4 的区域涂白后分数的损失</translation>
    </message>
    <message>
        <source>the share of the {0} units centred there</source>
        <translation>中心在该处的 {0} 单元所占的份额</translation>
    </message>
    <message>
        <source>Colour: {0}, in % of the score the drawing adds over a blank canvas (100% = {1:.1f} logits). Orange raises the score, blue lowers it; under {2} is not coloured.</source>
        <translation>颜色：{0}，以这幅手写数字相对空白画布为该类别增加的分数的百分比表示（100% = {1:.1f} 个 logit）。橙色提高分数，蓝色降低分数；低于 {2} 的不着色。</translation>
    </message>
    <message>
        <source>Also over the drawing</source>
        <translation>同时叠加在手写数字上</translation>
    </message>
    <message>
        <source>Grad-CAM on {0}</source>
        <translation>{0} 上的 Grad-CAM</translation>
    </message>
    <message>
        <source>Over the drawing in Draw too (follows it live)</source>
        <translation>同时叠加在“绘制”中的手写数字上（实时跟随）</translation>
    </message>
</context>
<context>
    <name>CanvasDrawing</name>
    <message>
        <source>clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Thick pen for a small drawing: LeNet reads it drawn thinner</source>
        <translation>对这么小的手写数字笔太粗：LeNet 读的是画细后的样子</translation>
    </message>
    <message>
        <source>Drawing replaced the opened image; Ctrl+Z brings the image back</source>
        <translation>手写数字已替换打开的图像；按 Ctrl+Z 可恢复该图像</translation>
    </message>
    <message>
        <source>stroke</source>
        <translation>笔画</translation>
    </message>
</context>
<context>
    <name>CanvasOverlay</name>
    <message>
        <source>Grad-CAM is not available: this network has no convolution</source>
        <translation>Grad-CAM 不可用：这个网络没有卷积层</translation>
    </message>
    <message>
        <source>Nothing stands out</source>
        <translation>没有突出之处</translation>
    </message>
</context>
<context>
    <name>CollectionDelegate</name>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>reads {0}</source>
        <translation>识别为 {0}</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <source>My drawings</source>
        <translation>我的手写数字</translation>
    </message>
    <message>
        <source>Relabel as</source>
        <translation>重新标注为</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put back the drawings deleted last (Ctrl+Z)</source>
        <translation>放回最近删除的手写数字（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>{0}
Nothing was changed.</source>
        <translation>{0}
没有做任何更改。</translation>
    </message>
    <message>
        <source>Not relabelled</source>
        <translation>未重新标注</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n drawing(s) from your collection? Undo delete (Ctrl+Z) in this window brings them back.</source>
        <translation>
            <numerusform>从你的手写集中删除 %n 幅手写数字？在此窗口中点“撤销删除”（Ctrl+Z）可以放回。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n drawing(s). Undo delete (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>已删除 %n 幅手写数字。点“撤销删除”（Ctrl+Z）可以放回。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未放回</translation>
    </message>
    <message numerus="yes">
        <source>Put back %n drawing(s).</source>
        <translation>
            <numerusform>已放回 %n 幅手写数字。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export my drawings</source>
        <translation>导出我的手写数字</translation>
    </message>
    <message>
        <source>LeNet Lens collections (*.json);;All files (*)</source>
        <translation>LeNet Lens 手写集 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>导入手写数字</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing(s).</source>
        <translation>
            <numerusform>已导入 %n 幅手写数字。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing(s) were already in your collection.</source>
        <translation>
            <numerusform>另有 %n 幅手写数字已在你的手写集中，已跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing(s) in {0}. The network reading the canvas misreads {1} of them (orange frame).</source>
        <translation>
            <numerusform>{0} 中有 %n 幅手写数字。识别画布的网络认错了其中 {1} 幅（橙色边框）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relabelled %n drawing(s) as {0}.</source>
        <translation>
            <numerusform>已将 %n 幅手写数字重新标注为 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete drawings</source>
        <translation>删除手写数字</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawing(s) to {0}.</source>
        <translation>
            <numerusform>已将 %n 幅手写数字导出到 {0}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>Kept as {0} on {1}; the active network reads {2}</source>
        <translation>于 {1} 收藏为 {0}；当前网络识别为 {2}</translation>
    </message>
    <message>
        <source>drawing kept as {0}</source>
        <translation>收藏为 {0} 的手写数字</translation>
    </message>
    <message numerus="yes">
        <source>{0} · %n drawing(s)</source>
        <translation>
            <numerusform>{0} · %n 幅手写数字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Compare with a weights file…</source>
        <translation>与权重文件比较…</translation>
    </message>
    <message>
        <source>Compare with the shipped weights</source>
        <translation>与内置权重比较</translation>
    </message>
    <message>
        <source>Choose a second model to compare with the active one.</source>
        <translation>选择第二个模型，与当前模型进行比较。</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Show the disagreements in the gallery</source>
        <translation>在样本库中显示结论不同的样本</translation>
    </message>
    <message>
        <source>Confusion matrix of B minus A:</source>
        <translation>B 减 A 的混淆矩阵：</translation>
    </message>
    <message>
        <source>Weights to compare with</source>
        <translation>要比较的权重</translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt);;All files (*)</source>
        <translation>LeNet Lens 权重 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not load the weights</source>
        <translation>无法加载权重</translation>
    </message>
    <message>
        <source>Evaluating {0}…</source>
        <translation>正在评估 {0}…</translation>
    </message>
    <message>
        <source>Could not evaluate {0}: {1}</source>
        <translation>无法评估 {0}：{1}</translation>
    </message>
    <message>
        <source>A (active): {0} · B ({1}): {2} · B − A: {3} · they disagree on {4} samples (only A right: {5}, only B right: {6})</source>
        <translation>A（当前）：{0} · B（{1}）：{2} · B − A：{3} · 两者在 {4} 个样本上结论不同（仅 A 正确：{5}，仅 B 正确：{6}）</translation>
    </message>
    <message>
        <source>{0:+.2f} pt</source>
        <translation>{0:+.2f} 个百分点</translation>
    </message>
    <message>
        <source>Show the {0} disagreements in the gallery</source>
        <translation>在样本库中显示这 {0} 个结论不同的样本</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Shipped network</source>
        <translation>随附网络</translation>
    </message>
    <message>
        <source>Active network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <source>Last network trained in the lab</source>
        <translation>实验室中最近训练的网络</translation>
    </message>
    <message>
        <source>Weights file…</source>
        <translation>权重文件…</translation>
    </message>
    <message>
        <source>Open weights to compare</source>
        <translation>打开要对比的权重</translation>
    </message>
    <message>
        <source>LeNet Lens weights (*.pt)</source>
        <translation>LeNet Lens 权重 (*.pt)</translation>
    </message>
    <message>
        <source>Network {0}</source>
        <translation>网络 {0}</translation>
    </message>
    <message>
        <source>Measure both</source>
        <translation>测量两者</translation>
    </message>
    <message>
        <source>Accuracy on MNIST test and on the pen validation writers, time per image and the shift test, for both networks (in the background)</source>
        <translation>在后台测量两个网络：MNIST 测试集与验证书写者手写笔迹数字上的准确率、每张图像的用时，以及平移测试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Measuring needs MNIST&apos;s test images.</source>
        <translation>测量需要 MNIST 的测试图像。</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B vs A</source>
        <translation>B 对比 A</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>乘加</translation>
    </message>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 测试集</translation>
    </message>
    <message>
        <source>Pen digits (validation writers)</source>
        <translation>手写笔迹数字（验证书写者）</translation>
    </message>
    <message>
        <source>Time per image</source>
        <translation>每张图像用时</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>test digits moved by (px)</source>
        <translation>测试数字平移量（像素）</translation>
    </message>
    <message>
        <source>Shift tolerance</source>
        <translation>平移容忍度</translation>
    </message>
    <message>
        <source>Choose two networks and press “Measure both”: train a design in the Design tab to compare it with the shipped LeNet-5.</source>
        <translation>选择两个网络并按“测量两者”：在“设计”页训练一个设计，即可与随附的 LeNet-5 对比。</translation>
    </message>
    <message>
        <source>No network has been trained in the lab yet: train one in the Design tab.</source>
        <translation>实验室中还没有训练过网络：请在“设计”页训练一个。</translation>
    </message>
    <message>
        <source>Choose a weights file for {0}.</source>
        <translation>请为 {0} 选择权重文件。</translation>
    </message>
    <message>
        <source>MNIST is missing: see above.</source>
        <translation>缺少 MNIST：见上方。</translation>
    </message>
    <message>
        <source>Measuring both networks…</source>
        <translation>正在测量两个网络…</translation>
    </message>
    <message>
        <source>Measured on {0:,} MNIST test images; no real pen digits found for the pen row.</source>
        <translation>在 {0:,} 张 MNIST 测试图像上测得；未找到真实手写笔迹数字，手写笔迹一行留空。</translation>
    </message>
    <message>
        <source>Measured on {0:,} MNIST test images and {1:,} pen digits of writers neither network was trained on.</source>
        <translation>在 {0:,} 张 MNIST 测试图像和 {1:,} 个手写笔迹数字上测得（其书写者均未参与两个网络的训练）。</translation>
    </message>
    <message>
        <source>Measuring failed: {0}</source>
        <translation>测量失败：{0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{0:+.2f} points</source>
        <translation>{0:+.2f} 个百分点</translation>
    </message>
    <message>
        <source>{0:.2f} ms</source>
        <translation>{0:.2f} 毫秒</translation>
    </message>
    <message>
        <source>A: {0} · B: {1}</source>
        <translation>A：{0} · B：{1}</translation>
    </message>
</context>
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
        <translation>ReLU，或像原始 LeNet 那样的 tanh。</translation>
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
    <message>
        <source>Learn to say “not a digit”</source>
        <translation>学会说“不是数字”</translation>
    </message>
    <message>
        <source>Also train the network&apos;s “not a digit” output on letters, symbols and generated marks (dots, lines, scribbles, crosses), as the shipped weights were. Needs the real pen data: its validation writers set the threshold.</source>
        <translation>同时用字母、符号和生成的笔迹（点、线、乱涂、叉号）训练网络的“不是数字”输出，与随附权重的训练方式相同。需要真实笔写数据：由其验证书写者确定阈值。</translation>
    </message>
    <message>
        <source>Not a digit</source>
        <translation>不是数字</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>true ↓  predicted →</source>
        <translation>真实 ↓  预测 →</translation>
    </message>
    <message>
        <source>Δ acc.</source>
        <translation>Δ 准确率</translation>
    </message>
    <message>
        <source>acc.</source>
        <translation>准确率</translation>
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
    <name>DataMissingBox</name>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
</context>
<context>
    <name>DensePanel</name>
    <message>
        <source>Hover a unit for its value (dense units see the whole input)</source>
        <translation>悬停查看单元数值（全连接单元看到整个输入）</translation>
    </message>
    <message>
        <source>Hover a unit for its value</source>
        <translation>悬停查看单元数值</translation>
    </message>
    <message>
        <source>This network has no hidden dense layer: its 10 outputs read the flattened maps directly.</source>
        <translation>这个网络没有隐藏的全连接层：它的 10 个输出直接读取展平后的特征图。</translation>
    </message>
    <message>
        <source>{0} unit {1}: {2:.3f}</source>
        <translation>{0} 单元 {1}：{2:.3f}</translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>Convolution C{0}</source>
        <translation>卷积层 C{0}</translation>
    </message>
    <message>
        <source>Output channels: how many maps (kernels)</source>
        <translation>输出通道：特征图（卷积核）的个数</translation>
    </message>
    <message>
        <source>Kernel size k: each kernel is k × k</source>
        <translation>卷积核大小 k：每个卷积核为 k × k</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>有效填充</translation>
    </message>
    <message>
        <source>SAME</source>
        <translation>相同填充</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>VALID adds no zeros (the map shrinks by k − 1); SAME adds (k − 1) / 2 on each side (the map keeps its size at stride 1); or a number of pixels</source>
        <translation>有效填充（VALID）不补零（特征图缩小 k − 1）；相同填充（SAME）在每边补上 “(k − 1) / 2” 个零（步长为 1 时特征图大小不变）；或指定补零的像素数</translation>
    </message>
    <message>
        <source>Stride s: how far the kernel moves each step</source>
        <translation>步长 s：卷积核每步移动的距离</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
        <source>Pooling window: size × size</source>
        <translation>池化窗口：大小 × 大小</translation>
    </message>
    <message>
        <source>Pooling stride</source>
        <translation>池化步长</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this convolution stage</source>
        <translation>删除这个卷积层</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>none, max or average; window size and stride</source>
        <translation>无、最大或平均池化；窗口大小和步长</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Dense {0}</source>
        <translation>全连接层 {0}</translation>
    </message>
    <message>
        <source>Units (neurons) of this layer</source>
        <translation>这一层的单元（神经元）数</translation>
    </message>
    <message>
        <source>Dropout on this layer&apos;s output, in training</source>
        <translation>训练时对这一层输出的 Dropout</translation>
    </message>
    <message>
        <source>Remove this dense layer</source>
        <translation>删除这个全连接层</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Your design</source>
        <translation>你的设计</translation>
    </message>
    <message>
        <source>Start from one of the tutorial&apos;s designs</source>
        <translation>从教程中的一个设计开始</translation>
    </message>
    <message>
        <source>Add a convolution stage</source>
        <translation>添加卷积层</translation>
    </message>
    <message>
        <source>Add a dense layer</source>
        <translation>添加全连接层</translation>
    </message>
    <message>
        <source>Dropout on the flattened maps, before the first dense layer</source>
        <translation>对展平后的特征图施加 Dropout，位于第一个全连接层之前</translation>
    </message>
    <message>
        <source>Dropout after flattening</source>
        <translation>展平后的 Dropout</translation>
    </message>
    <message>
        <source>Then 10 outputs, one per digit.</source>
        <translation>最后是 10 个输出，每个数字一个。</translation>
    </message>
    <message>
        <source>Input: 1 × 32 × 32 (the drawing)</source>
        <translation>输入：1 × 32 × 32（手写数字）</translation>
    </message>
</context>
<context>
    <name>DesignView</name>
    <message>
        <source>Train this design…</source>
        <translation>训练这个设计…</translation>
    </message>
    <message>
        <source>Train a fresh network of this design on MNIST and the real pen digits, in the background, as Retrain does</source>
        <translation>像“重新训练”一样，在后台用 MNIST 和真实手写笔迹数字训练一个这种设计的新网络</translation>
    </message>
    <message>
        <source>Hover over a number for its formula. Output size: n input, p padding, k kernel or window, s stride.</source>
        <translation>将鼠标悬停在数字上可查看其公式。输出大小：n 为输入，p 为填充，k 为卷积核或窗口，s 为步长。</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Total: {0} parameters · {1} multiply-adds per image</source>
        <translation>合计：{0} 个参数 · 每张图像 {1} 次乘加</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <source>Cannot build this design: {0}</source>
        <translation>无法构建这个设计：{0}</translation>
    </message>
</context>
<context>
    <name>DeviceChoice</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cuda</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>mps</source>
        <translation>MPS</translation>
    </message>
    <message>
        <source>Not available to this PyTorch on this computer</source>
        <translation>此计算机上的 PyTorch 无法使用</translation>
    </message>
    <message>
        <source>Where the network trains: auto picks a CUDA or Apple GPU when there is one, else the CPU.</source>
        <translation>网络在哪里训练：“自动”在有 CUDA 或 Apple GPU 时使用 GPU，否则使用 CPU。</translation>
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
    <message>
        <source>true label: {0}</source>
        <translation>真实标签：{0}</translation>
    </message>
    <message>
        <source>only {0:.1%} confident</source>
        <translation>置信度仅 {0:.1%}</translation>
    </message>
    <message>
        <source>Not a digit?</source>
        <translation>不是数字？</translation>
    </message>
    <message>
        <source>best guess: {0} · {1:.0%}</source>
        <translation>最可能：{0} · {1:.0%}</translation>
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
        <translation>悬停：数⁠值和感⁠受⁠野 · 单⁠击：放⁠大</translation>
    </message>
    <message>
        <source>{0} map {1}, unit row {2}, column {3}: {4:.3f}</source>
        <translation>{0} 特征图 {1}，单元行 {2}，列 {3}：{4:.3f}</translation>
    </message>
    <message>
        <source>Hover: value · click: enlarge</source>
        <translation>悬停：数值 · 单击：放大</translation>
    </message>
</context>
<context>
    <name>FinetuneDialog</name>
    <message>
        <source>Fine-tune on my drawings</source>
        <translation>用我的手写数字微调</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Your collection is empty: draw a digit and press one of the “That was a…” buttons (or Ctrl+digit) to keep it, then fine-tune.</source>
        <translation>你的手写集还是空的：先写一个数字，按下某个“这是…”按钮（或 Ctrl+数字）把它收藏起来，然后再微调。</translation>
    </message>
    <message>
        <source>Loading MNIST and the pen digits…</source>
        <translation>正在加载 MNIST 和手写笔迹数字…</translation>
    </message>
    <message>
        <source>Training: step {0} of {1}, loss {2:.3f}</source>
        <translation>训练中：第 {0} / {1} 步，损失 {2:.3f}</translation>
    </message>
    <message>
        <source>Measuring before and after…</source>
        <translation>正在测量微调前后的准确率…</translation>
    </message>
    <message>
        <source>Redrawing your drawings…</source>
        <translation>正在重新绘制你的手写数字…</translation>
    </message>
    <message>
        <source>Fine-tuning cancelled. The active model and files are unchanged.</source>
        <translation>微调已取消。当前模型和文件均未改变。</translation>
    </message>
    <message>
        <source>held out: {0} drawings it was not taught</source>
        <translation>留作检验：{0} 幅没有教给它的手写数字</translation>
    </message>
    <message>
        <source>the {0} drawings it was taught (too few to hold some out)</source>
        <translation>用于训练的 {0} 幅手写数字（数量太少，无法留出一部分）</translation>
    </message>
    <message>
        <source>Your drawings</source>
        <translation>你的手写数字</translation>
    </message>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 测试集</translation>
    </message>
    <message>
        <source>{0} images</source>
        <translation>{0} 张图像</translation>
    </message>
    <message>
        <source>MNIST not found: not measured</source>
        <translation>未找到 MNIST：未测量</translation>
    </message>
    <message>
        <source>Accuracy before → after</source>
        <translation>准确率 微调前 → 微调后</translation>
    </message>
    <message>
        <source>Finished: {0} steps in {1:.1f} s.</source>
        <translation>完成：{0} 步，用时 {1:.1f} 秒。</translation>
    </message>
    <message>
        <source>The fine-tuned network now reads the canvas as a preview. “Use this model” makes it the active one; “Save…” writes it to a file.</source>
        <translation>微调后的网络现在以预览方式识别画布。“使用此模型”会把它设为当前模型；“保存…”会把它写入文件。</translation>
    </message>
    <message>
        <source>The fine-tuned model ({0}) is now active.</source>
        <translation>微调后的模型（{0}）现已成为当前模型。</translation>
    </message>
    <message>
        <source>Save the fine-tuned weights</source>
        <translation>保存微调后的权重</translation>
    </message>
    <message>
        <source>{0}
The fine-tuned model was not saved.</source>
        <translation>{0}
微调后的模型未保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Fine-tune again</source>
        <translation>再次微调</translation>
    </message>
    <message>
        <source>Fine-tuning failed</source>
        <translation>微调失败</translation>
    </message>
    <message>
        <source>MNIST is mixed in so that the network does not forget other writing, and measures what fine-tuning changed. Choose the folder that has it, or download it:</source>
        <translation>混入 MNIST 可以让网络不忘记别人的书写，并衡量微调带来的变化。请选择包含它的文件夹，或下载它：</translation>
    </message>
    <message numerus="yes">
        <source>Your collection has %n drawing(s). Fine-tuning starts from the active network and teaches it them, redrawn at other sizes, places and pen widths.</source>
        <translation>
            <numerusform>你的手写集中有 %n 幅手写数字。微调从当前网络开始，用它们在不同大小、位置和笔宽下重绘的版本来训练它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mixed in so that it does not forget other writing: MNIST training images (from {0}) and real pen digits ({1}). The change is measured on the MNIST test set, per digit.</source>
        <translation>为了不忘记别人的书写而混入：MNIST 训练图像（来自 {0}）和真实手写笔迹数字（{1}）。变化在 MNIST 测试集上按数字逐一衡量。</translation>
    </message>
    <message>
        <source>Mixed in so that it does not forget other writing: MNIST training images (from {0}); no real pen digits found. The change is measured on the MNIST test set, per digit.</source>
        <translation>为了不忘记别人的书写而混入：MNIST 训练图像（来自 {0}）；未找到真实手写笔迹数字。变化在 MNIST 测试集上按数字逐一衡量。</translation>
    </message>
    <message>
        <source>⚠ MNIST is not in {0}: only real pen digits ({1}) are mixed in, and the change on MNIST cannot be measured.</source>
        <translation>⚠ {0} 中没有 MNIST：只混入真实手写笔迹数字（{1}），无法衡量在 MNIST 上的变化。</translation>
    </message>
    <message>
        <source>⚠ Neither MNIST nor real pen digits found: nothing is mixed in, so the network may forget other writing, and the change on MNIST cannot be measured.</source>
        <translation>⚠ 既没有找到 MNIST，也没有找到真实手写笔迹数字：不混入任何数据，网络可能会忘记别人的书写，也无法衡量在 MNIST 上的变化。</translation>
    </message>
    <message>
        <source>Wait for the download to finish, or cancel it.</source>
        <translation>请等待下载完成，或取消下载。</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>MNIST test accuracy per digit (%)</source>
        <translation>各数字的 MNIST 测试准确率（%）</translation>
    </message>
    <message>
        <source>MNIST {0}s lost the most: {1:+.1f} points. What it learnt from your drawings changed how it reads other people&apos;s {0}s.</source>
        <translation>MNIST 中的 {0} 下降最多：{1:+.1f} 个百分点。它从你的手写数字中学到的东西改变了它识别别人写的 {0} 的方式。</translation>
    </message>
</context>
<context>
    <name>FinetuneRun</name>
    <message>
        <source>fine-tuned {0}</source>
        <translation>微调于 {0}</translation>
    </message>
    <message>
        <source>Preview: the fine-tuned network reads your drawing (the active model is unchanged until you press “Use this model”)</source>
        <translation>预览：微调后的网络正在识别你的手写数字（在你按下“使用此模型”之前，当前模型未改变）</translation>
    </message>
    <message>
        <source>Drawings too faint or small to read, skipped: {0}.</source>
        <translation>因太淡或太小无法识别而跳过的手写数字：{0} 个。</translation>
    </message>
    <message>
        <source>Measured on the drawings it was taught: keep two or more of a digit to measure on one it has not seen.</source>
        <translation>准确率是在它学过的手写数字上测得的：同一个数字保留两个或更多，才能在它没见过的手写数字上测量。</translation>
    </message>
    <message>
        <source>No MNIST or pen digits to replay: the network may forget other writing.</source>
        <translation>没有可供回放的 MNIST 或手写笔迹数字：网络可能会忘记其他人的写法。</translation>
    </message>
</context>
<context>
    <name>FlattenPanel</name>
    <message>
        <source>fully connected</source>
        <translation>全连接网络</translation>
    </message>
    <message>
        <source>LeNet-5 (convolutions)</source>
        <translation>LeNet-5（卷积）</translation>
    </message>
    <message>
        <source>Fully connected (flattened pixels)</source>
        <translation>全连接（展平的像素）</translation>
    </message>
    <message>
        <source>Run shift test</source>
        <translation>运行平移测试</translation>
    </message>
    <message>
        <source>Test accuracy of both networks on MNIST test images shifted by 0–4 px</source>
        <translation>在平移 0–4 像素的 MNIST 测试图像上测试两个网络的准确率</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source> images</source>
        <translation> 张图像</translation>
    </message>
    <message>
        <source>shift (px)</source>
        <translation>平移（像素）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Flattening the 32x32 image into 1,024 separate numbers throws away which pixels are neighbours: a dense network must learn every stroke at every position. Both networks here have about 61,700 parameters and were trained on the same images; the shift test moves the test digits a few pixels and measures who still reads them.</source>
        <translation>把 32x32 的图像展平成 1,024 个互不相关的数字，就丢掉了哪些像素彼此相邻的信息：全连接网络必须在每个位置上分别学会每一种笔画。这里的两个网络都有约 61,700 个参数，并在相同的图像上训练；平移测试把测试数字移动几个像素，看哪个网络仍能认出它们。</translation>
    </message>
    <message>
        <source>active network</source>
        <translation>当前网络</translation>
    </message>
    <message numerus="yes">
        <source>The active network (%n convolution stage(s))</source>
        <translation>
            <numerusform>当前网络（%n 个卷积阶段）</numerusform>
        </translation>
    </message>
    <message>
        <source>The active network (no convolution)</source>
        <translation>当前网络（没有卷积层）</translation>
    </message>
    <message>
        <source>(nothing drawn)</source>
        <translation>（尚未书写）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color: {c}&apos;&gt;(disagrees)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color: {c}&apos;&gt;（答案不一致）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>reads &lt;b&gt;{d}&lt;/b&gt; ({c:.0%}) · {p:,} parameters</source>
        <translation>识别为 &lt;b&gt;{d}&lt;/b&gt;（{c:.0%}）· {p:,} 个参数</translation>
    </message>
    <message>
        <source>Testing {n:,} images at shifts 0–{m} px…</source>
        <translation>正在测试 {n:,} 张平移 0–{m} 像素的图像…</translation>
    </message>
    <message>
        <source>{name} {a:.1%} → {b:.1%}</source>
        <translation>{name} {a:.1%} → {b:.1%}</translation>
    </message>
    <message>
        <source>Accuracy on {n:,} test images, unshifted → shifted by {m} px: {s}</source>
        <translation>在 {n:,} 张测试图像上的准确率，未平移 → 平移 {m} 像素：{s}</translation>
    </message>
    <message>
        <source>The shift test failed: {why}</source>
        <translation>平移测试失败：{why}</translation>
    </message>
    <message>
        <source>Shift test cancelled.</source>
        <translation>平移测试已取消。</translation>
    </message>
    <message>
        <source>The shift test needs MNIST&apos;s test images:</source>
        <translation>平移测试需要 MNIST 的测试图像：</translation>
    </message>
    <message>
        <source>MNIST found: run the shift test.</source>
        <translation>已找到 MNIST：可以运行平移测试。</translation>
    </message>
    <message>
        <source>MNIST is missing: choose its folder or download it.</source>
        <translation>缺少 MNIST：请选择它所在的文件夹，或下载它。</translation>
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
        <source>Check the internet connection and try again, or choose a folder that already has the four MNIST files.</source>
        <translation>请检查网络连接后重试，或选择已包含四个 MNIST 文件的文件夹。</translation>
    </message>
    <message>
        <source>Download cancelled; no partial files were kept.</source>
        <translation>下载已取消；未保留任何不完整的文件。</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <source>Sample #{0}</source>
        <translation>样本 #{0}</translation>
    </message>
    <message>
        <source>True label: {0}</source>
        <translation>真实标签：{0}</translation>
    </message>
    <message>
        <source>Predicted: {0} ({1:.1%})</source>
        <translation>预测：{0}（{1:.1%}）</translation>
    </message>
    <message>
        <source>Model B: {0}</source>
        <translation>模型 B：{0}</translation>
    </message>
    <message>
        <source>The network says: not a digit?</source>
        <translation>网络认为：不是数字？</translation>
    </message>
</context>
<context>
    <name>IncludeDrawingsCheck</name>
    <message>
        <source>Mix the drawings you kept (Training ▸ My drawings…), redrawn at other sizes, places and pen widths, into every batch alongside MNIST.</source>
        <translation>把你收藏的手写数字（训练 ▸ 我的手写数字…）以不同的大小、位置和笔宽重新绘制，与 MNIST 一起混入每个批次。</translation>
    </message>
    <message>
        <source>Include my drawings ({0} kept)</source>
        <translation>加入我的手写数字（已收藏 {0} 幅）</translation>
    </message>
</context>
<context>
    <name>InsightWorkspace</name>
    <message>
        <source>Choose a data set…</source>
        <translation>选择数据集…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No data set evaluated yet.</source>
        <translation>尚未评估任何数据集。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Confusion matrix as PNG or SVG…</source>
        <translation>混淆矩阵（PNG 或 SVG）…</translation>
    </message>
    <message>
        <source>Gallery as PNG or SVG…</source>
        <translation>样本库（PNG 或 SVG）…</translation>
    </message>
    <message>
        <source>Predictions as CSV…</source>
        <translation>预测结果（CSV）…</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Mistakes only</source>
        <translation>仅显示错误</translation>
    </message>
    <message>
        <source>All samples</source>
        <translation>全部样本</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Compare models</source>
        <translation>比较模型</translation>
    </message>
    <message>
        <source>By index</source>
        <translation>按序号</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Enter or double-click opens a sample in Draw.</source>
        <translation>按 Enter 或双击，可在“绘制”中打开样本。</translation>
    </message>
    <message>
        <source>Evaluating {0}…</source>
        <translation>正在评估 {0}…</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <source>reading %v/%m</source>
        <translation>正在读取 %v/%m</translation>
    </message>
    <message>
        <source>%v/%m</source>
        <translation>%v/%m</translation>
    </message>
    <message>
        <source>Could not evaluate: {0}</source>
        <translation>无法评估：{0}</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>评估失败。</translation>
    </message>
    <message>
        <source>Could not evaluate the data set</source>
        <translation>无法评估该数据集</translation>
    </message>
    <message>
        <source>{0}: {1} samples</source>
        <translation>{0}：{1} 个样本</translation>
    </message>
    <message>
        <source>, accuracy {0:.2%}</source>
        <translation>，准确率 {0:.2%}</translation>
    </message>
    <message>
        <source>, {0} files could not be read</source>
        <translation>，{0} 个文件无法读取</translation>
    </message>
    <message>
        <source>{0} samples where the models disagree (true → A, the active model; B, the other)</source>
        <translation>两个模型意见不一致的 {0} 个样本（真实标签 → A 为当前模型，B 为另一个模型）</translation>
    </message>
    <message>
        <source>{0} samples: true {1}, predicted {2}</source>
        <translation>{0} 个样本：真实标签 {1}，预测 {2}</translation>
    </message>
    <message>
        <source>{0} samples of true digit {1}</source>
        <translation>真实数字为 {1} 的 {0} 个样本</translation>
    </message>
    <message>
        <source>{0} samples predicted {1}</source>
        <translation>预测为 {1} 的 {0} 个样本</translation>
    </message>
    <message>
        <source>{0} samples</source>
        <translation>{0} 个样本</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export the confusion matrix</source>
        <translation>导出混淆矩阵</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the gallery</source>
        <translation>导出样本库</translation>
    </message>
    <message>
        <source>Export per-sample predictions</source>
        <translation>导出每个样本的预测结果</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Insight evaluates the active model on MNIST&apos;s 10,000 test images:</source>
        <translation>洞察在 MNIST 的 10,000 张测试图像上评估当前模型：</translation>
    </message>
    <message>
        <source>Confident mistakes first</source>
        <translation>高置信错误优先</translation>
    </message>
    <message>
        <source>Unsure right answers first</source>
        <translation>低置信正确优先</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true digit, columns: prediction)</source>
        <translation>混淆矩阵（行：真实数字，列：预测）</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
</context>
<context>
    <name>KernelsPanel</name>
    <message>
        <source>Colour: weight relative to the layer&apos;s largest. Hover for values.</source>
        <translation>颜色：权重相对于该层最大权重的比例。悬停查看数值。</translation>
    </message>
    <message>
        <source>{0}: {1} filters.</source>
        <translation>{0}：{1} 个卷积核。</translation>
    </message>
    <message>
        <source>{0}: column = output map, row = the {1} map it reads.</source>
        <translation>{0}：列 = 输出特征图，行 = 它读取的 {1} 特征图。</translation>
    </message>
    <message>
        <source>{0}: row = output map, column = the {1} map it reads.</source>
        <translation>{0}：行 = 输出特征图，列 = 它读取的 {1} 特征图。</translation>
    </message>
    <message>
        <source>This network has no convolution, so it has no kernels: each unit of its first layer has its own weight for every input pixel.</source>
        <translation>这个网络没有卷积层，因此没有卷积核：它第一层的每个单元对每个输入像素都有自己的权重。</translation>
    </message>
    <message>
        <source>Hover a weight for its value</source>
        <translation>将鼠标悬停在权重上查看其数值</translation>
    </message>
    <message>
        <source>Hover: value</source>
        <translation>悬停：数值</translation>
    </message>
    <message>
        <source>{0} filter {1}</source>
        <translation>{0} 卷积核 {1}</translation>
    </message>
    <message>
        <source>{0} filter {1} (grid row) ← {2} map {3} (grid column)</source>
        <translation>{0} 卷积核 {1}（网格行）← {2} 特征图 {3}（网格列）</translation>
    </message>
    <message>
        <source>{0} filter {1} ← {2} map {3}</source>
        <translation>{0} 卷积核 {1} ← {2} 特征图 {3}</translation>
    </message>
    <message>
        <source>{0} filter {1} (grid column) ← {2} map {3} (grid row)</source>
        <translation>{0} 卷积核 {1}（网格列）← {2} 特征图 {3}（网格行）</translation>
    </message>
    <message>
        <source>{0}, weight row {1}, column {2}: {3:+.3f}</source>
        <translation>{0}，权重行 {1}，列 {2}：{3:+.3f}</translation>
    </message>
    <message>
        <source>{0:+.3f}  {1}, ({2}, {3})</source>
        <translation>{0:+.3f}  {1}，({2}, {3})</translation>
    </message>
</context>
<context>
    <name>LabCentral</name>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
</context>
<context>
    <name>LabRun</name>
    <message>
        <source>lab design {0:%H:%M}</source>
        <translation>实验室设计 {0:%H:%M}</translation>
    </message>
</context>
<context>
    <name>LabTrainDialog</name>
    <message>
        <source>Train the lab&apos;s design</source>
        <translation>训练实验室的设计</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Passes over the training images.</source>
        <translation>遍历训练图像的轮数。</translation>
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
        <source>Same seed and settings: the same network, bit for bit.</source>
        <translation>相同的随机种子和设置：得到逐位相同的网络。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>MNIST data folder</source>
        <translation>MNIST 数据文件夹</translation>
    </message>
    <message>
        <source>Real pen digits (optional)</source>
        <translation>真实手写笔迹数字（可选）</translation>
    </message>
    <message>
        <source>Watch the drawing&apos;s feature maps
evolve as it learns</source>
        <translation>观察手写数字的特征图
随网络学习而变化</translation>
    </message>
    <message numerus="yes">
        <source>Default: %n epoch(s) on MNIST and the real pen digits, about a minute on two cores for a LeNet-5-sized design; an epoch takes longer the more multiply-adds the design has.</source>
        <translation>
            <numerusform>默认：在 MNIST 和真实手写笔迹数字上训练 %n 轮，LeNet-5 大小的设计在双核上约需一分钟；设计的乘加次数越多，每轮用时越长。</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} parameters · {1} multiply-adds per image</source>
        <translation>{0} 个参数 · 每张图像 {1} 次乘加</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>再次训练</translation>
    </message>
    <message>
        <source>Training cancelled. The active model and files are unchanged.</source>
        <translation>训练已取消。当前模型和文件均未改变。</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Save the lab&apos;s network</source>
        <translation>保存实验室的网络</translation>
    </message>
    <message>
        <source>The lab&apos;s network ({0}) is now active: every view shows it.</source>
        <translation>实验室的网络（{0}）现已成为当前模型：每个视图都显示它。</translation>
    </message>
    <message>
        <source>This design cannot be built: {0}</source>
        <translation>这个设计无法构建：{0}</translation>
    </message>
    <message>
        <source>Loading the data and building the design…</source>
        <translation>正在加载数据并构建设计…</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:.0%}</source>
        <translation>第 {0}/{1} 轮 · 批次 {2}/{3} · {4:.0%}</translation>
    </message>
    <message>
        <source>This design: {0:.2%}</source>
        <translation>这个设计：{0:.2%}</translation>
    </message>
    <message>
        <source>vs &amp;nbsp; active model: {0:.2%}</source>
        <translation>对比 &amp;nbsp; 当前模型：{0:.2%}</translation>
    </message>
    <message>
        <source>({0:+.2f} points)</source>
        <translation>（{0:+.2f} 个百分点）</translation>
    </message>
    <message>
        <source>test accuracy on the same {0:,} MNIST images</source>
        <translation>在相同的 {0:,} 张 MNIST 图像上的测试准确率</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Training finished. “Use this model” makes it the active network (every view shows it); “Save…” keeps it in a file with its design; the Compare tab measures it beside another network.</source>
        <translation>训练完成。“使用此模型”使它成为当前网络（每个视图都显示它）；“保存…”把它连同其设计保存到文件；“对比”页可把它与另一个网络并排测量。</translation>
    </message>
</context>
<context>
    <name>LabelRow</name>
    <message>
        <source>That was a…</source>
        <translation>这是…</translation>
    </message>
    <message>
        <source>Keep this drawing as a {0} in your collection (Ctrl+{0})</source>
        <translation>把这幅手写数字作为 {0} 收藏到你的手写集（Ctrl+{0}）</translation>
    </message>
</context>
<context>
    <name>LearningRateBox</name>
    <message>
        <source>Peak learning rate of the one-cycle schedule (AdamW).</source>
        <translation>单周期学习率调度的峰值学习率（AdamW）。</translation>
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
        <translation>预览：另一个网络正在识别这幅手写数字</translation>
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
        <translation>工作区</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>test accuracy {0:.2%}</source>
        <translation>测试准确率 {0:.2%}</translation>
    </message>
    <message>
        <source>no recorded accuracy</source>
        <translation>未记录准确率</translation>
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
        <source>{0} map {1}</source>
        <translation>{0} 特征图 {1}</translation>
    </message>
    <message>
        <source>{0} kernel {1}</source>
        <translation>{0} 卷积核 {1}</translation>
    </message>
    <message>
        <source>{0} kernels {1},0..{2} (per {3} map)</source>
        <translation>{0} 卷积核 {1},0..{2}（每个 {3} 特征图一个）</translation>
    </message>
    <message>
        <source>{0} filter {1}</source>
        <translation>{0} 卷积核 {1}</translation>
    </message>
    <message>
        <source>{0} filter {1} ← {2} map {3}</source>
        <translation>{0} 卷积核 {1} ← {2} 特征图 {3}</translation>
    </message>
    <message>
        <source>Hover the map or a kernel for its values</source>
        <translation>将鼠标悬停在特征图或卷积核上查看数值</translation>
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
        <source>{0} map {1} = {2}x{2} {3} pooling of {4} map {1}, which these kernels produce.</source>
        <translation>{0} 特征图 {1} = 对 {4} 特征图 {1} 做 {2}x{2} {3}池化；{4} 特征图由这些卷积核产生。</translation>
    </message>
    <message>
        <source>{0} map {1} = {2}(input ∗ {0} filter {1} + bias).</source>
        <translation>{0} 特征图 {1} = {2}(输入 ∗ {0} 卷积核 {1} + 偏置)。</translation>
    </message>
    <message>
        <source>{0} map {1} = {2}({3} map 0 ∗ {0} filter {1},0 + bias).</source>
        <translation>{0} 特征图 {1} = {2}({3} 特征图 0 ∗ {0} 卷积核 {1},0 + 偏置)。</translation>
    </message>
    <message>
        <source>{0} map {1} = {2}(Σ over the {3} {4} maps ∗ {0} filters {1},0..{5} + bias).</source>
        <translation>{0} 特征图 {1} = {2}(Σ_c {4} 特征图 c ∗ {0} 卷积核 {1},c + 偏置)，c 取 0..{5}，即全部 {3} 张 {4} 特征图：每张图先与自己的卷积核做卷积，再求和。</translation>
    </message>
    <message>
        <source>The kernel moves {0} pixels at a time (stride {0}).</source>
        <translation>卷积核每次移动 {0} 个像素（步长 {0}）。</translation>
    </message>
    <message>
        <source>{0} pixels of zeros pad each side of the input.</source>
        <translation>输入的每一边各补 {0} 个像素的零。</translation>
    </message>
    <message>
        <source>{0} map {1}, row {2}, column {3}: {4:.3f}</source>
        <translation>{0} 特征图 {1}，行 {2}，列 {3}：{4:.3f}</translation>
    </message>
    <message>
        <source>{0}, weight row {1}, column {2}: {3:+.3f}</source>
        <translation>{0}，权重行 {1}，列 {2}：{3:+.3f}</translation>
    </message>
</context>
<context>
    <name>ModelRun</name>
    <message>
        <source>Training diverged: {0}. Try a smaller learning rate.</source>
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
</context>
<context>
    <name>ModelRunDialog</name>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
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
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
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
        <source>In use ✓</source>
        <translation>使用中 ✓</translation>
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
</context>
<context>
    <name>NetworkInputPanel</name>
    <message>
        <source>What LeNet sees: 32x32 = the 28x28 MNIST-style field (dashed) + 2 px padding</source>
        <translation>LeNet 看到的输入：32x32 = 28x28 的 MNIST 式区域（虚线框）+ 2 像素填充</translation>
    </message>
    <message>
        <source>32x32: the 28x28 field (dashed) + 2 px padding</source>
        <translation>32x32：28x28 区域（虚线）+ 2 像素填充</translation>
    </message>
</context>
<context>
    <name>PenFolderRow</name>
    <message>
        <source>Folder with the real pen digits (pendigits-orig.tra.gz, UCI data set 81). Default: ${0}, else the per-user cache.</source>
        <translation>包含真实手写笔迹数字的文件夹（pendigits-orig.tra.gz，UCI 数据集 81）。默认：${0}，否则为用户缓存目录。</translation>
    </message>
    <message>
        <source>Download pen digits ({0} MB)</source>
        <translation>下载手写笔迹数字（{0} MB）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>No real pen digits found: training on MNIST alone. Download them here (UCI, CC BY 4.0), or choose a folder that has pendigits-orig.tra.gz.</source>
        <translation>未找到真实手写笔迹数字：仅用 MNIST 训练。可在此下载（UCI，CC BY 4.0），或选择包含 pendigits-orig.tra.gz 的文件夹。</translation>
    </message>
    <message>
        <source>Folder with the real pen digits</source>
        <translation>包含真实手写笔迹数字的文件夹</translation>
    </message>
    <message>
        <source>Downloading the real pen digits into {0}…</source>
        <translation>正在将真实手写笔迹数字下载到 {0}…</translation>
    </message>
    <message>
        <source>Real pen digits downloaded and verified: {0}.</source>
        <translation>真实手写笔迹数字已下载并校验：{0}。</translation>
    </message>
    <message>
        <source>UCI pen digits</source>
        <translation>UCI 手写笔迹数字</translation>
    </message>
    <message>
        <source>UNIPEN digits</source>
        <translation>UNIPEN 数字</translation>
    </message>
    <message>
        <source>UNIPEN letters and symbols</source>
        <translation>UNIPEN 字母和符号</translation>
    </message>
    <message>
        <source>✓ Found: {0}. Retraining mixes their training writers with MNIST (never the validation and test writers the figures are measured on).</source>
        <translation>✓ 已找到：{0}。重新训练会把其中训练书写者的笔迹与 MNIST 混合（从不使用用来衡量结果的验证和测试书写者）。</translation>
    </message>
    <message>
        <source>UCI pen digits not found (download them here, CC BY 4.0, or choose a folder that has pendigits-orig.tra.gz); found: {0}, which retraining uses.</source>
        <translation>未找到 UCI 手写笔迹数字（可在此下载，CC BY 4.0，或选择包含 pendigits-orig.tra.gz 的文件夹）；已找到：{0}，重新训练会使用它们。</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Network input (32x32)</source>
        <translation>网络输入（32x32）</translation>
    </message>
    <message>
        <source>{layer} map {i} ({n}x{n})</source>
        <translation>{layer} 特征图 {i}（{n}x{n}）</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <source>Custom (type the values)</source>
        <translation>自定义（输入数值）</translation>
    </message>
    <message>
        <source>Kernel size of a custom kernel</source>
        <translation>自定义卷积核的尺寸</translation>
    </message>
    <message>
        <source>VALID (none)</source>
        <translation>VALID（有效填充）</translation>
    </message>
    <message>
        <source>SAME</source>
        <translation>SAME（相同填充）</translation>
    </message>
    <message>
        <source>pixels:</source>
        <translation>像素：</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>A convolution slides a small kernel over the input and, at every position, sums the input values times the kernel&apos;s weights. Padding adds zeros around the input (VALID adds none, SAME enough to keep the size) and the stride is how far the kernel jumps, so the output has floor((n + 2p − k) / s) + 1 pixels per side.</source>
        <translation>卷积让一个小卷积核在输入上滑动，在每个位置把输入值与卷积核的权重逐个相乘再求和。填充是在输入四周补零（VALID 即有效填充，不补零；SAME 即相同填充，补到刚好保持尺寸不变），步长是卷积核每次跳过的距离，因此输出每边有 floor((n + 2p − k) / s) + 1 个像素。</translation>
    </message>
    <message>
        <source>Learned {layer} kernel {i} ({n}x{n})</source>
        <translation>学到的 {layer} 卷积核 {i}（{n}x{n}）</translation>
    </message>
    <message>
        <source>input: the network input, {n}x{n}</source>
        <translation>输入：网络输入，{n}x{n}</translation>
    </message>
    <message>
        <source>input: {layer} map {i}, {n}x{n}</source>
        <translation>输入：{layer} 特征图 {i}，{n}x{n}</translation>
    </message>
    <message>
        <source>output: {h}x{w}</source>
        <translation>输出：{h}x{w}</translation>
    </message>
    <message>
        <source>Output size: {formula}</source>
        <translation>输出尺寸：{formula}</translation>
    </message>
    <message>
        <source>(the last {u} padded rows and columns are never reached by the kernel)</source>
        <translation>（填充后最后的 {u} 行和 {u} 列，卷积核始终覆盖不到）</translation>
    </message>
    <message>
        <source>These settings cannot work: {why}</source>
        <translation>这组设置行不通：{why}</translation>
    </message>
    <message>
        <source>output: none</source>
        <translation>输出：无</translation>
    </message>
</context>
<context>
    <name>RecentWeightsMenu</name>
    <message>
        <source>No recent weights</source>
        <translation>没有最近使用的权重</translation>
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
        <source>Train acc. is measured during the epoch on distorted (augmented) training images while the network is still learning; test acc. on clean test images after the epoch. So in the first epochs train acc. is usually the lower one.</source>
        <translation>训练准确率是在一轮训练进行期间、网络仍在学习时，在经过变形（数据增强）的训练图像上测得的；测试准确率则是在这一轮结束后，在未变形的测试图像上测得的。因此在最初几轮，训练准确率通常较低。</translation>
    </message>
    <message>
        <source>Retrain LeNet-5</source>
        <translation>重新训练 LeNet-5</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>MNIST data folder</source>
        <translation>MNIST 数据文件夹</translation>
    </message>
    <message>
        <source>Real pen digits (optional)</source>
        <translation>真实手写笔迹数字（可选）</translation>
    </message>
    <message>
        <source>Watch the drawing&apos;s feature maps
evolve as the network learns</source>
        <translation>观察手写数字的特征图
随网络学习而变化</translation>
    </message>
    <message>
        <source>The main window shows what the network in training sees in your drawing: after each epoch and about once a second while it trains, and reads what you draw meanwhile; the active model is not changed.</source>
        <translation>主窗口显示训练中的网络在你的手写数字中看到了什么：每轮结束后以及训练期间大约每秒一次，并识别你在此期间写的手写数字；当前模型未改变。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message numerus="yes">
        <source>Defaults: the shipped recipe cut to %n epoch(s), under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</source>
        <translation>
            <numerusform>默认：内置训练方案缩减为 %n 轮，在双核 CPU 上不到一分钟即可达到 ≥ 99% 的测试准确率。平均池化加 tanh 是 1998 年的原始设计；可与最大池化加 ReLU 对比。</numerusform>
        </translation>
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
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
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
        <source>Loading MNIST and preparing the network… (a few seconds; the bar moves once the first batches are done)</source>
        <translation>正在加载 MNIST 并准备网络…（需要几秒钟；完成最初几个批次后进度条才会移动）</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:.0%} · {5} left</source>
        <translation>第 {0}/{1} 轮 · 批次 {2}/{3} · {4:.0%} · 剩余 {5}</translation>
    </message>
    <message>
        <source>Training cancelled. The active model and files are unchanged.</source>
        <translation>训练已取消。当前模型和文件均未改变。</translation>
    </message>
    <message>
        <source>{0:.0%} drawn</source>
        <translation>已绘制 {0:.0%}</translation>
    </message>
    <message>
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
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
        <source>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;In use: {0:.2%}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;使用中：{0:.2%}&lt;/span&gt;</translation>
    </message>
    <message>
        <source> &amp;nbsp; (the model it replaced: {0:.2%})</source>
        <translation> &amp;nbsp; （被替换的模型：{0:.2%}）</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;test accuracy on the same {0:,} MNIST images&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;在相同的 {0:,} 张 MNIST 图像上的测试准确率&lt;/small&gt;</translation>
    </message>
    <message>
        <source>The new model ({0}) is now active.</source>
        <translation>新模型（{0}）现已成为当前模型。</translation>
    </message>
    <message>
        <source>Save the retrained weights</source>
        <translation>保存重新训练的权重</translation>
    </message>
    <message>
        <source>Trained on MNIST and {0:,} real pen digits.</source>
        <translation>已用 MNIST 和 {0:,} 个真实手写笔迹数字训练。</translation>
    </message>
    <message>
        <source>No real pen digits found: trained on MNIST alone.</source>
        <translation>未找到真实手写笔迹数字：仅用 MNIST 训练。</translation>
    </message>
</context>
<context>
    <name>RetrainForm</name>
    <message>
        <source>max</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>avg</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
</context>
<context>
    <name>RetrainJob</name>
    <message>
        <source>MNIST and {0:,} real pen digits</source>
        <translation>MNIST 和 {0:,} 个真实手写笔迹数字</translation>
    </message>
    <message>
        <source>No real pen digits found: training on MNIST alone</source>
        <translation>未找到真实手写笔迹数字：仅用 MNIST 训练</translation>
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
    <message>
        <source>Reading the real pen writing…</source>
        <translation>正在读取真实笔写数据…</translation>
    </message>
    <message>
        <source>Drawing {0:,} real pen digits like the canvas…</source>
        <translation>正在像画布一样绘制 {0:,} 个真实手写笔迹数字…</translation>
    </message>
    <message>
        <source>Drawing {0:,} letters, symbols and marks that are not digits…</source>
        <translation>正在绘制 {0:,} 个不是数字的字母、符号和笔迹…</translation>
    </message>
    <message>
        <source>MNIST, {0:,} real pen digits and {1:,} non-digits</source>
        <translation>MNIST、{0:,} 个真实手写笔迹数字和 {1:,} 个非数字</translation>
    </message>
    <message>
        <source>Calibrating on the pen validation writers (never trained on)…</source>
        <translation>正在用笔写验证书写者（从未参与训练）校准…</translation>
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
    <name>ShapeTableModel</name>
    <message>
        <source>average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>卷积层</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>全连接层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>“not a digit”</source>
        <translation>“不是数字”</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Size: ⌊(n + 2p − k) / s⌋ + 1</source>
        <translation>大小：⌊(n + 2p − k) / s⌋ + 1</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>乘加</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>maps × height × width (or units)</source>
        <translation>特征图数 × 高 × 宽（或单元数）</translation>
    </message>
    <message>
        <source>n: input size, p: padding, k: kernel or window, s: stride</source>
        <translation>n：输入大小，p：填充，k：卷积核或窗口，s：步长</translation>
    </message>
    <message>
        <source>weights + biases</source>
        <translation>权重 + 偏置</translation>
    </message>
    <message>
        <source>multiplications (each with an addition) for one image</source>
        <translation>一张图像所需的乘法次数（每次乘法伴随一次加法）</translation>
    </message>
    <message>
        <source>the input pixels one unit of the layer sees</source>
        <translation>这一层的一个单元所看到的输入像素</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <source>left / right</source>
        <translation>左 / 右</translation>
    </message>
    <message>
        <source>up / down</source>
        <translation>上 / 下</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>动画演示</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>The active model (max pooling)</source>
        <translation>当前模型（最大池化）</translation>
    </message>
    <message>
        <source>The shipped average-pooling LeNet-5 ({name})</source>
        <translation>随附的平均池化 LeNet-5（{name}）</translation>
    </message>
    <message>
        <source>the active network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <source>The active model: its own layers ({layers})</source>
        <translation>当前模型：它自己的各层（{layers}）</translation>
    </message>
    <message>
        <source>Move the drawing a few pixels and the early maps move with it. Each curve is how much a layer changed, in % of its unshifted size: 100% means the shifted map differs from the unshifted one by as much as the map itself (‖shifted − unshifted‖ / ‖unshifted‖).</source>
        <translation>把手写数字移动几个像素，前面几层的特征图也随之移动。每条曲线表示一层变化了多少，以未移动时大小的百分比表示：100% 表示移动后的特征图与未移动时的差别和特征图本身一样大（‖移动后 − 未移动‖ / ‖未移动‖）。</translation>
    </message>
    <message>
        <source>Each 2x2 pooling step keeps one value per window, so the change falls from C1 to S2, and by the output the answer usually holds. Max pooling keeps the strongest response, average pooling blurs: at 3–4 px max pooling&apos;s output usually changes less.</source>
        <translation>每个 2x2 池化步骤在每个窗口只保留一个值，所以变化从 C1 到 S2 逐层减小，到输出层时答案通常保持不变。最大池化保留最强的响应，平均池化则起模糊作用：移动 3–4 像素时，最大池化的输出通常变化更小。</translation>
    </message>
    <message>
        <source>The left plot is the active network, with its own layers: each pooling step keeps one value per window, so the change falls where it pools; a layer without pooling moves with the drawing. The right plot is the shipped average-pooling LeNet-5, for comparison.</source>
        <translation>左图是当前网络，画的是它自己的各层：每个池化步骤在每个窗口只保留一个值，所以变化在有池化的地方减小；没有池化的层会随手写数字一起移动。右图是随附的平均池化 LeNet-5，用于对比。</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0}{1}</translation>
    </message>
    <message>
        <source>Draw a digit first</source>
        <translation>请先写一个数字</translation>
    </message>
    <message>
        <source>{s:+d} px</source>
        <translation>{s:+d} 像素</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>Active network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>改变</translation>
    </message>
    <message>
        <source>{name}: reads {digit} ({conf:.0%}), the answer &lt;b&gt;{status}&lt;/b&gt;; change {d}</source>
        <translation>{name}：识别为 {digit}（{conf:.0%}），答案&lt;b&gt;{status}&lt;/b&gt;；变化 {d}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>Teacher</name>
    <message>
        <source>Undo keep</source>
        <translation>撤销收藏</translation>
    </message>
    <message>
        <source>Remove the drawing you just kept ({0})</source>
        <translation>移除刚刚收藏的手写数字（{0}）</translation>
    </message>
    <message>
        <source>Keep as &amp;{0}</source>
        <translation>收藏为 &amp;{0}</translation>
    </message>
    <message>
        <source>&amp;Undo last keep</source>
        <translation>撤销上次收藏(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;My drawings…</source>
        <translation>我的手写数字(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Fine-tune on my drawings…</source>
        <translation>用我的手写数字微调(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Keep drawing as</source>
        <translation>收藏手写数字为(&amp;K)</translation>
    </message>
    <message>
        <source>Nothing to keep: draw a digit first</source>
        <translation>没有可收藏的内容：请先写一个数字</translation>
    </message>
    <message>
        <source>Drawing not kept</source>
        <translation>手写数字未收藏</translation>
    </message>
    <message>
        <source>{0}
The drawing was not kept.</source>
        <translation>{0}
这幅手写数字没有被收藏。</translation>
    </message>
    <message>
        <source>Kept as {0} · Undo: {1}</source>
        <translation>已收藏为 {0} · 撤销：{1}</translation>
    </message>
    <message>
        <source>Keep not undone</source>
        <translation>收藏未撤销</translation>
    </message>
    <message>
        <source>{0}
The drawing is still kept.</source>
        <translation>{0}
这幅手写数字仍在收藏中。</translation>
    </message>
    <message>
        <source>Removed the {0} you kept</source>
        <translation>已移除你收藏的 {0}</translation>
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
        <translation>准确率（%）</translation>
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
    <name>TrainingData</name>
    <message>
        <source>Wait for the download to finish, or cancel it.</source>
        <translation>请等待下载完成，或取消下载。</translation>
    </message>
    <message>
        <source>MNIST is not in {0}. Download it there with the button above, or choose a folder that has the four files.</source>
        <translation>{0} 中没有 MNIST。请用上方的按钮下载到该位置，或选择包含这四个文件的文件夹。</translation>
    </message>
</context>
<context>
    <name>UserCollection</name>
    <message>
        <source>Your collection of drawings</source>
        <translation>你收藏的手写数字</translation>
    </message>
    <message>
        <source>{0}. It was kept unchanged as {1}; a new collection was started.</source>
        <translation>{0}。原文件已原样保留为 {1}；已新建一个手写集。</translation>
    </message>
    <message>
        <source>{0}; it could not be set aside, so your collection is not saved until it is moved or fixed.</source>
        <translation>{0}；无法把它移开，因此在移走或修复它之前，你的手写集不会被保存。</translation>
    </message>
    <message>
        <source>{0}; your collection is not saved until it is fixed.</source>
        <translation>{0}；在修复它之前，你的手写集不会被保存。</translation>
    </message>
</context>
<context>
    <name>concepts</name>
    <message>
        <source>Draw (F2)</source>
        <translation>绘制（F2）</translation>
    </message>
    <message>
        <source>Back to the canvas; the concepts follow the new drawing</source>
        <translation>回到画布；各个概念会随新的手写数字更新</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Every view around this one is the real network reading your drawing. Draw a digit in the Draw workspace (F2), come back here (F4) and poke the ideas: how one unit is computed, what padding and stride do, why pooling tolerates small shifts, and why a flattened image is a poor input.</source>
        <translation>这里周围的每个视图，都是真实的网络在识别你的手写数字。先在“绘制”工作区（F2）写一个数字，再回到这里（F4）动手探索这些概念：一个单元的数值是怎样算出来的，填充和步长起什么作用，为什么池化能容忍小的平移，以及为什么把图像展平后作为输入效果不好。</translation>
    </message>
    <message>
        <source>Nothing drawn yet</source>
        <translation>尚未书写</translation>
    </message>
    <message>
        <source>LeNet reads {digit} ({confidence:.0%})</source>
        <translation>LeNet 识别为 {digit}（{confidence:.0%}）</translation>
    </message>
    <message>
        <source>The network reads {digit} ({confidence:.0%})</source>
        <translation>网络识别为 {digit}（{confidence:.0%}）</translation>
    </message>
    <message>
        <source>sum of the products = {s}</source>
        <translation>乘积之和 = {s}</translation>
    </message>
    <message>
        <source>Sum over the {n} input channels: {terms} = {total}</source>
        <translation>对 {n} 个输入通道求和：{terms} = {total}</translation>
    </message>
    <message>
        <source>plus bias {b} = {pre}; activation: </source>
        <translation>加上偏置 {b} = {pre}；激活函数：</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value: &lt;b&gt;{v}&lt;/b&gt;</source>
        <translation>最大池化保留最大值：&lt;b&gt;{v}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Input channel {c}: the {n}x{n} patch at row {r}, column {col} × kernel {k},{c} (kernel k,c: the weights map k gives input channel c; &quot;k,0..{last}&quot; means all {count})</source>
        <translation>输入通道 {c}：第 {r} 行、第 {col} 列的 {n}x{n} 区域 × 卷积核 {k},{c}（卷积核 k,c：第 k 张特征图给输入通道 c 的权重；“k,0..{last}” 表示全部 {count} 个）</translation>
    </message>
    <message>
        <source>The {n}x{n} window at row {r}, column {c} of the map below</source>
        <translation>前一层特征图中第 {r} 行、第 {c} 列的 {n}x{n} 窗口</translation>
    </message>
    <message>
        <source>Average pooling keeps the mean: ({terms}) / {n} = &lt;b&gt;{v}&lt;/b&gt;</source>
        <translation>平均池化保留平均值：({terms}) / {n} = &lt;b&gt;{v}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>weight × value</source>
        <translation>权重 × 数值</translation>
    </message>
    <message>
        <source>the other {n} terms</source>
        <translation>其余 {n} 项</translation>
    </message>
    <message>
        <source>sum {s} + bias {b} = {pre}; activation: </source>
        <translation>和 {s} + 偏置 {b} = {pre}；激活函数：</translation>
    </message>
    <message>
        <source>How one unit got its value</source>
        <translation>一个单元的数值是怎样得到的</translation>
    </message>
    <message>
        <source>Convolution playground</source>
        <translation>卷积实验台</translation>
    </message>
    <message>
        <source>Pooling and shifts</source>
        <translation>池化与平移</translation>
    </message>
    <message>
        <source>Why not flatten</source>
        <translation>为什么不直接展平</translation>
    </message>
    <message>
        <source>shift (px)</source>
        <translation>平移（像素）</translation>
    </message>
    <message>
        <source>change (%)</source>
        <translation>变化（%）</translation>
    </message>
</context>
<context>
    <name>doubt</name>
    <message>
        <source>⚠ Unsure: faint ink</source>
        <translation>⚠ 不确定：笔迹太淡</translation>
    </message>
    <message>
        <source>⚠ Unsure: grainy paper</source>
        <translation>⚠ 不确定：纸张纹理太重</translation>
    </message>
    <message>
        <source>⚠ Unsure: low confidence</source>
        <translation>⚠ 不确定：置信度低</translation>
    </message>
    <message>
        <source>No digit gets a clear majority: the network is guessing between several.</source>
        <translation>没有哪个数字的概率明显占优：网络在几个数字之间猜测。</translation>
    </message>
    <message>
        <source>The network&apos;s “not a digit” output is above its threshold: this looks more like a mark, a letter or a symbol than a digit. Its best guess among the digits is shown smaller, for what it is worth.</source>
        <translation>网络的“不是数字”输出超过了阈值：这看起来更像一个笔迹、字母或符号，而不是数字。它在数字中的最佳猜测以小字显示，仅供参考。</translation>
    </message>
    <message>
        <source>The ink barely stands out from the paper and no digit gets a clear majority: this reading may be wrong. A photo with darker ink, even light and a plain background reads better.</source>
        <translation>墨迹与纸张几乎分辨不出，且没有哪个数字占明显多数：这个识别结果可能是错的。墨色更深、光线均匀、背景简单的照片识别效果更好。</translation>
    </message>
    <message>
        <source>The paper&apos;s grain is strong next to the ink and no digit gets a clear majority: this reading may be wrong.</source>
        <translation>纸张纹理相对墨迹很明显，且没有哪个数字占明显多数：这个识别结果可能是错的。</translation>
    </message>
    <message>
        <source>⚠ Faint ink</source>
        <translation>⚠ 墨迹很淡</translation>
    </message>
    <message>
        <source>The ink barely stands out from the paper. The network is sure of this reading, but a faint photo can fool it: check that the digit is the one you meant. Darker ink, even light and a plain background read better.</source>
        <translation>墨迹与纸张几乎分辨不出。网络对这个识别结果很有把握，但很淡的照片可能会骗过它：请确认这是您想写的数字。墨色更深、光线均匀、背景简单的照片识别效果更好。</translation>
    </message>
    <message>
        <source>⚠ Grainy paper</source>
        <translation>⚠ 纸张纹理明显</translation>
    </message>
    <message>
        <source>The paper&apos;s grain is strong next to the ink. The network is sure of this reading, but check that the digit is the one you meant.</source>
        <translation>纸张纹理相对墨迹很明显。网络对这个识别结果很有把握，但请确认这是您想写的数字。</translation>
    </message>
    <message>
        <source>⚠ Strokes: a scribble</source>
        <translation>⚠ 笔画：乱涂</translation>
    </message>
    <message>
        <source>The pen travelled {0:.1f} times the drawing&apos;s size and turned sharply {1} times; real digits stay under about 3 times and turn sharply at most 5 times: this is a scribble, not a digit. The network reads only the pixels, where it can pass for a digit, so its best guess is shown smaller.</source>
        <translation>笔走过的路程是这幅手写数字大小的 {0:.1f} 倍，急转弯 {1} 次；真实的数字都在约 3 倍以下，急转弯最多 5 次：这是乱涂，不是数字。网络只看像素，在像素上它可以冒充一个数字，所以它的最佳猜测以小字显示。</translation>
    </message>
    <message>
        <source>⚠ Strokes: a line</source>
        <translation>⚠ 笔画：一条线</translation>
    </message>
    <message>
        <source>One straight stroke at {0:.0f}° from horizontal; real writers&apos; 1s are steeper: this is a line, not a digit. The network reads only the pixels, where it can pass for a 1, so its best guess is shown smaller.</source>
        <translation>一笔直线，与水平方向成 {0:.0f}°；真实书写者写的 1 都更陡：这是一条线，不是数字。网络只看像素，在像素上它可以冒充 1，所以它的最佳猜测以小字显示。</translation>
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
        <source>The pen digits could not be downloaded.</source>
        <translation>无法下载手写笔迹数字。</translation>
    </message>
    <message>
        <source>MNIST could not be downloaded.</source>
        <translation>无法下载 MNIST。</translation>
    </message>
    <message>
        <source>The pen-digit file is missing or damaged.</source>
        <translation>手写笔迹数字文件缺失或已损坏。</translation>
    </message>
    <message>
        <source>The MNIST files are missing or damaged.</source>
        <translation>MNIST 文件缺失或已损坏。</translation>
    </message>
    <message>
        <source>This collection file cannot be used.</source>
        <translation>无法使用这个手写集文件。</translation>
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
        <source>{0}: file not found</source>
        <translation>{0}：找不到文件</translation>
    </message>
    <message>
        <source>{0}: not a regular file (a folder, a device or a pipe)</source>
        <translation>{0}：不是普通文件（而是文件夹、设备或管道）</translation>
    </message>
    <message>
        <source>{0}: permission denied (the file cannot be read)</source>
        <translation>{0}：没有权限（无法读取该文件）</translation>
    </message>
    <message>
        <source>{0}: not an image Pillow can read, or too large</source>
        <translation>{0}：不是 Pillow 能读取的图像，或者图像太大</translation>
    </message>
    <message>
        <source>{0}: not a weights file</source>
        <translation>{0}：不是权重文件</translation>
    </message>
    <message>
        <source>{0}: the weights file is corrupt or truncated</source>
        <translation>{0}：权重文件已损坏或不完整</translation>
    </message>
    <message>
        <source>{0}: the file cannot be read (a disk or permission problem)</source>
        <translation>{0}：无法读取该文件（磁盘或权限问题）</translation>
    </message>
    <message>
        <source>{0}: far larger than the expected file; refused</source>
        <translation>{0}：比预期的文件大得多，已拒绝</translation>
    </message>
    <message>
        <source>{0}: the compressed data is corrupt or cut short</source>
        <translation>{0}：压缩数据已损坏或不完整</translation>
    </message>
    <message>
        <source>{0}: unpacks to far more than the expected file holds (not that file, or a decompression bomb); refused</source>
        <translation>{0}：解压后远大于预期的文件（不是该文件，或是解压炸弹），已拒绝</translation>
    </message>
    <message>
        <source>{0}: far too large to be LeNet-5 weights; refused</source>
        <translation>{0}：文件太大，不可能是 LeNet-5 的权重，已拒绝</translation>
    </message>
    <message>
        <source>{0}: the file carries program code, not just weights; not loaded (unsafe)</source>
        <translation>{0}：文件中带有程序代码，而不只是权重；未加载（不安全）</translation>
    </message>
    <message>
        <source>{0}: not a LeNet Lens weights file</source>
        <translation>{0}：不是 LeNet Lens 权重文件</translation>
    </message>
    <message>
        <source>{0}: a weights file format this LeNet Lens cannot read (it reads version {1})</source>
        <translation>{0}：此版本的 LeNet Lens 读不了这种权重文件格式（它读取的是第 {1} 版）</translation>
    </message>
    <message>
        <source>{0}: the weights file&apos;s contents are invalid (an entry missing or wrong)</source>
        <translation>{0}：权重文件内容无效（缺少某一项或某一项不正确）</translation>
    </message>
    <message>
        <source>{0}: the weights hold values that are not finite numbers (infinite or undefined)</source>
        <translation>{0}：权重中含有非有限数值（无穷大或未定义）</translation>
    </message>
    <message>
        <source>{0}: the description stored with the weights is invalid</source>
        <translation>{0}：随权重保存的说明信息无效</translation>
    </message>
    <message>
        <source>{0}: the file holds another kind of network, not LeNet-5</source>
        <translation>{0}：文件中是另一种网络，不是 LeNet-5</translation>
    </message>
    <message>
        <source>{0}: the weights are for a network of another shape than the file says</source>
        <translation>{0}：这些权重属于另一种结构的网络，与文件所写的不符</translation>
    </message>
    <message>
        <source>{0}: the network design stored in the file cannot be built</source>
        <translation>{0}：文件中保存的网络结构无法构建</translation>
    </message>
    <message>
        <source>{0}: the network&apos;s outputs are not finite numbers on a test image (weights too large or damaged); not a usable network</source>
        <translation>{0}：网络在测试图像上的输出不是有限数值（权重过大或已损坏），无法使用</translation>
    </message>
    <message>
        <source>{0}: not a collection file (not text)</source>
        <translation>{0}：不是手写集文件（不是文本）</translation>
    </message>
    <message>
        <source>{0}: the collection file is corrupt (not valid JSON)</source>
        <translation>{0}：手写集文件已损坏（不是有效的 JSON）</translation>
    </message>
    <message>
        <source>{0}: not a LeNet Lens collection file</source>
        <translation>{0}：不是 LeNet Lens 手写集文件</translation>
    </message>
    <message>
        <source>{0}: the collection file is corrupt</source>
        <translation>{0}：手写集文件已损坏</translation>
    </message>
    <message>
        <source>{0}: drawing {1} in the file is damaged</source>
        <translation>{0}：文件中的第 {1} 幅手写数字已损坏</translation>
    </message>
    <message>
        <source>{0}: written by a newer LeNet Lens (collection format version {1}; this one reads version {2})</source>
        <translation>{0}：由更新版本的 LeNet Lens 写入（手写集格式第 {1} 版；此版本只能读取第 {2} 版）</translation>
    </message>
    <message>
        <source>{0}: more than {1:,} drawings; refused</source>
        <translation>{0}：超过 {1:,} 幅手写数字，已拒绝</translation>
    </message>
    <message>
        <source>{0}: not saved: the collection file could not be read or set aside, so nothing is saved until it is fixed or moved</source>
        <translation>{0}：未保存：无法读取或移开手写集文件，在修复或移走它之前不会保存任何内容</translation>
    </message>
    <message>
        <source>{0}: could not be saved (a full disk, no permission to write there, or a bad name)</source>
        <translation>{0}：无法保存（磁盘已满、没有写入权限，或文件名无效）</translation>
    </message>
    <message>
        <source>{0}: could not be saved: it is not a regular file</source>
        <translation>{0}：无法保存：它不是普通文件</translation>
    </message>
    <message>
        <source>{0}: MNIST is not in this folder (four IDX files are needed)</source>
        <translation>{0}：此文件夹中没有 MNIST（需要四个 IDX 文件）</translation>
    </message>
    <message>
        <source>{0}: not an IDX file, or corrupt</source>
        <translation>{0}：不是 IDX 文件，或已损坏</translation>
    </message>
    <message>
        <source>{0}: cut short or of the wrong size</source>
        <translation>{0}：文件不完整或大小不对</translation>
    </message>
    <message>
        <source>{0}: the checksum does not match: the file is damaged or not the original MNIST file; delete it and download it again</source>
        <translation>{0}：校验和不符：文件已损坏，或不是原始的 MNIST 文件；请删除后重新下载</translation>
    </message>
    <message>
        <source>{0}: could not connect (is the computer online?)</source>
        <translation>{0}：无法连接（电脑联网了吗？）</translation>
    </message>
    <message>
        <source>{0}: the server refused (error {1})</source>
        <translation>{0}：服务器拒绝了请求（错误 {1}）</translation>
    </message>
    <message>
        <source>{0}: larger than the file can be; refused</source>
        <translation>{0}：比该文件应有的大小还大，已拒绝</translation>
    </message>
    <message>
        <source>{0}: the connection closed before the whole file arrived</source>
        <translation>{0}：文件还没下载完，连接就断开了</translation>
    </message>
    <message>
        <source>{0}: the checksum does not match: not the expected file</source>
        <translation>{0}：校验和不符：不是预期的文件</translation>
    </message>
    <message>
        <source>{0}: the downloaded archive is damaged or not the expected one</source>
        <translation>{0}：下载的压缩包已损坏，或不是预期的压缩包</translation>
    </message>
    <message>
        <source>{0}: the data folder cannot be created</source>
        <translation>{0}：无法创建数据文件夹</translation>
    </message>
    <message>
        <source>{0}: no mirror could provide it (is the computer online?)</source>
        <translation>{0}：所有镜像都无法提供该文件（电脑联网了吗？）</translation>
    </message>
    <message>
        <source>nothing is drawn</source>
        <translation>画布上什么也没有画</translation>
    </message>
    <message>
        <source>too little is drawn to read a digit</source>
        <translation>画得太少，无法识别数字</translation>
    </message>
    <message>
        <source>the image is too small ({0}x{1} px)</source>
        <translation>图像太小（{0}x{1} 像素）</translation>
    </message>
    <message>
        <source>at step {0} of {1}; the learning rate {2} is probably too high: try a smaller one</source>
        <translation>发生在第 {0} 步（共 {1} 步）；学习率 {2} 可能太高，请换一个更小的值</translation>
    </message>
    <message>
        <source>{0}: this file cannot be used as it is; the exact problem is in the app&apos;s log (lenet-lens.log).</source>
        <translation>{0}：此文件无法按原样使用；具体问题已写入程序日志（lenet-lens.log）。</translation>
    </message>
    <message>
        <source>the exact problem is in the app&apos;s log (lenet-lens.log).</source>
        <translation>具体问题已写入程序日志（lenet-lens.log）。</translation>
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
    <name>help</name>
    <message>
        <source>&lt;h3&gt;What am I looking at?&lt;/h3&gt;&lt;p&gt;&lt;b&gt;The canvas&lt;/b&gt; (middle): draw a digit with the mouse or a pen, or open a photo. LeNet-5, a small convolutional network from 1998, reads it live; its answer and how sure it is are shown beneath.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Network input (32x32)&lt;/b&gt;: your drawing the way MNIST&apos;s digits were made: cropped, scaled to 20 px, centred by its mass, padded. This small image is all the network sees.&lt;/p&gt;&lt;p&gt;&lt;b&gt;C1&lt;/b&gt;: six 5x5 filters slide over the input; each map is bright where its pattern (an edge, a stroke direction) is found. &lt;b&gt;S1&lt;/b&gt; halves each map (pooling), keeping the strongest responses, so small shifts matter less.&lt;/p&gt;&lt;p&gt;&lt;b&gt;C2&lt;/b&gt;: sixteen maps, each combining all six S1 maps with its own filters: patterns of patterns (corners, curves, stroke ends). &lt;b&gt;S2&lt;/b&gt; halves them again.&lt;/p&gt;&lt;p&gt;&lt;b&gt;F5 · F6&lt;/b&gt;: fully connected layers; every unit sees the whole input. &lt;b&gt;Probabilities&lt;/b&gt;: the last layer&apos;s verdict for each digit 0-9.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Kernels&lt;/b&gt;: the learned filters themselves (red positive, blue negative weights). C2&apos;s grid: columns are its 16 filters, rows the 6 S1 maps they read.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try&lt;/b&gt;: hover any map to see the value and the part of the input it looks at; click a map to enlarge it beside its kernels; Training ▸ Retrain… to train your own network and watch it learn.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;我在看什么？&lt;/h3&gt;&lt;p&gt;&lt;b&gt;画布&lt;/b&gt;（中间）：用鼠标或手写笔写一个数字，或者打开一张照片。LeNet-5 是 1998 年提出的一个小型卷积神经网络，它会实时识别你写的数字；识别结果和它的把握程度显示在下方。&lt;/p&gt;&lt;p&gt;&lt;b&gt;网络输入（32x32）&lt;/b&gt;：按照 MNIST 数字的制作方式处理后的手写数字：裁剪，缩放到 20 像素，按质心居中，再加上填充。网络看到的只有这张小图。&lt;/p&gt;&lt;p&gt;&lt;b&gt;C1&lt;/b&gt;：六个 5x5 卷积核在输入上滑动；哪里出现了某个卷积核的图案（一条边缘、一个笔画方向），它的特征图在哪里就亮。&lt;b&gt;S1&lt;/b&gt; 把每张特征图缩小一半（池化），保留最强的响应，因此小的平移影响不大。&lt;/p&gt;&lt;p&gt;&lt;b&gt;C2&lt;/b&gt;：十六张特征图，每一张都用自己的卷积核组合全部六张 S1 特征图：这是图案的图案（拐角、曲线、笔画端点）。&lt;b&gt;S2&lt;/b&gt; 再把它们缩小一半。&lt;/p&gt;&lt;p&gt;&lt;b&gt;F5 · F6&lt;/b&gt;：全连接层；每个单元都能看到整个输入。&lt;b&gt;概率&lt;/b&gt;：最后一层对 0-9 每个数字给出的判断。&lt;/p&gt;&lt;p&gt;&lt;b&gt;卷积核&lt;/b&gt;：学到的卷积核本身（红色为正权重，蓝色为负权重）。C2 的网格中，列是它的 16 个卷积核，行是这些卷积核读取的 6 张 S1 特征图。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试&lt;/b&gt;：将鼠标悬停在任意特征图上，查看数值以及它所对应的输入区域（感受野）；单击一张特征图，把它放大并与它的卷积核并排显示；选择 训练 ▸ 重新训练…，训练你自己的网络并观察它如何学习。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What am I looking at?</source>
        <translation>我在看什么？</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text and a larger canvas, for a projector</source>
        <translation>更大的文字和画布，适合投影仪</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;What am I looking at?</source>
        <translation>我在看什么？(&amp;W)</translation>
    </message>
</context>
<context>
    <name>insight</name>
    <message>
        <source>No real pen digits found (pendigits-orig.tra.gz): download them from the Retrain dialog or set LENET_LENS_PEN_DATA.</source>
        <translation>未找到真实手写笔迹数字（pendigits-orig.tra.gz）：请在“重新训练”对话框中下载，或设置 LENET_LENS_PEN_DATA。</translation>
    </message>
    <message>
        <source>Real pen digits (6 unseen writers)</source>
        <translation>真实手写笔迹数字（6 位未参与训练的书写者）</translation>
    </message>
    <message>
        <source>{0}: no drawings kept yet (use the “That was a…” buttons)</source>
        <translation>{0}：尚未收藏任何手写数字（请使用“这是…”按钮）</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>我的手写数字</translation>
    </message>
    <message>
        <source>MNIST test (10,000)</source>
        <translation>MNIST 测试集（10,000）</translation>
    </message>
    <message>
        <source>MNIST train {0}–{1}</source>
        <translation>MNIST 训练集 {0}–{1}</translation>
    </message>
    <message>
        <source>Folder {0}</source>
        <translation>文件夹 {0}</translation>
    </message>
    <message>
        <source>MNIST train slice</source>
        <translation>MNIST 训练集片段</translation>
    </message>
    <message>
        <source>First training image:</source>
        <translation>起始训练图像：</translation>
    </message>
    <message>
        <source>How many images:</source>
        <translation>图像数量：</translation>
    </message>
    <message>
        <source>Folder of digit images</source>
        <translation>数字图像文件夹</translation>
    </message>
    <message>
        <source>MNIST train slice…</source>
        <translation>MNIST 训练集片段…</translation>
    </message>
    <message>
        <source>Folder of images…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>No UNIPEN letters and symbols found (unipen-nondigits-train.json.gz): set LENET_LENS_UNIPEN_DATA to the folder that has them.</source>
        <translation>未找到 UNIPEN 字母和符号（unipen-nondigits-train.json.gz）：请将 LENET_LENS_UNIPEN_DATA 设为包含它们的文件夹。</translation>
    </message>
    <message>
        <source>UNIPEN letters and symbols (validation/test writers, not digit-like)</source>
        <translation>UNIPEN 字母和符号（验证/测试书写者，不像数字的）</translation>
    </message>
    <message>
        <source>Generated marks (dots, lines, scribbles…)</source>
        <translation>生成的笔迹（点、线、乱涂…）</translation>
    </message>
    <message>
        <source>, {0:,} flagged “not a digit” ({1:.1%})</source>
        <translation>，{0:,} 个被标为“不是数字”（{1:.1%}）</translation>
    </message>
    <message>
        <source>These samples have no digit label, and this network has no “not a digit” output: it can only guess a digit for each.</source>
        <translation>这些样本没有数字标签，而这个网络没有“不是数字”输出：它只能为每个样本猜一个数字。</translation>
    </message>
    <message>
        <source>These samples have no digit label. The network flags &lt;b&gt;{0:.1%}&lt;/b&gt; of them “not a digit” ({1:,} of {2:,}); for a set of letters, symbols or marks, higher is better.</source>
        <translation>这些样本没有数字标签。网络把其中 &lt;b&gt;{0:.1%}&lt;/b&gt; 标为“不是数字”（{2:,} 个中的 {1:,} 个）；对于字母、符号或笔迹组成的数据集，越高越好。</translation>
    </message>
    <message>
        <source>Drawn on the canvas, where the app also checks the strokes (a scribble, a flat line), &lt;b&gt;{0:.1%}&lt;/b&gt; would be ({1:,}).</source>
        <translation>如果画在画布上，程序还会检查笔画（乱涂、平缓的线），那么会有 &lt;b&gt;{0:.1%}&lt;/b&gt; 被标记（{1:,} 个）。</translation>
    </message>
    <message>
        <source>Best guesses (the digit each sample would be read as):</source>
        <translation>最佳猜测（每个样本会被识别成的数字）：</translation>
    </message>
</context>
<context>
    <name>lab_text</name>
    <message>
        <source>LeNet-5 as in 1998 (tanh, average pooling)</source>
        <translation>1998 年的 LeNet-5（tanh，平均池化）</translation>
    </message>
    <message>
        <source>LeNet-5 as shipped (ReLU, max pooling, dropout)</source>
        <translation>随附的 LeNet-5（ReLU，最大池化，Dropout）</translation>
    </message>
    <message>
        <source>No pooling, stride 2</source>
        <translation>无池化，步长 2</translation>
    </message>
    <message>
        <source>3x3 kernels, SAME padding</source>
        <translation>3x3 卷积核，相同填充</translation>
    </message>
    <message>
        <source>Wide C1 (16 maps)</source>
        <translation>加宽的 C1（16 个特征图）</translation>
    </message>
    <message>
        <source>One channel per stage</source>
        <translation>每层一个通道</translation>
    </message>
    <message>
        <source>Flattened (no convolution)</source>
        <translation>展平（无卷积）</translation>
    </message>
    <message>
        <source>design version {version} is not supported (expected {supported})</source>
        <translation>不支持设计版本 {version}（应为 {supported}）</translation>
    </message>
    <message>
        <source>{field} is not a list of settings</source>
        <translation>{field} 不是一组设置</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field}</translation>
    </message>
    <message>
        <source>{field} is not a setting of a design</source>
        <translation>{field} 不是设计的设置项</translation>
    </message>
    <message>
        <source>{field} is {got}, expected {expected}</source>
        <translation>{field} 是 {got}，应为 {expected}</translation>
    </message>
    <message>
        <source>{field} is {value}, not one of {choices}</source>
        <translation>{field} 是 {value}，不属于 {choices}</translation>
    </message>
    <message>
        <source>{field} is {value}, expected {low} to {high}</source>
        <translation>{field} 是 {value}，应在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>the input must be {expected}</source>
        <translation>输入必须是 {expected}</translation>
    </message>
    <message>
        <source>the network must have {expected} outputs</source>
        <translation>网络必须有 {expected} 个输出</translation>
    </message>
    <message>
        <source>{count} convolution stages: at most {limit} keep the app interactive</source>
        <translation>{count} 个卷积层：最多 {limit} 个才能保持应用流畅</translation>
    </message>
    <message>
        <source>{count} dense layers: at most {limit} keep the app interactive</source>
        <translation>{count} 个全连接层：最多 {limit} 个才能保持应用流畅</translation>
    </message>
    <message>
        <source>{layer} has {channels} maps: at most {limit} keep the app interactive</source>
        <translation>{layer} 有 {channels} 个特征图：最多 {limit} 个才能保持应用流畅</translation>
    </message>
    <message>
        <source>{layer} has {units} units: at most {limit} keep the app interactive</source>
        <translation>{layer} 有 {units} 个单元：最多 {limit} 个才能保持应用流畅</translation>
    </message>
    <message>
        <source>{macs:,} multiply-adds per image: at most {limit:,} keep the app interactive (fewer maps or larger strides)</source>
        <translation>每张图像 {macs:,} 次乘加：最多 {limit:,} 次才能保持应用流畅（减少特征图或加大步长）</translation>
    </message>
    <message>
        <source>{layer}: SAME padding needs an odd kernel; a {kernel}x{kernel} kernel would need ({kernel} − 1) / 2 pixels on each side, not a whole number</source>
        <translation>{layer}：相同填充需要奇数大小的卷积核；{kernel}x{kernel} 的卷积核每边需要 ({kernel} − 1) / 2 个像素，不是整数</translation>
    </message>
    <message>
        <source>{layer}: padding {padding} is not smaller than the kernel ({kernel}): the border units would see only zeros</source>
        <translation>{layer}：填充 {padding} 不小于卷积核（{kernel}）：边缘的单元只会看到零</translation>
    </message>
    <message>
        <source>{layer}: the map would shrink to {size} pixels: ⌊({input} + 2×{padding} − {kernel}) / {stride}⌋ + 1 = {size}; use a smaller kernel or stride, or more padding</source>
        <translation>{layer}：特征图会缩小到 {size} 像素：⌊({input} + 2×{padding} − {kernel}) / {stride}⌋ + 1 = {size}；请用更小的卷积核或步长，或更多填充</translation>
    </message>
    <message>
        <source>{layer}: a {pool}x{pool} pooling window is larger than the {size}x{size} map</source>
        <translation>{layer}：{pool}x{pool} 的池化窗口大于 {size}x{size} 的特征图</translation>
    </message>
    <message>
        <source>{layer}: stride {stride}; a window must move at least 1 pixel</source>
        <translation>{layer}：步长 {stride}；窗口每步至少要移动 1 个像素</translation>
    </message>
    <message>
        <source>this version has no “not a digit” output</source>
        <translation>此版本没有“不是数字”输出</translation>
    </message>
    <message>
        <source>the design has neither a convolution stage nor a dense layer</source>
        <translation>这个设计既没有卷积层也没有全连接层</translation>
    </message>
    <message>
        <source>your design</source>
        <translation>你的设计</translation>
    </message>
    <message>
        <source>{0} + “not a digit”</source>
        <translation>{0} + “不是数字”输出</translation>
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
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
        <source>Recent &amp;weights</source>
        <translation>最近使用的权重(&amp;W)</translation>
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
    <name>model_text</name>
    <message>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <source>vertical edge</source>
        <translation>竖直边缘</translation>
    </message>
    <message>
        <source>horizontal edge</source>
        <translation>水平边缘</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>blur 5x5</source>
        <translation>模糊 5x5</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>SAME padding needs an odd kernel: a {k}x{k} kernel would need {half} pixels on each side</source>
        <translation>SAME（相同填充）需要奇数大小的卷积核：{k}x{k} 的卷积核每边需要填充 {half} 个像素</translation>
    </message>
    <message>
        <source>padding must be VALID, SAME or a number, not {value}</source>
        <translation>填充必须是 VALID（有效填充）、SAME（相同填充）或一个数，而不是 {value}</translation>
    </message>
    <message>
        <source>padding must be a whole number of pixels, not {value}</source>
        <translation>填充必须是整数个像素，而不是 {value}</translation>
    </message>
    <message>
        <source>padding must be 0 to {most} pixels, not {value}</source>
        <translation>填充必须在 0 到 {most} 个像素之间，而不是 {value}</translation>
    </message>
    <message>
        <source>the kernel must be square, not {shape}</source>
        <translation>卷积核必须是正方形，而不是 {shape}</translation>
    </message>
    <message>
        <source>the kernel has a value that is not a finite number</source>
        <translation>卷积核中有一个值不是有限的数</translation>
    </message>
    <message>
        <source>stride must be 1, 2 or 3, not {value}</source>
        <translation>步长必须是 1、2 或 3，而不是 {value}</translation>
    </message>
    <message>
        <source>a {k}x{k} kernel does not fit in {n} + 2×{p} = {total} pixels: {formula}; use a smaller kernel or pad by at least {least}</source>
        <translation>{k}x{k} 的卷积核放不进 {n} + 2×{p} = {total} 个像素：{formula}；请用更小的卷积核，或至少填充 {least} 个像素</translation>
    </message>
    <message>
        <source>the input must be one 2-D map, not shape {shape}</source>
        <translation>输入必须是一张二维特征图，而不是形状 {shape}</translation>
    </message>
    <message>
        <source>unknown preset {name}</source>
        <translation>没有名为 {name} 的预设</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>panel_export</name>
    <message>
        <source>Export panel as image</source>
        <translation>将面板导出为图像</translation>
    </message>
    <message>
        <source>Panel:</source>
        <translation>面板：</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export the panel</source>
        <translation>无法导出面板</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>E&amp;xport panel as image…</source>
        <translation>将面板导出为图像…(&amp;X)</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Network input (32x32)</source>
        <translation>网络输入（32x32）</translation>
    </message>
    <message>
        <source>Where the network looks</source>
        <translation>网络在看哪里</translation>
    </message>
    <message>
        <source>convolution {0}x{0}</source>
        <translation>卷积 {0}x{0}</translation>
    </message>
    <message>
        <source>stride {0}</source>
        <translation>步长 {0}</translation>
    </message>
    <message>
        <source>SAME padding</source>
        <translation>相同填充</translation>
    </message>
    <message>
        <source>padding {0} px</source>
        <translation>填充 {0} 像素</translation>
    </message>
    <message>
        <source>pooling {0}x{0}</source>
        <translation>池化 {0}x{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>not in this network</source>
        <translation>这个网络中没有</translation>
    </message>
    <message>
        <source>This network has no convolution: its first layer reads the 32x32 input as one list of 1024 numbers, so there are no feature maps to show.</source>
        <translation>这个网络没有卷积层：它的第一层把 32x32 的输入当作一串 1024 个数来读，因此没有可显示的特征图。</translation>
    </message>
    <message>
        <source>This network has a single convolution stage (C1): nothing follows it here.</source>
        <translation>这个网络只有一个卷积阶段（C1）：这里没有后续的层。</translation>
    </message>
    <message>
        <source>No pooling after {0} in this network: the next layer reads its maps as they are.</source>
        <translation>这个网络在 {0} 之后没有池化：下一层直接读取它的特征图。</translation>
    </message>
    <message>
        <source>Kernels (none in this network)</source>
        <translation>卷积核（这个网络没有）</translation>
    </message>
    <message>
        <source>Kernels ({0})</source>
        <translation>卷积核（{0}）</translation>
    </message>
    <message>
        <source>fully connected</source>
        <translation>全连接层</translation>
    </message>
    <message>
        <source>{0} · fully connected</source>
        <translation>{0} · 全连接层</translation>
    </message>
</context>
<context>
    <name>quit_guard</name>
    <message>
        <source>Save the model in use?</source>
        <translation>保存正在使用的模型吗？</translation>
    </message>
    <message>
        <source>The model in use ({0}) has not been saved. Quit anyway and lose it?</source>
        <translation>正在使用的模型（{0}）尚未保存。仍要退出并丢弃它吗？</translation>
    </message>
    <message>
        <source>Save keeps it in a weights file that opens next time.</source>
        <translation>选择“保存”会把它存入权重文件，下次启动时会打开。</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>撤销{0}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>重做{0}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>The tutorial&apos;s ideas, live on your drawing</source>
        <translation>教程中的概念，实时作用于你的手写数字</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>洞察</translation>
    </message>
    <message>
        <source>A whole data set at a glance: confusions, mistakes, where the network looks</source>
        <translation>整个数据集一览：混淆、错误，以及网络在看哪里</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Design your own LeNet, see its shapes, train it and compare</source>
        <translation>设计你自己的 LeNet，查看各层形状，训练并对比</translation>
    </message>
</context>
</TS>
