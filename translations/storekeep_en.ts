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
    <name>sk::BulkEditDialog</name>
    <message numerus="yes">
        <location filename="../ui/products/bulkeditdialog.cpp" line="+190"/>
        <source>%n product(s) selected</source>
        <translation>
            <numerusform>%n product selected</numerusform>
            <numerusform>%n products selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) to apply</source>
        <translation>
            <numerusform>%n change to apply</numerusform>
            <numerusform>%n changes to apply</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::CustomerDetailView</name>
    <message numerus="yes">
        <location filename="../ui/customers/customerdetailview.cpp" line="+193"/>
        <source>Showing the %n most recent orders.</source>
        <translation>
            <numerusform>Showing the most recent order (%n).</numerusform>
            <numerusform>Showing the %n most recent orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::CustomersPage</name>
    <message numerus="yes">
        <location filename="../ui/customers/customerspage.cpp" line="+376"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::InventoryPage</name>
    <message numerus="yes">
        <location filename="../ui/inventory/inventorypage.cpp" line="+499"/>
        <source>%n stock level(s)</source>
        <translation>
            <numerusform>%n stock level</numerusform>
            <numerusform>%n stock levels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::LowStockNotifier</name>
    <message numerus="yes">
        <location filename="../ui/inventory/lowstocknotifier.cpp" line="+236"/>
        <source>%n items fell to their low-stock level: %1</source>
        <translation>
            <numerusform>%n item fell to its low-stock level: %1</numerusform>
            <numerusform>%n items fell to their low-stock level: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+547"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+219"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::OrderHtml</name>
    <message numerus="yes">
        <location filename="../ui/orders/orderhtml.cpp" line="+157"/>
        <source>%n item(s) shipped</source>
        <translation>
            <numerusform>%n item shipped</numerusform>
            <numerusform>%n items shipped</numerusform>
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
<context>
    <name>sk::PendingEdits</name>
    <message numerus="yes">
        <location filename="../ui/sync/pendingedits.cpp" line="+155"/>
        <source>%n change(s) could not be sent yet.</source>
        <translation>
            <numerusform>%n change could not be sent yet.</numerusform>
            <numerusform>%n changes could not be sent yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::PendingEditsDialog</name>
    <message numerus="yes">
        <location filename="../ui/sync/pendingeditsdialog.cpp" line="+83"/>
        <source>&amp;Discard %n change(s)…</source>
        <translation>
            <numerusform>&amp;Discard %n change…</numerusform>
            <numerusform>&amp;Discard %n changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>You have %n change(s) that have not reached the server yet.</source>
        <translation>
            <numerusform>You have %n change that has not reached the server yet.</numerusform>
            <numerusform>You have %n changes that have not reached the server yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Discard %n change(s)? They never reach the server and cannot be brought back.</source>
        <translation>
            <numerusform>Discard %n change? It never reaches the server and cannot be brought back.</numerusform>
            <numerusform>Discard %n changes? They never reach the server and cannot be brought back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Discard %n change(s) made in %1? They never reach the server and cannot be brought back.</source>
        <translation>
            <numerusform>Discard %n change made in %1? It never reaches the server and cannot be brought back.</numerusform>
            <numerusform>Discard %n changes made in %1? They never reach the server and cannot be brought back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Discard %n change(s)</source>
        <translation>
            <numerusform>&amp;Discard %n change</numerusform>
            <numerusform>&amp;Discard %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::SyncIssueListModel</name>
    <message numerus="yes">
        <location filename="../ui/sync/syncissuelistmodel.cpp" line="+221"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::SyncIssuesPanel</name>
    <message numerus="yes">
        <location filename="../ui/sync/syncissuespanel.cpp" line="+310"/>
        <source>%n issue(s) could not be resolved:</source>
        <translation>
            <numerusform>%n issue could not be resolved:</numerusform>
            <numerusform>%n issues could not be resolved:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n issue(s) resolved.</source>
        <translation>
            <numerusform>%n issue resolved.</numerusform>
            <numerusform>%n issues resolved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Kept your change in %n issue(s); it is being sent to the server.</source>
        <translation>
            <numerusform>Kept your change in %n issue; it is being sent to the server.</numerusform>
            <numerusform>Kept your changes in %n issues; they are being sent to the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Kept your change in %n issue(s); it is sent with the next sync.</source>
        <translation>
            <numerusform>Kept your change in %n issue; it is sent with the next sync.</numerusform>
            <numerusform>Kept your changes in %n issues; they are sent with the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Took the server&apos;s version in %n issue(s).</source>
        <translation>
            <numerusform>Took the server&apos;s version in %n issue.</numerusform>
            <numerusform>Took the server&apos;s version in %n issues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Dismissed %n issue(s).</source>
        <translation>
            <numerusform>Dismissed %n issue.</numerusform>
            <numerusform>Dismissed %n issues.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../ui/sync/syncstatuswidget.cpp" line="+162"/>
        <source>synced %n min ago</source>
        <translation>
            <numerusform>synced %n min ago</numerusform>
            <numerusform>synced %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>synced %n h ago</source>
        <translation>
            <numerusform>synced %n h ago</numerusform>
            <numerusform>synced %n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n sync issue</numerusform>
            <numerusform>%n sync issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n change(s) on this computer have not reached the server yet.</source>
        <translation>
            <numerusform>%n change on this computer has not reached the server yet.</numerusform>
            <numerusform>%n changes on this computer have not reached the server yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) the server refused need your decision (Sync issues).</source>
        <translation>
            <numerusform>%n change the server refused needs your decision (Sync issues).</numerusform>
            <numerusform>%n changes the server refused need your decision (Sync issues).</numerusform>
        </translation>
    </message>
</context>
</TS>
