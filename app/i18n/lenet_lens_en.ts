<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CollectionDialog</name>
    <message numerus="yes">
        <source>%n drawing(s) in {0}. The network reading the canvas misreads {1} of them (orange frame).</source>
        <translation>
            <numerusform>%n drawing in {0}. The network reading the canvas misreads {1} of them (orange frame).</numerusform>
            <numerusform>%n drawings in {0}. The network reading the canvas misreads {1} of them (orange frame).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relabelled %n drawing(s) as {0}.</source>
        <translation>
            <numerusform>Relabelled %n drawing as {0}.</numerusform>
            <numerusform>Relabelled %n drawings as {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n drawing(s) from your collection? Undo delete (Ctrl+Z) in this window brings them back.</source>
        <translation>
            <numerusform>Delete %n drawing from your collection? Undo delete (Ctrl+Z) in this window brings it back.</numerusform>
            <numerusform>Delete %n drawings from your collection? Undo delete (Ctrl+Z) in this window brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n drawing(s). Undo delete (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Deleted %n drawing. Undo delete (Ctrl+Z) brings it back.</numerusform>
            <numerusform>Deleted %n drawings. Undo delete (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %n drawing(s).</source>
        <translation>
            <numerusform>Put back %n drawing.</numerusform>
            <numerusform>Put back %n drawings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawing(s) to {0}.</source>
        <translation>
            <numerusform>Exported %n drawing to {0}.</numerusform>
            <numerusform>Exported %n drawings to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing(s).</source>
        <translation>
            <numerusform>Imported %n drawing.</numerusform>
            <numerusform>Imported %n drawings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing(s) were already in your collection.</source>
        <translation>
            <numerusform>%n drawing was already in your collection.</numerusform>
            <numerusform>%n drawings were already in your collection.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message numerus="yes">
        <source>{0} · %n drawing(s)</source>
        <translation>
            <numerusform>{0} · %n drawing</numerusform>
            <numerusform>{0} · %n drawings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataFolderRow</name>
    <message numerus="yes">
        <source>⚠ MNIST is not in this folder (%n of 4 files missing). Download it here, or choose a folder that has it.</source>
        <translation>
            <numerusform>⚠ MNIST is not in this folder (%n of 4 files missing). Download it here, or choose a folder that has it.</numerusform>
            <numerusform>⚠ MNIST is not in this folder (%n of 4 files missing). Download it here, or choose a folder that has it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinetuneDialog</name>
    <message numerus="yes">
        <source>Your collection has %n drawing(s). Fine-tuning starts from the active network and teaches it them, redrawn at other sizes, places and pen widths.</source>
        <translation>
            <numerusform>Your collection has %n drawing. Fine-tuning starts from the active network and teaches it, redrawn at other sizes, places and pen widths.</numerusform>
            <numerusform>Your collection has %n drawings. Fine-tuning starts from the active network and teaches it them, redrawn at other sizes, places and pen widths.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlattenPanel</name>
    <message numerus="yes">
        <source>The active network (%n convolution stage(s))</source>
        <translation>
            <numerusform>The active network (%n convolution stage)</numerusform>
            <numerusform>The active network (%n convolution stages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabTrainDialog</name>
    <message numerus="yes">
        <source>Default: %n epoch(s) on MNIST and the real pen digits, about a minute on two cores for a LeNet-5-sized design; an epoch takes longer the more multiply-adds the design has.</source>
        <translation>
            <numerusform>Default: %n epoch on MNIST and the real pen digits, about a minute on two cores for a LeNet-5-sized design; an epoch takes longer the more multiply-adds the design has.</numerusform>
            <numerusform>Default: %n epochs on MNIST and the real pen digits, about a minute on two cores for a LeNet-5-sized design; an epoch takes longer the more multiply-adds the design has.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message numerus="yes">
        <source>Defaults: the shipped recipe cut to %n epoch(s), under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</source>
        <translation>
            <numerusform>Defaults: the shipped recipe cut to %n epoch, under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</numerusform>
            <numerusform>Defaults: the shipped recipe cut to %n epochs, under a minute on two cores for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; compare it with max pooling and relu.</numerusform>
        </translation>
    </message>
</context>
</TS>
