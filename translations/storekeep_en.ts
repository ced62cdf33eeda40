<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StorekeepCli</name>
    <message numerus="yes">
        <location filename="../app/cli/synccommands.cpp" line="+325"/>
        <source>%n edit(s) in %1 are not synced yet.</source>
        <translation>
            <numerusform>%n edit in %1 is not synced yet.</numerusform>
            <numerusform>%n edits in %1 are not synced yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::AuthSession</name>
    <message numerus="yes">
        <location filename="../sync/auth/authsession.cpp" line="+186"/>
        <source>Too many failed sign-ins; try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins; try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins; try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+349"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::Outbox</name>
    <message numerus="yes">
        <location filename="../sync/local/outbox.cpp" line="+386"/>
        <source>%n edit(s) are still waiting to be sent; a new sync identity would lose them.</source>
        <translation>
            <numerusform>%n edit is still waiting to be sent; a new sync identity would lose it.</numerusform>
            <numerusform>%n edits are still waiting to be sent; a new sync identity would lose them.</numerusform>
        </translation>
    </message>
</context>
</TS>
